import { Layout } from '../../../ui/Layout.js';
import { DataTable } from '../../../ui/components.js';
import type { PageContext } from '../../../ui/context.js';
import { messages, tr } from '../../../ui/i18n.js';
import { formatThaiDate, formatThaiDateTime } from '../../../shared/thai.js';
import { ELEMENT_CHECK_LABELS, type Catalogue } from '../domain/schema.js';
import type { CatalogueSummary } from '../service.js';
import { CM, StatusTag, Unverified, digitsOf, numIn } from './shared.js';
import { CatalogueCaveatNotice } from './CaveatNotice.js';

const M = messages({
  title: { th: 'แคตตาล็อก ITA ปีงบประมาณ', en: 'ITA catalogue, fiscal year' },
  back: { th: 'แคตตาล็อกทุกปี', en: 'All years' },
  version: { th: 'รุ่น', en: 'Version' },
  status: { th: 'สถานะ', en: 'Status' },
  source: { th: 'ที่มา', en: 'Source' },
  unverifiedCount: { th: 'ข้อมูลที่ยังไม่ยืนยัน', en: 'Unverified facts' },
  items: { th: 'รายการ', en: 'items' },
  sources: { th: 'แหล่งอ้างอิง', en: 'Sources' },
  download: { th: 'ดาวน์โหลดแคตตาล็อกปีนี้', en: 'Download this catalogue' },
  tools: { th: 'เครื่องมือและน้ำหนัก', en: 'Tools and weights' },
  code: { th: 'รหัส', en: 'Code' },
  name: { th: 'ชื่อ', en: 'Name' },
  weight: { th: 'น้ำหนัก (ร้อยละ)', en: 'Weight (%)' },
  rating: { th: 'เกณฑ์ระดับผลการประเมิน', en: 'Rating rules' },
  bandsLead: { th: 'ระดับตามช่วงคะแนนรวม (ระดับแรกที่คะแนนถึง)', en: 'Levels by total score (the first level reached)' },
  rulesLead: { th: 'ระดับตามคะแนนรวม และบางระดับกำหนดคะแนนขั้นต่ำของทุกเครื่องมือ (ใช้เกณฑ์แรกที่ผ่าน)', en: 'Levels by total score, some also requiring every tool to reach a score (the first rule met)' },
  level: { th: 'ระดับ', en: 'Level' },
  min: { th: 'คะแนนรวมขั้นต่ำ', en: 'Minimum total' },
  minEach: { th: 'ขั้นต่ำทุกเครื่องมือ', en: 'Minimum of each tool' },
  passMark: { th: 'คะแนนผ่านเกณฑ์', en: 'Pass mark' },
  strength: { th: 'เกณฑ์จุดแข็ง (คะแนนตัวชี้วัดตั้งแต่)', en: 'Strength threshold (indicator score at least)' },
  indicators: { th: 'ตัวชี้วัด', en: 'Indicators' },
  no: { th: 'ที่', en: 'No.' },
  tool: { th: 'เครื่องมือ', en: 'Tool' },
  description: { th: 'คำอธิบายและตัวชี้วัดย่อย', en: 'Description and sub-indicators' },
  questions: { th: 'ข้อคำถาม IIT/EIT และแนวทางพัฒนา', en: 'IIT/EIT questions and recommendations' },
  noQuestions: { th: 'แคตตาล็อกปีนี้ยังไม่มีรายการข้อคำถาม', en: 'This catalogue lists no questions yet.' },
  indicator: { th: 'ตัวชี้วัด', en: 'Indicator' },
  question: { th: 'ข้อคำถาม', en: 'Question' },
  recommendation: { th: 'แนวทางพัฒนา', en: 'Recommendation' },
  oit: { th: 'รายการ OIT และองค์ประกอบ', en: 'OIT items and elements' },
  item: { th: 'รายการ', en: 'Item' },
  elements: { th: 'องค์ประกอบ', en: 'Elements' },
  period: { th: 'ช่วงเวลาของหลักฐาน', en: 'Evidence period' },
  checks: { th: 'ตรวจอัตโนมัติ', en: 'Automatic checks' },
  calendar: { th: 'ปฏิทินการประเมิน', en: 'Assessment calendar' },
  step: { th: 'ขั้นตอน', en: 'Step' },
  dates: { th: 'ช่วงวันที่', en: 'Dates' },
  history: { th: 'รุ่นที่เคยนำเข้า', en: 'Imported versions' },
  importedAt: { th: 'นำเข้าเมื่อ', en: 'Imported' },
  active: { th: 'ใช้อยู่', en: 'In force' },
  inactive: { th: 'ถูกแทนแล้ว', en: 'Replaced' },
  periodNone: { th: 'ไม่กำหนด', en: 'None' },
  periodCurrent: { th: 'ปีงบประมาณที่ประเมิน', en: 'Assessed fiscal year' },
  periodFirstHalf: { th: '6 เดือนแรกของปีงบประมาณ', en: 'First half of the fiscal year' },
  periodPrevious: { th: 'ปีงบประมาณก่อนหน้า', en: 'Previous fiscal year' },
});

const PERIOD = { none: M.periodNone, 'current-fy': M.periodCurrent, 'first-half': M.periodFirstHalf, 'previous-fy': M.periodPrevious } as const;

export interface ImportedVersionView {
  version: string;
  active: boolean;
  importedAt: string;
}

export function CatalogueYearPage({
  ctx,
  catalogue: c,
  summary,
  versions,
}: {
  ctx: PageContext;
  catalogue: Catalogue;
  summary: CatalogueSummary;
  versions: ImportedVersionView[];
}) {
  const L = ctx.locale;
  const n = numIn(ctx);
  const digits = digitsOf(ctx);
  const title = `${tr(L, M.title)} ${n(c.fiscalYear)}`;
  const tool = (code: string) => c.tools.find((t) => t.code === code);
  return (
    <Layout ctx={ctx} title={title}>
      <p>
        <a href="/admin/catalogue">{tr(L, M.back)}</a>
      </p>
      <h1>{title}</h1>
      <dl class="summary-list">
        <dt>{tr(L, M.version)}</dt>
        <dd>{n(c.version)}</dd>
        <dt>{tr(L, M.status)}</dt>
        <dd>
          <StatusTag locale={L} status={c.status} />
        </dd>
        <dt>{tr(L, M.source)}</dt>
        <dd>
          {summary.source === 'imported' ? tr(L, CM.imported) : tr(L, CM.shipped)}
          {summary.importedAt ? ` (${formatThaiDateTime(summary.importedAt, digits)})` : ''}
        </dd>
        <dt>{tr(L, M.unverifiedCount)}</dt>
        <dd>
          {n(summary.unverifiedCount)} {tr(L, M.items)}
        </dd>
        <dt>{tr(L, M.passMark)}</dt>
        <dd>{n(c.passMark)}</dd>
        <dt>{tr(L, M.strength)}</dt>
        <dd>{n(c.strengthThreshold)}</dd>
      </dl>
      <CatalogueCaveatNotice ctx={ctx} catalogue={c} />
      {c.summaryTh && <p>{c.summaryTh}</p>}
      <p>
        {tr(L, M.download)}:{' '}
        <a href={`/admin/catalogue/${c.fiscalYear}/export.json`} download>
          JSON
        </a>{' '}
        ·{' '}
        <a href={`/admin/catalogue/${c.fiscalYear}/export.xlsx`} download>
          XLSX
        </a>
      </p>
      {c.sources.length > 0 && (
        <details>
          <summary>{tr(L, M.sources)}</summary>
          <ul>
            {c.sources.map((s) => (
              <li>{s}</li>
            ))}
          </ul>
        </details>
      )}

      <h2>{tr(L, M.tools)}</h2>
      <DataTable caption={tr(L, M.tools)} head={[tr(L, M.code), tr(L, M.name), tr(L, M.weight)]}>
        {c.tools.map((t) => (
          <tr>
            <td>{t.code}</td>
            <td>
              {L === 'th' ? t.nameTh : t.nameEn}
              <Unverified locale={L} fact={t} />
            </td>
            <td class="num">{n(t.weight)}</td>
          </tr>
        ))}
      </DataTable>

      <h2>{tr(L, M.rating)}</h2>
      {c.rating.kind === 'bands' ? (
        <>
          <p>{tr(L, M.bandsLead)}</p>
          <DataTable caption={tr(L, M.rating)} head={[tr(L, M.level), tr(L, M.name), tr(L, M.min)]}>
            {c.rating.bands.map((b) => (
              <tr>
                <td>{b.code}</td>
                <td>
                  {b.labelTh || b.code}
                  <Unverified locale={L} fact={b} />
                </td>
                <td class="num">{n(b.min)}</td>
              </tr>
            ))}
          </DataTable>
        </>
      ) : (
        <>
          <p>{tr(L, M.rulesLead)}</p>
          <DataTable caption={tr(L, M.rating)} head={[tr(L, M.level), tr(L, M.name), tr(L, M.min), tr(L, M.minEach)]}>
            {c.rating.rules.map((r) => (
              <tr>
                <td>{r.code}</td>
                <td>
                  {r.labelTh}
                  <Unverified locale={L} fact={r} />
                </td>
                <td class="num">{n(r.minTotal)}</td>
                <td class="num">{r.minEachTool !== undefined ? n(r.minEachTool) : '—'}</td>
              </tr>
            ))}
          </DataTable>
        </>
      )}

      <h2>{tr(L, M.indicators)}</h2>
      <DataTable caption={tr(L, M.indicators)} head={[tr(L, M.no), tr(L, M.tool), tr(L, M.name), tr(L, M.description)]}>
        {[...c.indicators]
          .sort((a, b) => a.no - b.no)
          .map((ind) => (
            <tr id={`indicator-${ind.no}`}>
              <td class="num">{n(ind.no)}</td>
              <td>
                {ind.tool}
                {tool(ind.tool) ? ` (${n(tool(ind.tool)!.weight)}%)` : ''}
              </td>
              <td>
                {L === 'th' ? ind.nameTh : ind.nameEn}
                <Unverified locale={L} fact={ind} />
              </td>
              <td>
                {ind.descriptionTh}
                {ind.subIndicators.length > 0 && (
                  <ul>
                    {ind.subIndicators.map((s) => (
                      <li>
                        {n(s.code)} {s.nameTh}
                        <Unverified locale={L} fact={s} />
                      </li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
      </DataTable>

      <h2>{tr(L, M.questions)}</h2>
      {c.questions.length === 0 ? (
        <p>{tr(L, M.noQuestions)}</p>
      ) : (
        <DataTable caption={tr(L, M.questions)} head={[tr(L, M.code), tr(L, M.indicator), tr(L, M.question), tr(L, M.recommendation)]}>
          {c.questions.map((q) => (
            <tr>
              <td>{q.code}</td>
              <td class="num">{n(q.indicator)}</td>
              <td>
                {q.textTh}
                <Unverified locale={L} fact={q} />
              </td>
              <td>{q.recommendationTh}</td>
            </tr>
          ))}
        </DataTable>
      )}

      <h2>{tr(L, M.oit)}</h2>
      <DataTable caption={tr(L, M.oit)} head={[tr(L, M.code), tr(L, M.indicator), tr(L, M.item), tr(L, M.elements), tr(L, M.recommendation)]}>
        {c.oitItems.map((item) => (
          <tr id={`oit-${item.code}`}>
            <td>{item.code}</td>
            <td class="num">{n(item.subIndicator)}</td>
            <td>
              {item.groupTh && <div class="hint">{item.groupTh}</div>}
              {item.titleTh}
              <Unverified locale={L} fact={item} />
              {item.period !== 'none' && (
                <div class="hint">
                  {tr(L, M.period)}: {tr(L, PERIOD[item.period])}
                </div>
              )}
            </td>
            <td>
              {item.elements.length > 0 && (
                <ol>
                  {item.elements.map((el) => (
                    <li>
                      {el.textTh}
                      <Unverified locale={L} fact={el} />
                      {el.checks.length > 0 && (
                        <div class="hint">
                          {tr(L, M.checks)}: {el.checks.map((c) => (ELEMENT_CHECK_LABELS[c] ? tr(L, ELEMENT_CHECK_LABELS[c]) : c)).join('; ')}
                        </div>
                      )}
                    </li>
                  ))}
                </ol>
              )}
            </td>
            <td>{item.recommendationTh}</td>
          </tr>
        ))}
      </DataTable>

      {c.calendar.length > 0 && (
        <>
          <h2>{tr(L, M.calendar)}</h2>
          <DataTable caption={tr(L, M.calendar)} head={[tr(L, M.step), tr(L, M.dates)]}>
            {c.calendar.map((s) => (
              <tr>
                <td>
                  {s.labelTh}
                  <Unverified locale={L} fact={s} />
                </td>
                <td>
                  {formatThaiDate(s.from, { style: 'short', digits, locale: L })} – {formatThaiDate(s.to, { style: 'short', digits, locale: L })}
                </td>
              </tr>
            ))}
          </DataTable>
        </>
      )}

      {versions.length > 0 && (
        <>
          <h2>{tr(L, M.history)}</h2>
          <DataTable caption={tr(L, M.history)} head={[tr(L, M.version), tr(L, M.importedAt), tr(L, M.status)]}>
            {versions.map((v) => (
              <tr>
                <td>{n(v.version)}</td>
                <td>{formatThaiDateTime(v.importedAt, digits)}</td>
                <td>{v.active ? tr(L, M.active) : tr(L, M.inactive)}</td>
              </tr>
            ))}
          </DataTable>
        </>
      )}
    </Layout>
  );
}
