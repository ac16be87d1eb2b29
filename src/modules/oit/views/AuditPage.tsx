/** Self-audit of the public OIT pages: choose the site, run, read what is broken or slow. */
import { Layout } from '../../../ui/Layout.js';
import { Button, CsrfField, DataTable, Select, errorFor } from '../../../ui/components.js';
import type { PageContext } from '../../../ui/context.js';
import { messages, tr } from '../../../ui/i18n.js';
import type { FieldError } from '../../../shared/errors.js';
import type { AuditReport } from '../self-audit.js';

const M = messages({
  title: { th: 'ตรวจหน้าเผยแพร่ OIT แบบผู้ประเมิน', en: 'Self-audit of the public OIT pages' },
  lead: {
    th: 'ระบบจะเปิดหน้ารวม หน้ารายการทุกข้อ และไฟล์ที่แนบ เหมือนผู้ประเมินเปิดจากเว็บไซต์ แล้วรายงานลิงก์ที่เสีย ช้า ไม่ใช้ HTTPS หรือไฟล์ที่เปิดไม่ได้ ตรวจเฉพาะเว็บไซต์ที่เลือก ลิงก์ไปเว็บไซต์อื่นจะแสดงไว้แต่ไม่เปิด',
    en: 'Opens the index, every item page and every linked file as an evaluator would, on the chosen site only.',
  },
  base: { th: 'เว็บไซต์ที่จะตรวจ', en: 'Site to check' },
  run: { th: 'เริ่มตรวจ', en: 'Run' },
  summary: { th: 'จำนวนคำขอ', en: 'Requests' },
  problems: { th: 'ปัญหาที่พบ', en: 'Problems found' },
  none: { th: 'ไม่พบปัญหา', en: 'No problems found' },
  item: { th: 'ข้อ', en: 'Item' },
  what: { th: 'ปัญหา', en: 'Problem' },
  url: { th: 'ลิงก์', en: 'URL' },
});

export function AuditPage({ ctx, year, bases, report, errors }: { ctx: PageContext; year: number; bases: string[]; report?: AuditReport; errors?: FieldError[] }) {
  const L = ctx.locale;
  const title = `${tr(L, M.title)} ${year}`;
  return (
    <Layout ctx={ctx} title={title} errors={errors}>
      <h1>{title}</h1>
      <p class="lead">{tr(L, M.lead)}</p>
      <form method="post" action={`/admin/oit/${year}/audit`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <Select name="baseUrl" label={tr(L, M.base)} options={bases.map((b) => ({ value: b, label: b }))} value={report?.baseUrl ?? bases[0]} error={errorFor(errors, 'baseUrl')} />
        <Button>{tr(L, M.run)}</Button>
      </form>
      {report && (
        <>
          <div class="cards">
            <div class="card"><div class="card-value">{report.requests}</div><div class="card-label">{tr(L, M.summary)}</div></div>
            <div class="card"><div class="card-value" id="problem-count">{report.problems.length}</div><div class="card-label">{tr(L, M.problems)}</div></div>
          </div>
          {report.problems.length === 0 ? (
            <p>{tr(L, M.none)}</p>
          ) : (
            <DataTable caption={tr(L, M.problems)} head={[tr(L, M.item), tr(L, M.what), tr(L, M.url)]}>
              {report.problems.map((f) => (
                <tr>
                  <td>{f.code}</td>
                  <td>{f.problem}</td>
                  <td>{f.url}</td>
                </tr>
              ))}
            </DataTable>
          )}
        </>
      )}
    </Layout>
  );
}
