/** /admin/audit: the latest entries of the agency's audit trail. */
import { Layout } from '../../../ui/Layout.js';
import { DataTable } from '../../../ui/components.js';
import type { PageContext } from '../../../ui/context.js';
import { messages, tr, type Locale } from '../../../ui/i18n.js';
import { formatInteger, formatThaiDate, formatThaiDateTime, type DigitStyle } from '../../../shared/thai.js';
import type { AuditView } from '../../../platform/audit.js';
import type { AuditLabeller, DetailPart } from '../labels.js';

const M = messages({
  title: { th: 'บันทึกการใช้งาน', en: 'Audit log' },
  lead: {
    th: 'การเปลี่ยนแปลงข้อมูลและการเข้าสู่ระบบของหน่วยงาน แสดงล่าสุดไม่เกิน',
    en: 'Changes and sign-ins of the agency; showing at most the latest',
  },
  entries: { th: 'รายการ', en: 'entries' },
  caption: { th: 'บันทึกการใช้งานล่าสุด', en: 'Latest audit entries' },
  at: { th: 'วันเวลา', en: 'Time' },
  actor: { th: 'ผู้ดำเนินการ', en: 'By' },
  action: { th: 'การดำเนินการ', en: 'Action' },
  entity: { th: 'รายการ', en: 'Item' },
  details: { th: 'รายละเอียด', en: 'Details' },
  empty: { th: 'ยังไม่มีบันทึกการใช้งาน', en: 'No entries yet' },
});

/** An entry's details; values kept as stored (links, file names, fingerprints) are marked so. */
export function AuditDetails({ parts }: { parts: DetailPart[] }) {
  return (
    <>
      {parts.map((p, i) => (
        <>
          {i > 0 && '; '}
          {p.value === '' ? p.label : `${p.label}: `}
          {p.value !== '' && (p.verbatim ? <span class="break" data-verbatim="">{p.value}</span> : p.value)}
        </>
      ))}
    </>
  );
}

/** Thai: "1 ตุลาคม 2568 เวลา 09:30 น."; English: "1 Oct 2025 09:30" (both Bangkok time). */
function when(locale: Locale, iso: string, digits: DigitStyle): string {
  if (locale === 'th') return formatThaiDateTime(iso, digits);
  const bangkok = new Date(new Date(iso).getTime() + 7 * 3600_000).toISOString();
  return `${formatThaiDate(bangkok.slice(0, 10), { locale: 'en' })} ${bangkok.slice(11, 16)}`;
}

export function AuditPage({ ctx, entries, limit, labels }: { ctx: PageContext; entries: AuditView[]; limit: number; labels: AuditLabeller }) {
  const { actionLabel, entityLabel } = labels;
  const L = ctx.locale;
  const digits = ctx.agency?.digits ?? 'arabic';
  return (
    <Layout ctx={ctx} title={tr(L, M.title)}>
      <h1>{tr(L, M.title)}</h1>
      <p class="lead">
        {tr(L, M.lead)} {formatInteger(limit, L === 'th' ? digits : 'arabic')} {tr(L, M.entries)}
      </p>
      {entries.length === 0 ? (
        <p>{tr(L, M.empty)}</p>
      ) : (
        <DataTable caption={tr(L, M.caption)} head={[tr(L, M.at), tr(L, M.actor), tr(L, M.action), tr(L, M.entity), tr(L, M.details)]}>
          {entries.map((e) => (
            <tr>
              <td>
                <time dateTime={e.at}>{when(L, e.at, digits)}</time>
              </td>
              <td>{e.actor}</td>
              <td>{actionLabel(L, e.action)}</td>
              <td>{entityLabel(L, e.entityType)}</td>
              <td>
                <AuditDetails parts={labels.details(L, e.entityType, e.details, digits)} />
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </Layout>
  );
}
