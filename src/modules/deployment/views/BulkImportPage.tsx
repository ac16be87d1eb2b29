/** /deployment/import: one file of many agencies' ITA results; agencies not yet in the system are created. */
import { Layout } from '../../../ui/Layout.js';
import { Button, DataTable, Select, CsrfField } from '../../../ui/components.js';
import type { PageContext } from '../../../ui/context.js';
import { messages, tr } from '../../../ui/i18n.js';
import { describeFieldError, type FieldError } from '../../../shared/errors.js';
import { PROVINCES_TH } from '../../../shared/provinces.js';

const M = messages({
  title: { th: 'นำเข้าหน่วยงานและผลการประเมินจากไฟล์', en: 'Import agencies and results from a file' },
  lead: {
    th: 'ไฟล์ CSV หรือ XLSX รูปแบบเดียวกับการนำเข้าผลการประเมิน (หนึ่งแถวต่อหน่วยงานต่อปี) หน่วยงานที่ยังไม่มีในระบบจะถูกสร้างตาม agency_code (ใช้เป็นชื่อย่อในลิงก์) ชื่อ และจังหวัดที่เลือก ถ้าไฟล์มีข้อผิดพลาดแม้แถวเดียว จะไม่นำเข้าข้อมูลใดเลย',
    en: 'A CSV or XLSX file in the results import format (one row per agency and year). Agencies not yet in the system are created from agency_code (their link name), name and the chosen province. One error rejects the whole file.',
  },
  province: { th: 'จังหวัดของหน่วยงานที่จะสร้างใหม่', en: 'Province of new agencies' },
  file: { th: 'ไฟล์ผลการประเมิน (CSV หรือ XLSX)', en: 'Results file (CSV or XLSX)' },
  submit: { th: 'ตรวจสอบและนำเข้า', en: 'Check and import' },
  problems: { th: 'ข้อผิดพลาดในไฟล์', en: 'Problems in the file' },
  row: { th: 'แถว', en: 'Row' },
  field: { th: 'ช่อง', en: 'Column' },
  message: { th: 'รายละเอียด', en: 'Detail' },
});

export function BulkImportPage({ ctx, values, failure }: { ctx: PageContext; values: Record<string, string>; failure?: { message: string; errors: FieldError[] } }) {
  const L = ctx.locale;
  return (
    <Layout ctx={ctx} title={tr(L, M.title)} errors={failure ? (failure.errors.length > 0 ? failure.errors.slice(0, 20) : [{ field: 'file', message: failure.message }]) : undefined}>
      <h1>{tr(L, M.title)}</h1>
      <p class="lead">{tr(L, M.lead)}</p>
      {failure && <p class="notice notice-warn">{failure.message}</p>}
      <form method="post" action={`/deployment/import`} enctype="multipart/form-data">
        <CsrfField token={ctx.csrfToken} />
        {/* The province comes before the file so it arrives first in the multipart stream. */}
        <Select name="province" label={tr(L, M.province)} value={values.province} includeEmpty="" options={PROVINCES_TH.map((p) => ({ value: p, label: p }))} />
        <div class="field">
          <label class="label" for="f-file">
            {tr(L, M.file)}
          </label>
          <input id="f-file" name="file" type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" />
        </div>
        <Button>{tr(L, M.submit)}</Button>
      </form>
      {failure && failure.errors.length > 0 && (
        <DataTable caption={tr(L, M.problems)} head={[tr(L, M.row), tr(L, M.field), tr(L, M.message)]}>
          {failure.errors.slice(0, 500).map((e) => (
            <tr>
              <td class="num">{e.row ?? ''}</td>
              <td>{e.field}</td>
              <td>{e.message}</td>
            </tr>
          ))}
        </DataTable>
      )}
      {failure && failure.errors.length > 500 && <p>{describeFieldError({ field: '', message: `และอีก ${failure.errors.length - 500} รายการ` })}</p>}
    </Layout>
  );
}
