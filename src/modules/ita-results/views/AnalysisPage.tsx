/**
 * The analysis of one agency-year: every number comes from the analysis (computed from the
 * indicator scores by the year's catalogue), none is typed into the page.
 * The bars are inline SVG with width attributes: the CSP forbids style attributes.
 */
import { Layout } from '../../../ui/Layout.js';
import { DataTable, Tag, Words } from '../../../ui/components.js';
import type { PageContext } from '../../../ui/context.js';
import { messages, tr } from '../../../ui/i18n.js';
import { formatThaiDateTime } from '../../../shared/thai.js';
import { CatalogueCaveatNotice, type ToolCode } from '../../catalogue/index.js';
import type { ResultsAnalysis } from '../service.js';
import { formatters } from './format.js';

const M = messages({
  title: { th: 'ผลการวิเคราะห์ ITA ปีงบประมาณ', en: 'ITA analysis, fiscal year' },
  back: { th: 'ผลการประเมินทุกปี', en: 'All years' },
  updated: { th: 'ปรับปรุงข้อมูลล่าสุด', en: 'Last updated' },
  edit: { th: 'แก้ไขผลการประเมิน', en: 'Edit the results' },
  computed: { th: 'คะแนนรวมที่คำนวณจากตัวชี้วัด', en: 'Total computed from the indicators' },
  official: { th: 'คะแนนรวมที่ ป.ป.ช. ประกาศ', en: 'Total published by NACC' },
  notGiven: { th: 'ไม่ได้ระบุ', en: 'Not given' },
  levelComputed: { th: 'ระดับตามเกณฑ์ของปี (คำนวณ)', en: 'Level by the year’s rules (computed)' },
  levelOfficial: { th: 'ระดับที่ประกาศ', en: 'Published level' },
  passMark: { th: 'คะแนนผ่านเกณฑ์', en: 'Pass mark' },
  passed: { th: 'ผ่านเกณฑ์', en: 'Passed' },
  notPassed: { th: 'ยังไม่ผ่านเกณฑ์', en: 'Not passed' },
  gap: { th: 'ต้องเพิ่มอีก', en: 'Gap to the pass mark' },
  points: { th: 'คะแนน', en: 'points' },
  checks: { th: 'การตรวจความสอดคล้องของข้อมูล', en: 'Consistency checks' },
  noFlags: { th: 'ข้อมูลสอดคล้องกัน ไม่พบข้อสังเกต', en: 'The data is consistent; no issues found.' },
  withinRounding: {
    th: 'คะแนนรวมที่ประกาศต่างจากที่คำนวณ {d} คะแนน ซึ่งอยู่ในช่วงการปัดเศษทศนิยม 2 ตำแหน่ง',
    en: 'The published total differs from the computed one by {d}, within two-decimal rounding.',
  },
  flagsLead: { th: 'พบข้อสังเกตที่ควรตรวจสอบ', en: 'Issues to check' },
  tools: { th: 'คะแนนรายเครื่องมือ', en: 'Scores by tool' },
  tool: { th: 'เครื่องมือ', en: 'Tool' },
  weight: { th: 'น้ำหนัก (ร้อยละ)', en: 'Weight (%)' },
  mean: { th: 'คะแนนเฉลี่ย', en: 'Mean' },
  weighted: { th: 'คะแนนถ่วงน้ำหนัก', en: 'Weighted' },
  indicators: { th: 'คะแนนรายตัวชี้วัด (เรียงตามลำดับตัวชี้วัด)', en: 'Scores by indicator (in indicator order)' },
  no: { th: 'ที่', en: 'No.' },
  indicator: { th: 'ตัวชี้วัด', en: 'Indicator' },
  score: { th: 'คะแนน', en: 'Score' },
  chart: { th: 'แผนภูมิ (เส้นแนวตั้ง = คะแนนผ่านเกณฑ์)', en: 'Chart (vertical line = pass mark)' },
  note: { th: 'หมายเหตุ', en: 'Note' },
  strength: { th: 'จุดแข็ง', en: 'Strength' },
  lowestOf: { th: 'ต่ำสุดของ', en: 'Lowest of' },
  strengths: { th: 'จุดแข็ง', en: 'Strengths' },
  strengthsLead: { th: 'ตัวชี้วัดที่ได้คะแนนตั้งแต่ {t} คะแนนขึ้นไป', en: 'Indicators scoring {t} or more' },
  noStrengths: { th: 'ไม่มีตัวชี้วัดที่ได้คะแนนถึงเกณฑ์จุดแข็ง ตัวชี้วัดที่ได้คะแนนสูงสุดคือ', en: 'No indicator reaches the strength threshold; the highest is' },
  weaknesses: { th: 'ประเด็นที่ต้องพัฒนา: ตัวชี้วัดที่ได้คะแนนต่ำสุดของแต่ละเครื่องมือ', en: 'To improve: the lowest indicator of each tool' },
  questions: { th: 'ข้อคำถามของตัวชี้วัดที่ {n}', en: 'Questions of indicator {n}' },
  questionsLowest: { th: 'ข้อคำถามของตัวชี้วัดที่ {n} (คะแนนต่ำสุดก่อน)', en: 'Questions of indicator {n} (lowest first)' },
  code: { th: 'ข้อ', en: 'Code' },
  question: { th: 'ข้อคำถาม', en: 'Question' },
  recommendation: { th: 'แนวทางพัฒนา', en: 'Recommendation' },
  noQuestionScores: { th: 'ไม่ได้กรอกคะแนนรายข้อ แสดงข้อคำถามทั้งหมดของตัวชี้วัด', en: 'No question scores entered; all questions of the indicator are listed.' },
  noQuestions: { th: 'แคตตาล็อกของปีนี้ยังไม่มีข้อคำถามของตัวชี้วัดนี้', en: 'The catalogue lists no questions for this indicator.' },
  failedOit: { th: 'รายการ OIT ที่ไม่ผ่าน', en: 'OIT items not passed' },
  failedOfIndicator: { th: 'รายการ OIT ของตัวชี้วัดนี้ที่ไม่ผ่าน (รายละเอียดและข้อเสนอแนะอยู่ในตารางด้านล่าง)', en: 'OIT items of this indicator not passed (details and recommendations below)' },
  noFailedOit: { th: 'ไม่มีรายการ OIT ที่บันทึกว่าไม่ผ่าน', en: 'No OIT item is recorded as not passed.' },
  item: { th: 'รายการ', en: 'Item' },
  reason: { th: 'เหตุผลของผู้ประเมิน', en: 'Evaluator’s reason' },
  oitRecommendation: { th: 'ข้อเสนอแนะ', en: 'Recommendation' },
  changes: { th: 'เปรียบเทียบกับปีก่อน', en: 'Change against earlier years' },
  noChanges: { th: 'ยังไม่มีผลของปีก่อนหน้าในระบบ', en: 'No earlier year in the system.' },
  year: { th: 'ปีงบประมาณ', en: 'Fiscal year' },
  total: { th: 'คะแนนรวม', en: 'Total' },
  change: { th: 'เปลี่ยนแปลงถึงปีนี้', en: 'Change to this year' },
  next: { th: 'ขั้นตอนต่อไป', en: 'Next steps' },
  plan: { th: 'จัดทำแผนการนำผลการประเมินไปปรับปรุง', en: 'Draft the improvement plan' },
  docx: { th: 'ดาวน์โหลดเอกสารมาตรการส่งเสริมคุณธรรมและความโปร่งใส (DOCX)', en: 'Download the measures document (DOCX)' },
  pdf: { th: 'ดาวน์โหลดเอกสารมาตรการส่งเสริมคุณธรรมและความโปร่งใส (PDF)', en: 'Download the measures document (PDF)' },
});

const fill = (t: string, vars: Record<string, string>) => t.replace(/\{(\w+)\}/g, (_, k: string) => vars[k] ?? '');

/** A 0–100 bar with the pass mark as a line; decorative (the score is in the next cell). */
function ScoreBar({ score, passMark }: { score: number; passMark: number }) {
  const W = 200;
  const x = (n: number) => Math.max(0, Math.min(W, Math.round((n / 100) * W * 10) / 10));
  return (
    <svg class="score-bar" width={W} height={16} viewBox={`0 0 ${W} 16`} aria-hidden="true" focusable="false">
      <rect x={0} y={2} width={W} height={12} fill="#f3f2f1" />
      <rect x={0} y={2} width={x(score)} height={12} fill={score >= passMark ? '#00703c' : '#1d70b8'} />
      <line x1={x(passMark)} x2={x(passMark)} y1={0} y2={16} stroke="#0b0c0c" stroke-width={2} />
    </svg>
  );
}

export function AnalysisPage({ ctx, bundle }: { ctx: PageContext; bundle: ResultsAnalysis }) {
  const L = ctx.locale;
  const f = formatters(ctx);
  const { analysis: a, catalogue: c, record } = bundle;
  const year = a.fiscalYear;
  const title = `${tr(L, M.title)} ${f.text(year)}`;
  const toolOf = (code: ToolCode) => c.tools.find((t) => t.code === code);
  const indicatorName = (no: number) => {
    const ind = c.indicators.find((i) => i.no === no);
    return ind ? (L === 'th' ? ind.nameTh : ind.nameEn) : '';
  };
  const scoreOf = (no: number) => a.indicators.find((i) => i.no === no)?.score ?? 0;
  const lowestTools = new Map<number, ToolCode[]>();
  for (const tool of Object.keys(a.lowestPerTool) as ToolCode[]) {
    const no = a.lowestPerTool[tool].indicator;
    lowestTools.set(no, [...(lowestTools.get(no) ?? []), tool]);
  }
  const failedOf = (no: number) => a.failedOit.filter((o) => o.indicator === no);
  const strong = new Set(a.strengths);
  const reachedThreshold = a.strengths.some((no) => scoreOf(no) >= c.strengthThreshold);
  const mismatch = a.flags.some((fl) => fl.code === 'TOTAL_MISMATCH');
  const levelLabel = (code: string | null) => {
    if (!code) return tr(L, M.notGiven);
    const levels: { code: string; labelTh: string }[] = c.rating.kind === 'bands' ? c.rating.bands : c.rating.rules;
    const hit = levels.find((l) => l.code === code);
    // Bands are known by their code (AA–F); label years by their Thai label (ผ่านดี …).
    return c.rating.kind === 'labels' && hit?.labelTh ? hit.labelTh : code;
  };

  return (
    <Layout ctx={ctx} title={title}>
      <p>
        <a href="/admin/results">{tr(L, M.back)}</a>
      </p>
      <h1>{title}</h1>
      <CatalogueCaveatNotice ctx={ctx} catalogue={c} focus="results" />
      <p class="hint">
        {tr(L, M.updated)} {formatThaiDateTime(record.updatedAt, f.digits)}
        {ctx.can('results.edit') && (
          <>
            {' · '}
            <a href={`/admin/results/${year}/edit`}>{tr(L, M.edit)}</a>
          </>
        )}
      </p>

      <div class="cards">
        <div class="card" id="total-computed">
          <div class="card-value">{f.score(a.total.computed)}</div>
          <div class="card-label">{tr(L, M.computed)}</div>
        </div>
        <div class="card" id="total-official">
          <div class="card-value">{a.total.official !== null ? f.score(a.total.official) : '—'}</div>
          <div class="card-label">{a.total.official !== null ? tr(L, M.official) : `${tr(L, M.official)}: ${tr(L, M.notGiven)}`}</div>
        </div>
        <div class="card" id="level-computed">
          <div class="card-value">{levelLabel(a.level.computed)}</div>
          <div class="card-label">{tr(L, M.levelComputed)}</div>
        </div>
        <div class="card" id="level-official">
          <div class="card-value">{a.level.official ? levelLabel(a.level.official) : '—'}</div>
          <div class="card-label">{tr(L, M.levelOfficial)}</div>
        </div>
        <div class="card" id="pass-mark">
          <div class="card-value">{a.passed ? <Tag tone="good">{tr(L, M.passed)}</Tag> : <Tag tone="bad">{tr(L, M.notPassed)}</Tag>}</div>
          <div class="card-label">
            {tr(L, M.passMark)} {f.score(a.passMark)}
            {!a.passed && ` · ${tr(L, M.gap)} ${f.score(a.gapToPass)} ${tr(L, M.points)}`}
          </div>
        </div>
      </div>

      <section aria-labelledby="checks">
        <h2 id="checks">{tr(L, M.checks)}</h2>
        {a.flags.length === 0 ? (
          <div class="notice notice-success" id="flags">
            <p>{tr(L, M.noFlags)}</p>
            {a.total.difference !== null && !mismatch && (
              <p>{fill(tr(L, M.withinRounding), { d: f.text(Math.abs(a.total.difference).toFixed(4)) })}</p>
            )}
          </div>
        ) : (
          <div class="notice notice-warn" id="flags">
            <p>{tr(L, M.flagsLead)}</p>
            <ul>
              {a.flags.map((fl) => (
                <li data-flag={fl.code}>{fl.message}</li>
              ))}
            </ul>
          </div>
        )}
      </section>

      <DataTable caption={tr(L, M.tools)} head={[tr(L, M.tool), tr(L, M.weight), tr(L, M.mean), tr(L, M.weighted)]}>
        {c.tools.map((t) => (
          <tr>
            <td>
              {t.code} {L === 'th' ? t.nameTh : t.nameEn}
            </td>
            <td class="num">{f.text(t.weight)}</td>
            <td class="num">{f.score(a.tools[t.code])}</td>
            <td class="num">{f.score((a.tools[t.code] * t.weight) / 100)}</td>
          </tr>
        ))}
      </DataTable>

      <DataTable caption={tr(L, M.indicators)} head={[tr(L, M.no), tr(L, M.indicator), tr(L, M.tool), tr(L, M.score), tr(L, M.chart), tr(L, M.note)]}>
        {a.indicators.map((ind) => (
          <tr id={`indicator-${ind.no}`}>
            <td class="num">{f.text(ind.no)}</td>
            <td>{indicatorName(ind.no)}</td>
            <td>{ind.tool}</td>
            <td class="num">{f.score(ind.score)}</td>
            <td>
              <ScoreBar score={ind.score} passMark={a.passMark} />
            </td>
            <td>
              {strong.has(ind.no) && reachedThreshold && <Tag tone="good">{tr(L, M.strength)}</Tag>}
              {(lowestTools.get(ind.no) ?? []).map((tool) => (
                <>
                  {' '}
                  <Tag tone="bad">{`${tr(L, M.lowestOf)} ${tool}`}</Tag>
                </>
              ))}
            </td>
          </tr>
        ))}
      </DataTable>

      <section aria-labelledby="strengths">
        <h2 id="strengths">{tr(L, M.strengths)}</h2>
        <p>{reachedThreshold ? fill(tr(L, M.strengthsLead), { t: f.score(c.strengthThreshold) }) : tr(L, M.noStrengths)}</p>
        <ul>
          {a.strengths.map((no) => (
            <li>
              {tr(L, M.indicator)} {f.text(no)} {indicatorName(no)}: {f.score(scoreOf(no))}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="weaknesses">
        <h2 id="weaknesses">{tr(L, M.weaknesses)}</h2>
        {c.tools.map((t) => {
          const low = a.lowestPerTool[t.code];
          const scored = low.questions.some((q) => q.score !== null);
          return (
            <div class="lowest" id={`lowest-${t.code}`}>
              <h3>
                {t.code}: {tr(L, M.indicator)} {f.text(low.indicator)} {indicatorName(low.indicator)} — {f.score(low.score)}
              </h3>
              {t.code === 'OIT' && failedOf(low.indicator).length > 0 && (
                <>
                  <p>{tr(L, M.failedOfIndicator)}</p>
                  <ul>
                    {failedOf(low.indicator).map((o) => (
                      <li>
                        <a href={`#failed-${o.code}`}>{o.code}</a> {o.titleTh}
                      </li>
                    ))}
                  </ul>
                </>
              )}
              {low.questions.length === 0 ? (
                t.code === 'OIT' ? null : <p>{tr(L, M.noQuestions)}</p>
              ) : (
                <>
                  {!scored && <p class="hint">{tr(L, M.noQuestionScores)}</p>}
                  <DataTable
                    caption={fill(tr(L, scored ? M.questionsLowest : M.questions), { n: f.text(low.indicator) })}
                    head={[tr(L, M.code), tr(L, M.question), tr(L, M.score), tr(L, M.recommendation)]}
                  >
                    {low.questions.map((q) => (
                      <tr>
                        <td>{q.code}</td>
                        <td>
                          <Words text={q.textTh} />
                        </td>
                        <td class="num">{q.score !== null ? f.score(q.score) : '—'}</td>
                        <td>
                          <Words text={q.recommendationTh} />
                        </td>
                      </tr>
                    ))}
                  </DataTable>
                </>
              )}
            </div>
          );
        })}
      </section>

      <section aria-labelledby="failed-oit">
        <h2 id="failed-oit">{tr(L, M.failedOit)}</h2>
        {a.failedOit.length === 0 ? (
          <p>{tr(L, M.noFailedOit)}</p>
        ) : (
          <DataTable caption={tr(L, M.failedOit)} head={[tr(L, M.code), tr(L, M.item), tr(L, M.reason), tr(L, M.oitRecommendation)]}>
            {a.failedOit.map((o) => (
              <tr id={`failed-${o.code}`}>
                <td>{o.code}</td>
                <td>
                  {o.titleTh}
                  <div class="hint">
                    {tr(L, M.indicator)} {f.text(o.subIndicator)}
                  </div>
                </td>
                <td>{o.reason || '—'}</td>
                <td>{o.recommendation}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>

      <section aria-labelledby="changes">
        <h2 id="changes">{tr(L, M.changes)}</h2>
        {a.changes.length === 0 ? (
          <p>{tr(L, M.noChanges)}</p>
        ) : (
          <DataTable caption={tr(L, M.changes)} head={[tr(L, M.year), tr(L, M.total), tr(L, M.change)]}>
            {a.changes.map((ch) => (
              <tr>
                <td>
                  <a href={`/admin/results/${ch.fiscalYear}`}>{f.text(ch.fiscalYear)}</a>
                </td>
                <td class="num">{f.score(ch.total)}</td>
                <td class="num">{f.delta(ch.delta)}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>

      {/*
        Next steps. The improvement plan (/admin/plan/:year) and the measures document downloads
        (/admin/documents/:year/measures.docx|.pdf) are routes of the improvement and documents
        modules; this page only links to them.
      */}
      <section aria-labelledby="next-steps" id="next">
        <h2 id="next-steps">{tr(L, M.next)}</h2>
        <ul>
          <li>
            <a href={`/admin/plan/${year}`}>{tr(L, M.plan)}</a>
          </li>
          <li>
            <a href={`/admin/documents/${year}/measures.docx`}>{tr(L, M.docx)}</a>
          </li>
          <li>
            <a href={`/admin/documents/${year}/measures.pdf`}>{tr(L, M.pdf)}</a>
            {' · '}
            <a href={`/admin/documents/${year}/measures`}>ตัวเลือกเอกสาร (ปีในชื่อเรื่อง วันที่ ผู้ลงนาม)</a>
          </li>
        </ul>
      </section>
    </Layout>
  );
}

