import { Layout } from '../../../ui/Layout.js';
import type { PageContext, NavEntry } from '../../../ui/context.js';
import { messages, tr } from '../../../ui/i18n.js';
import { formatNumber, withDigits, formatThaiDateTime } from '../../../shared/thai.js';
import type { Agency } from '../../agencies/index.js';
import type { AgencyOverview } from '../overview.js';
import type { DashboardCard } from '../../../platform/module.js';

const M = messages({
  dashboard: { th: 'ภาพรวม', en: 'Overview' },
  demoNote: { th: 'หน่วยงานนี้เป็นข้อมูลสาธิตสำหรับทดลองใช้ ไม่ใช่ข้อมูลจริง', en: 'This agency is demo data, not a real agency.' },
  latest: { th: 'ผลการประเมิน ITA ล่าสุด', en: 'Latest ITA result' },
  year: { th: 'ปีงบประมาณ', en: 'Fiscal year' },
  total: { th: 'คะแนนรวม (ป.ป.ช.)', en: 'Official total' },
  computed: { th: 'คะแนนที่คำนวณได้', en: 'Computed total' },
  level: { th: 'ระดับผลการประเมิน', en: 'Level' },
  passed: { th: 'ผ่านเกณฑ์', en: 'Passed the pass mark of' },
  gap: { th: 'ต่ำกว่าเกณฑ์', en: 'Below the pass mark by' },
  points: { th: 'คะแนน', en: 'points' },
  flags: { th: 'ข้อสังเกตที่ต้องตรวจสอบ', en: 'Inconsistencies to check' },
  noResults: { th: 'ยังไม่มีผลการประเมิน เริ่มจากบันทึกหรือนำเข้าผลการประเมิน ITA', en: 'No results yet: enter or import the ITA results first.' },
  enterResults: { th: 'บันทึกผลการประเมิน', en: 'Enter results' },
  plan: { th: 'แผนปรับปรุง', en: 'Improvement plan' },
  planRows: { th: 'ประเด็นในแผน', en: 'rows in the plan' },
  noPlan: { th: 'ยังไม่มีแผน', en: 'No plan yet' },
  oit: { th: 'ความพร้อม OIT', en: 'OIT readiness' },
  noOit: { th: 'ยังไม่เริ่มเตรียมข้อมูล OIT', en: 'OIT preparation not started' },
  analysis: { th: 'ดูผลการวิเคราะห์', en: 'See the analysis' },
  next: { th: 'เมนู', en: 'Menu' },
  steps: { th: 'สิ่งที่ควรทำต่อไป', en: 'Next steps' },
  noSteps: { th: 'ไม่มีงานค้างในขณะนี้', en: 'Nothing pending now' },
  cycle: { th: 'ผลการประเมินปีนี้ใช้ต่อใน', en: 'These results lead to' },
  measuresOf: { th: 'มาตรการและแผนปรับปรุงปี', en: 'measures and plan for' },
  oitOf: { th: 'หลักฐาน OIT ปี', en: 'OIT evidence for' },
  provisional: {
    th: 'แคตตาล็อกปีนี้เป็นฉบับชั่วคราว รายการ OIT อาจเปลี่ยนเมื่อ ป.ป.ช. ประกาศ',
    en: 'This year’s catalogue is provisional: the OIT list may change when NACC publishes it.',
  },
  oitNow: { th: 'ปีที่กำลังเก็บข้อมูลหรือปีถัดไป', en: 'the year being collected or next' },
  public: { th: 'หน้าเว็บสาธารณะของหน่วยงาน', en: 'The agency’s public page' },
});

export function DashboardPage({ ctx, agency, overview, links, cards = [] }: { ctx: PageContext; agency: Agency; overview: AgencyOverview; links: NavEntry[]; cards?: DashboardCard[] }) {
  const L = ctx.locale;
  const dg = agency.digits;
  const n = (v: number) => formatNumber(v, dg);
  const r = overview.latestResults;
  return (
    <Layout ctx={ctx} title={tr(L, M.dashboard)}>
      <h1>
        {tr(L, M.dashboard)}: {agency.nameTh}
      </h1>
      {agency.isDemo && <div class="notice notice-info">{tr(L, M.demoNote)}</div>}
      {r ? (
        <section aria-labelledby="latest-title">
          <h2 id="latest-title">
            {tr(L, M.latest)} — {tr(L, M.year)} {withDigits(String(r.year), dg)}
          </h2>
          <div class="cards">
            <div class="card">
              <div class="card-value">{r.officialTotal !== null ? n(r.officialTotal) : '–'}</div>
              <div class="card-label">{tr(L, M.total)}</div>
            </div>
            <div class="card">
              <div class="card-value">{r.computedTotal !== null ? n(r.computedTotal) : '–'}</div>
              <div class="card-label">{tr(L, M.computed)}</div>
            </div>
            <div class="card">
              <div class="card-value">{r.level ?? '–'}</div>
              <div class="card-label">{tr(L, M.level)}</div>
            </div>
            <div class="card">
              <div class="card-value">{r.passed ? '✓' : r.gapToPass !== null ? n(r.gapToPass) : '–'}</div>
              {/* The pass mark is the year's, from its catalogue, in the agency's digits. */}
              <div class="card-label">
                {r.passed ? `${tr(L, M.passed)} ${r.passMark !== null ? withDigits(String(r.passMark), dg) : ''} ${tr(L, M.points)}` : `${tr(L, M.gap)} (${tr(L, M.points)})`}
              </div>
            </div>
          </div>
          {r.flagCount > 0 && (
            <div class="notice notice-warn">
              {tr(L, M.flags)}: {withDigits(String(r.flagCount), dg)}
            </div>
          )}
          <p>
            <a href={`/admin/results/${r.year}`}>{tr(L, M.analysis)}</a>
          </p>
          {/* Results of year N feed the measures of year N+1 and the OIT evidence of year N+1. */}
          <p class="cycle">
            {tr(L, M.cycle)}: <a href={`/admin/plan/${r.year}`}>{tr(L, M.measuresOf)} {withDigits(String(r.year + 1), dg)}</a>
            {overview.oitYears.includes(r.year + 1) && (
              <>
                {' · '}
                <a href={`/admin/oit/${r.year + 1}`}>{tr(L, M.oitOf)} {withDigits(String(r.year + 1), dg)}</a>
              </>
            )}
          </p>
        </section>
      ) : (
        <div class="notice notice-info">
          {tr(L, M.noResults)} <a href="/admin/results">{tr(L, M.enterResults)}</a>
        </div>
      )}
      <div class="cards">
        <div class="card">
          <div class="card-value">{overview.planRows !== null ? withDigits(String(overview.planRows), dg) : '–'}</div>
          <div class="card-label">
            {tr(L, M.plan)}: {overview.planRows !== null ? tr(L, M.planRows) : tr(L, M.noPlan)}
          </div>
        </div>
        <div class="card">
          <div class="card-value">{overview.oit ? `${withDigits(String(Math.round(overview.oit.readiness)), dg)}%` : '–'}</div>
          <div class="card-label">
            {overview.oit ? (
              <a href={`/admin/oit/${overview.oit.year}`}>{`${tr(L, M.oit)} ${tr(L, M.year)} ${withDigits(String(overview.oit.year), dg)}`}</a>
            ) : (
              tr(L, M.noOit)
            )}
            {overview.oit && <span class="card-note"> ({tr(L, M.oitNow)})</span>}
          </div>
          {overview.oit?.provisional && <p class="card-flag" data-flag="provisional">{tr(L, M.provisional)}</p>}
        </div>
        {overview.watch && (
          <div class="card" id="oit-watch-card">
            <div class="card-value">{withDigits(String(overview.watch.openAlerts), dg)}</div>
            <div class="card-label">
              <a href="/admin/oit/watch">{L === 'en' ? 'Problems on the public OIT pages' : 'ปัญหาบนหน้าเผยแพร่ข้อมูล OIT'}</a>
              <span class="card-note">
                {' '}
                ({overview.watch.lastRunAt ? `${L === 'en' ? 'last checked' : 'ตรวจล่าสุด'} ${formatThaiDateTime(overview.watch.lastRunAt, dg)}` : L === 'en' ? 'not checked yet' : 'ยังไม่เคยตรวจ'})
              </span>
            </div>
          </div>
        )}
      </div>
      {cards.map((c) => (
        <ModuleCard card={c} digits={dg} />
      ))}
      <h2>{tr(L, M.steps)}</h2>
      {overview.nextSteps.length ? (
        <ol class="next-steps">
          {overview.nextSteps.map((s) => (
            <li data-step={s.key}>
              <a href={s.href}>{withDigits(s.textTh, dg)}</a>
            </li>
          ))}
        </ol>
      ) : (
        <p>{tr(L, M.noSteps)}</p>
      )}
      <h2>{tr(L, M.next)}</h2>
      <ul>
        {links.map((l) => (
          <li>
            <a href={l.href}>{tr(L, l.label)}</a>
          </li>
        ))}
        <li>
          <a href={`/a/${agency.slug}`}>{tr(L, M.public)}</a>
        </li>
      </ul>
    </Layout>
  );
}

/** A card a module contributes (manifest `dashboardCards`), in the agency's digits. */
function ModuleCard({ card, digits }: { card: DashboardCard; digits: Agency['digits'] }) {
  const id = `dashboard-card-${card.key}`;
  return (
    <section id={id} class="dashboard-card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{withDigits(card.title, digits)}</h2>
      <div class="cards">
        {card.figures.map((f) => (
          <div class="card">
            <div class="card-value">{withDigits(f.value, digits)}</div>
            <div class="card-label">{f.label}</div>
          </div>
        ))}
      </div>
      {card.notes.length > 0 && (
        <ul class="card-notes">
          {card.notes.map((n) => (
            <li>{withDigits(n, digits)}</li>
          ))}
        </ul>
      )}
      <p>
        <a href={card.link.href}>{card.link.label}</a>
      </p>
    </section>
  );
}
