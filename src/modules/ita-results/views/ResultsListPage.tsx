import { Layout } from '../../../ui/Layout.js';
import { DataTable, Tag } from '../../../ui/components.js';
import type { PageContext } from '../../../ui/context.js';
import { messages, tr } from '../../../ui/i18n.js';
import type { ResultsYearSummary } from '../service.js';
import { formatters } from './format.js';

const M = messages({
  title: { th: 'ผลการประเมิน ITA', en: 'ITA results' },
  lead: {
    th: 'ผลการประเมินคุณธรรมและความโปร่งใสของหน่วยงานรายปีงบประมาณ บันทึกจากรายงานของ ป.ป.ช. แล้วระบบวิเคราะห์จุดแข็ง จุดที่ต้องพัฒนา และรายการ OIT ที่ไม่ผ่านให้',
    en: "The agency's ITA results by fiscal year, entered from the NACC report; Prongsai analyses strengths, weaknesses and failed OIT items.",
  },
  caption: { th: 'ผลการประเมินที่บันทึกไว้', en: 'Recorded results' },
  empty: { th: 'ยังไม่ได้บันทึกผลการประเมิน', en: 'No results recorded yet.' },
  year: { th: 'ปีงบประมาณ', en: 'Fiscal year' },
  official: { th: 'คะแนนที่ประกาศ', en: 'Official total' },
  computed: { th: 'คะแนนที่คำนวณ', en: 'Computed total' },
  level: { th: 'ระดับ', en: 'Level' },
  result: { th: 'เกณฑ์ผ่าน', en: 'Pass mark' },
  checks: { th: 'การตรวจความสอดคล้อง', en: 'Checks' },
  actions: { th: 'ดำเนินการ', en: 'Actions' },
  view: { th: 'ดูผลการวิเคราะห์', en: 'View analysis' },
  edit: { th: 'แก้ไข', en: 'Edit' },
  passed: { th: 'ผ่าน', en: 'Passed' },
  failed: { th: 'ไม่ผ่าน', en: 'Not passed' },
  ok: { th: 'สอดคล้อง', en: 'Consistent' },
  flags: { th: 'ข้อสังเกต', en: 'issues' },
  add: { th: 'บันทึกผลการประเมินปีใหม่', en: 'Enter a new year' },
  import: { th: 'นำเข้าจากไฟล์ (CSV, XLSX, JSON)', en: 'Import a file (CSV, XLSX, JSON)' },
  noCatalogue: { th: 'ไม่มีแคตตาล็อก', en: 'no catalogue' },
});

export function ResultsListPage({ ctx, years }: { ctx: PageContext; years: ResultsYearSummary[] }) {
  const L = ctx.locale;
  const f = formatters(ctx);
  const canEdit = ctx.can('results.edit');
  return (
    <Layout ctx={ctx} title={tr(L, M.title)}>
      <h1>{tr(L, M.title)}</h1>
      <p class="lead">{tr(L, M.lead)}</p>
      {canEdit && (
        <p class="actions">
          <a class="button button-primary" href="/admin/results/new">
            {tr(L, M.add)}
          </a>
          <a class="button button-secondary" href="/admin/results/import">
            {tr(L, M.import)}
          </a>
        </p>
      )}
      {years.length === 0 ? (
        <p>{tr(L, M.empty)}</p>
      ) : (
        <DataTable
          caption={tr(L, M.caption)}
          head={[tr(L, M.year), tr(L, M.official), tr(L, M.computed), tr(L, M.level), tr(L, M.result), tr(L, M.checks), tr(L, M.actions)]}
        >
          {years.map((y) => (
            <tr>
              <td>
                <a href={`/admin/results/${y.fiscalYear}`}>{f.text(y.fiscalYear)}</a>
              </td>
              <td class="num">{y.officialScore !== null ? f.score(y.officialScore) : '—'}</td>
              <td class="num">{y.computedTotal !== null ? f.score(y.computedTotal) : tr(L, M.noCatalogue)}</td>
              <td>{y.officialLevel ?? y.computedLevelLabelTh ?? "—"}</td>
              <td>{y.passed === null ? '—' : y.passed ? <Tag tone="good">{tr(L, M.passed)}</Tag> : <Tag tone="bad">{tr(L, M.failed)}</Tag>}</td>
              <td>{y.flagCount === 0 ? tr(L, M.ok) : <Tag tone="warn">{`${f.text(y.flagCount)} ${tr(L, M.flags)}`}</Tag>}</td>
              <td>
                <a href={`/admin/results/${y.fiscalYear}`}>{tr(L, M.view)}</a>
                {canEdit && (
                  <>
                    {' · '}
                    <a href={`/admin/results/${y.fiscalYear}/edit`}>{tr(L, M.edit)}</a>
                  </>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </Layout>
  );
}
