import { Layout } from '../../../ui/Layout.js';
import { Button, CsrfField, DataTable, Words } from '../../../ui/components.js';
import type { PageContext } from '../../../ui/context.js';
import { messages, tr } from '../../../ui/i18n.js';
import type { FieldError } from '../../../shared/errors.js';
import { formatThaiDate, withDigits } from '../../../shared/thai.js';
import type { ImprovementPlan } from '../domain/types.js';

export const PLAN_MESSAGES_UI = messages({
  title: { th: 'แผนการนำผลการประเมินไปปรับปรุง', en: 'Improvement plan' },
  fromResults: { th: 'จากผลการประเมิน ITA ปีงบประมาณ พ.ศ.', en: 'From the ITA results of fiscal year' },
  target: { th: 'ดำเนินการในปีงบประมาณ พ.ศ.', en: 'Carried out in fiscal year' },
  none: { th: 'ยังไม่มีแผน ระบบจะร่างแผนจากผลการวิเคราะห์และข้อเสนอแนะของแคตตาล็อก แล้วท่านแก้ไขได้ทุกแถว', en: 'No plan yet. The system drafts one from the analysis; every row is editable.' },
  draft: { th: 'ร่างแผนจากผลการวิเคราะห์', en: 'Draft the plan from the analysis' },
  redraft: { th: 'ร่างแผนใหม่ทั้งหมด', en: 'Re-draft the whole plan' },
  redraftConfirm: { th: 'แถวที่แก้ไขไว้ทั้งหมดจะถูกแทนที่ด้วยร่างใหม่ ต้องการดำเนินการต่อหรือไม่', en: 'All edited rows will be replaced. Continue?' },
  weakness: { th: 'ประเด็นที่เป็นข้อบกพร่อง/จุดอ่อน', en: 'Weakness' },
  steps: { th: 'ขั้นตอนหรือวิธีการ/มาตรการ', en: 'Steps / measures' },
  unit: { th: 'ผู้รับผิดชอบ', en: 'Responsible unit' },
  monitoring: { th: 'การรายงานผลและการกำกับติดตาม', en: 'Reporting and monitoring' },
  due: { th: 'กำหนดรายงาน', en: 'Reports due' },
  six: { th: 'รอบ 6 เดือน', en: '6-month' },
  twelve: { th: 'รอบ 12 เดือน', en: '12-month' },
  actions: { th: 'จัดการ', en: 'Actions' },
  edit: { th: 'แก้ไข', en: 'Edit' },
  delete: { th: 'ลบ', en: 'Delete' },
  deleteConfirm: { th: 'ลบแถวนี้ออกจากแผนหรือไม่', en: 'Delete this row?' },
  addRow: { th: 'เพิ่มแถว', en: 'Add a row' },
  xlsx: { th: 'ดาวน์โหลดแผนเป็น Excel (XLSX)', en: 'Download as XLSX' },
  importTitle: { th: 'นำเข้าแผนที่แก้ไขใน Excel', en: 'Import an edited workbook' },
  importHint: { th: 'ใช้ไฟล์ที่ดาวน์โหลดจากหน้านี้ แก้ไขแล้วอัปโหลดกลับ ระบบตรวจทุกแถวก่อนบันทึก หากพบข้อผิดพลาดจะไม่บันทึกข้อมูลใด ๆ', en: 'Use the downloaded workbook. Every row is checked before anything is saved.' },
  file: { th: 'ไฟล์ XLSX', en: 'XLSX file' },
  upload: { th: 'นำเข้า', en: 'Import' },
  measures: { th: 'มาตรการเพื่อขับเคลื่อนการส่งเสริมคุณธรรมและความโปร่งใส', en: 'Measures that drive integrity' },
  editMeasures: { th: 'แก้ไขมาตรการขับเคลื่อน', en: 'Edit the measures' },
  documents: { th: 'เอกสารมาตรการ', en: 'Measures document' },
  docx: { th: 'ดาวน์โหลด DOCX', en: 'Download DOCX' },
  pdf: { th: 'ดาวน์โหลด PDF', en: 'Download PDF' },
  web: { th: 'หน้าเว็บสาธารณะ', en: 'Public web page' },
  analysis: { th: 'กลับไปผลการวิเคราะห์', en: 'Back to the analysis' },
});
const M = PLAN_MESSAGES_UI;

export function PlanPage({ ctx, year, plan, errors }: { ctx: PageContext; year: number; plan: ImprovementPlan | undefined; errors?: FieldError[] }) {
  const L = ctx.locale;
  const digits = ctx.agency?.digits ?? 'thai';
  const d = (s: string | number) => withDigits(String(s), digits);
  const canEdit = ctx.can('plan.edit');
  const base = `/admin/plan/${year}`;
  return (
    <Layout ctx={ctx} title={`${tr(L, M.title)} ${d(year)}`} errors={errors}>
      <h1>
        {tr(L, M.title)}
        <br />
        <span class="lead">
          {tr(L, M.fromResults)} {d(year)} · {tr(L, M.target)} {d(year + 1)}
        </span>
      </h1>
      <p>
        <a href={`/admin/results/${year}`}>{tr(L, M.analysis)}</a>
      </p>
      {!plan ? (
        <>
          <p>{tr(L, M.none)}</p>
          {canEdit && (
            <form method="post" action={`${base}/draft`}>
              <CsrfField token={ctx.csrfToken} />
              <Button>{tr(L, M.draft)}</Button>
            </form>
          )}
        </>
      ) : (
        <>
          <DataTable caption={tr(L, M.title)} head={['#', tr(L, M.weakness), tr(L, M.steps), tr(L, M.unit), tr(L, M.monitoring), tr(L, M.due), ...(canEdit ? [tr(L, M.actions)] : [])]}>
            {plan.rows.map((r) => (
              <tr id={`row-${r.id}`}>
                <td>{d(r.order)}</td>
                <td>
                  <Words text={r.weaknessTh} />
                </td>
                <td>
                  <ul class="list-tight">
                    {r.steps.map((s) => (
                      <li>
                        <Words text={s} />
                      </li>
                    ))}
                  </ul>
                </td>
                <td>
                  <Words text={r.responsibleUnit} />
                </td>
                <td>
                  <ol class="list-tight">
                    {r.monitoring.map((s) => (
                      <li>
                        <Words text={s} />
                      </li>
                    ))}
                  </ol>
                </td>
                <td>
                  {tr(L, M.six)}: {formatThaiDate(r.sixMonthDue, { style: 'short', digits, locale: L })}
                  <br />
                  {tr(L, M.twelve)}: {formatThaiDate(r.twelveMonthDue, { style: 'short', digits, locale: L })}
                </td>
                {canEdit && (
                  <td>
                    <a href={`${base}/rows/${r.id}`}>
                      {tr(L, M.edit)}
                      <span class="visually-hidden"> {d(r.order)}</span>
                    </a>
                    <form method="post" action={`${base}/rows/${r.id}/delete`} data-confirm={tr(L, M.deleteConfirm)}>
                      <CsrfField token={ctx.csrfToken} />
                      <button type="submit" class="link-button link-danger">
                        {tr(L, M.delete)}
                        <span class="visually-hidden"> {d(r.order)}</span>
                      </button>
                    </form>
                  </td>
                )}
              </tr>
            ))}
          </DataTable>
          <div class="actions">
            {canEdit && (
              <a class="button button-secondary" href={`${base}/rows/new`}>
                {tr(L, M.addRow)}
              </a>
            )}
            <a class="button button-secondary" href={`${base}/plan.xlsx`}>
              {tr(L, M.xlsx)}
            </a>
          </div>

          <h2>{tr(L, M.measures)}</h2>
          <ol>
            {plan.drivingMeasures.map((m) => (
              <li>
                <strong>{m.titleTh}</strong> {m.detailTh}
              </li>
            ))}
          </ol>
          {canEdit && <a href={`${base}/measures`}>{tr(L, M.editMeasures)}</a>}

          <h2>{tr(L, M.documents)}</h2>
          <ul>
            <li>
              <a href={`/admin/documents/${year}/measures.docx`}>{tr(L, M.docx)}</a>
            </li>
            <li>
              <a href={`/admin/documents/${year}/measures.pdf`}>{tr(L, M.pdf)}</a>
            {' · '}
            <a href={`/admin/documents/${year}/measures`}>ตัวเลือกเอกสาร (ปีในชื่อเรื่อง วันที่ ผู้ลงนาม)</a>
            </li>
            {ctx.agency && (
              <li>
                <a href={`/a/${ctx.agency.slug}/ita/${year}/measures`}>{tr(L, M.web)}</a>
              </li>
            )}
          </ul>

          {canEdit && (
            <>
              <h2>{tr(L, M.importTitle)}</h2>
              <p class="hint">{tr(L, M.importHint)}</p>
              <form method="post" action={`${base}/import`} enctype="multipart/form-data">
                <CsrfField token={ctx.csrfToken} />
                <div class="field">
                  <label class="label" for="f-file">
                    {tr(L, M.file)}
                  </label>
                  <input id="f-file" name="file" type="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" />
                </div>
                <Button variant="secondary">{tr(L, M.upload)}</Button>
              </form>
              <form method="post" action={`${base}/draft`} data-confirm={tr(L, M.redraftConfirm)}>
                <CsrfField token={ctx.csrfToken} />
                <Button variant="warning">{tr(L, M.redraft)}</Button>
              </form>
            </>
          )}
        </>
      )}
    </Layout>
  );
}
