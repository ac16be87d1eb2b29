import { Layout } from '../../../ui/Layout.js';
import { Button, DataTable, Tag, fieldId, CsrfField } from '../../../ui/components.js';
import type { PageContext } from '../../../ui/context.js';
import { messages, tr } from '../../../ui/i18n.js';
import { formatThaiDateTime } from '../../../shared/thai.js';
import type { FieldError } from '../../../shared/errors.js';
import type { CatalogueSummary } from '../service.js';
import { CM, StatusTag, digitsOf, numIn } from './shared.js';

const M = messages({
  title: { th: 'แคตตาล็อก ITA รายปี', en: 'ITA catalogue by year' },
  lead: {
    th: 'เกณฑ์การประเมิน ITA ของแต่ละปีงบประมาณ: เครื่องมือและน้ำหนัก ตัวชี้วัด เกณฑ์ระดับผลการประเมิน ข้อคำถาม และรายการ OIT พร้อมองค์ประกอบ ข้อมูลที่ยังไม่ได้ยืนยันกับแหล่งต้นทางมีเครื่องหมาย "ยังไม่ยืนยัน"',
    en: 'The ITA rules of each fiscal year: tools and weights, indicators, rating rules, questions and OIT items with their elements. Facts not yet confirmed against a primary source are marked "Unverified".',
  },
  caption: { th: 'แคตตาล็อกที่ใช้อยู่', en: 'Catalogues in force' },
  year: { th: 'ปีงบประมาณ', en: 'Fiscal year' },
  version: { th: 'รุ่น', en: 'Version' },
  status: { th: 'สถานะ', en: 'Status' },
  source: { th: 'ที่มา', en: 'Source' },
  indicators: { th: 'ตัวชี้วัด', en: 'Indicators' },
  questions: { th: 'ข้อคำถาม', en: 'Questions' },
  items: { th: 'รายการ OIT', en: 'OIT items' },
  unverified: { th: 'ข้อมูลที่ยังไม่ยืนยัน', en: 'Unverified facts' },
  download: { th: 'ดาวน์โหลด', en: 'Download' },
  importedAt: { th: 'นำเข้าเมื่อ', en: 'imported' },
  overrides: { th: 'แทนรุ่นที่มากับระบบ', en: 'overrides shipped' },
  importTitle: { th: 'นำเข้าแคตตาล็อกที่แก้ไขหรือปีใหม่', en: 'Import a corrected or new catalogue' },
  importLead: {
    th: 'ดาวน์โหลดไฟล์ JSON หรือ XLSX ของปีที่ต้องการ แก้ไข เปลี่ยนรุ่น (version) แล้วนำเข้า ระบบตรวจสอบทั้งไฟล์ก่อน หากพบข้อผิดพลาดจะไม่เปลี่ยนแคตตาล็อกที่ใช้อยู่',
    en: 'Download a year as JSON or XLSX, correct it, change its version and import it. The whole file is checked first; on any error the catalogue in force stays as it is.',
  },
  file: { th: 'ไฟล์แคตตาล็อก (JSON หรือ XLSX)', en: 'Catalogue file (JSON or XLSX)' },
  importButton: { th: 'ตรวจสอบและนำเข้า', en: 'Check and import' },
  problems: { th: 'ข้อผิดพลาดในไฟล์', en: 'Problems in the file' },
  where: { th: 'ตำแหน่ง', en: 'Where' },
  row: { th: 'แถว', en: 'Row' },
  message: { th: 'รายละเอียด', en: 'Problem' },
  none: { th: '—', en: '—' },
  map: { th: 'เทียบรายการ OIT ระหว่างปี (คงอยู่ รวม ตัดออก เพิ่มใหม่)', en: 'Compare OIT items between years' },
  provisional: {
    th: 'ปีที่มีสถานะ "ชั่วคราว" ใช้รายการจากแหล่งที่ยังไม่ใช่ของ ป.ป.ช. หรือคัดลอกจากปีก่อน (รายการ OIT ช่วงเวลาของหลักฐาน น้ำหนัก และเกณฑ์ระดับยังไม่ยืนยัน) เมื่อได้รายการทางการ ผู้ดูแลระบบนำเข้าไฟล์ของปีนั้นด้านล่าง ระบบจะใช้ฉบับที่นำเข้าแทนทันที:',
    en: 'Years marked "Provisional" use unofficial or copied lists; an administrator replaces them by importing the official list below:',
  },
});

/** Errors of an uploaded file for the error summary: file-level ones link to the file input. */
export function fileErrorsForSummary(errors: FieldError[], fileField: string): FieldError[] {
  return errors.map((e) =>
    e.row !== undefined ? e : { field: fileField, message: e.field && e.field !== 'ไฟล์' ? `${e.field}: ${e.message}` : e.message },
  );
}

export function FileErrorTable({ ctx, errors, caption }: { ctx: PageContext; errors: FieldError[]; caption: string }) {
  const L = ctx.locale;
  const n = numIn(ctx);
  return (
    <DataTable caption={caption} head={[tr(L, M.row), tr(L, M.where), tr(L, M.message)]}>
      {errors.map((e) => (
        <tr>
          <td class="num">{e.row !== undefined ? String(e.row) : tr(L, M.none)}</td>
          <td>{e.field || tr(L, M.none)}</td>
          <td>{e.message}</td>
        </tr>
      ))}
    </DataTable>
  );
}

/** A rejected upload: the overall message (shown at the file input) and every problem found. */
export interface FileFailure {
  message: string;
  errors: FieldError[];
}

export function CatalogueListPage({ ctx, years, failure }: { ctx: PageContext; years: CatalogueSummary[]; failure?: FileFailure }) {
  const L = ctx.locale;
  const n = numIn(ctx);
  const canImport = ctx.can('catalogue.import');
  const fileError = failure?.message;
  const errors = failure ? (failure.errors.length > 0 ? failure.errors : [{ field: '', message: failure.message }]) : undefined;
  return (
    <Layout ctx={ctx} title={tr(L, M.title)} errors={errors ? fileErrorsForSummary(errors, 'file') : undefined}>
      <h1>{tr(L, M.title)}</h1>
      <p class="lead">{tr(L, M.lead)}</p>
      {years.some((y) => y.status === 'provisional') && (
        <div class="notice notice-warn catalogue-caveats" role="note">
          {tr(L, M.provisional)}{' '}
          {years.filter((y) => y.status === 'provisional').map((y) => n(y.fiscalYear)).join(', ')}
        </div>
      )}
      <p>
        <a href="/admin/catalogue/map">{tr(L, M.map)}</a>
      </p>
      <DataTable
        caption={tr(L, M.caption)}
        head={[tr(L, M.year), tr(L, M.version), tr(L, M.status), tr(L, M.source), tr(L, M.indicators), tr(L, M.questions), tr(L, M.items), tr(L, M.unverified), tr(L, M.download)]}
      >
        {years.map((y) => (
          <tr>
            <td>
              <a href={`/admin/catalogue/${y.fiscalYear}`}>{n(y.fiscalYear)}</a>
            </td>
            <td>{n(y.version)}</td>
            <td>
              <StatusTag locale={L} status={y.status} />
            </td>
            <td>
              {y.source === 'imported' ? tr(L, CM.imported) : tr(L, CM.shipped)}
              {y.importedAt && (
                <div class="hint">
                  {tr(L, M.importedAt)} {formatThaiDateTime(y.importedAt, digitsOf(ctx))}
                  {y.shippedVersion ? ` (${tr(L, M.overrides)} ${n(y.shippedVersion)})` : ''}
                </div>
              )}
            </td>
            <td class="num">{n(y.indicatorCount)}</td>
            <td class="num">{n(y.questionCount)}</td>
            <td class="num">{n(y.oitItemCount)}</td>
            <td class="num">{y.unverifiedCount > 0 ? <Tag tone="warn">{n(y.unverifiedCount)}</Tag> : n(0)}</td>
            <td>
              <a href={`/admin/catalogue/${y.fiscalYear}/export.json`} download>
                JSON
              </a>{' '}
              ·{' '}
              <a href={`/admin/catalogue/${y.fiscalYear}/export.xlsx`} download>
                XLSX
              </a>
            </td>
          </tr>
        ))}
      </DataTable>

      {canImport && (
        <section aria-labelledby="import-title">
          <h2 id="import-title">{tr(L, M.importTitle)}</h2>
          <p>{tr(L, M.importLead)}</p>
          <form method="post" action={`/admin/catalogue/import`} enctype="multipart/form-data">
            <CsrfField token={ctx.csrfToken} />
            <div class={`field${fileError ? ' field-error' : ''}`}>
              <label class="label" for={fieldId('file')}>
                {tr(L, M.file)}
              </label>
              {fileError && (
                <p id={`${fieldId('file')}-error`} class="error-message">
                  {fileError}
                </p>
              )}
              <input
                class="input"
                type="file"
                id={fieldId('file')}
                name="file"
                accept=".json,.xlsx,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                aria-describedby={fileError ? `${fieldId('file')}-error` : undefined}
                aria-invalid={fileError ? 'true' : undefined}
              />
            </div>
            <Button>{tr(L, M.importButton)}</Button>
          </form>
          {errors && errors.length > 0 && <FileErrorTable ctx={ctx} errors={errors} caption={tr(L, M.problems)} />}
        </section>
      )}
    </Layout>
  );
}
