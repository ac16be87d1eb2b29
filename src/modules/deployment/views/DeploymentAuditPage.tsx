/** /deployment/audit: changes to what every agency shares (catalogue imports, agencies created, statuses). */
import { Layout } from '../../../ui/Layout.js';
import { DataTable } from '../../../ui/components.js';
import type { PageContext } from '../../../ui/context.js';
import { messages, tr } from '../../../ui/i18n.js';
import { formatThaiDateTime, localizeDigits } from '../../../shared/thai.js';
import { AuditDetails, type AuditLabeller } from '../../audit/index.js';

const M = messages({
  title: { th: 'ประวัติการเปลี่ยนแปลงระดับระบบ', en: 'Deployment change log' },
  lead: {
    th: 'การเปลี่ยนแปลงที่มีผลต่อทุกหน่วยงาน เช่น การนำเข้าแคตตาล็อก ITA การสร้างหน่วยงาน และการระงับหรือเก็บถาวรหน่วยงาน',
    en: 'Changes that affect every agency: ITA catalogue imports, agencies created, suspended or archived.',
  },
  caption: { th: 'รายการล่าสุด 200 รายการ', en: 'Latest 200 entries' },
  at: { th: 'เวลา', en: 'When' },
  actor: { th: 'ผู้ดำเนินการ', en: 'By' },
  action: { th: 'การดำเนินการ', en: 'Action' },
  details: { th: 'รายละเอียด', en: 'Details' },
});

export function DeploymentAuditPage({ ctx, entries, labels }: { ctx: PageContext; entries: { at: string; actor: string; action: string; entityType: string; details: Record<string, unknown> | null }[]; labels: AuditLabeller }) {
  const L = ctx.locale;
  const digits = L === 'th' ? (ctx.agency?.digits ?? 'arabic') : 'arabic';
  return (
    <Layout ctx={ctx} title={tr(L, M.title)}>
      <h1>{tr(L, M.title)}</h1>
      <p class="lead">{tr(L, M.lead)}</p>
      <DataTable caption={localizeDigits(tr(L, M.caption), digits)} head={[tr(L, M.at), tr(L, M.actor), tr(L, M.action), tr(L, M.details)]}>
        {entries.map((e) => (
          <tr>
            <td>{formatThaiDateTime(e.at, digits)}</td>
            <td>{e.actor}</td>
            <td>{labels.actionLabel(L, e.action)}</td>
            <td>
              <AuditDetails parts={labels.details(L, e.entityType, e.details, digits)} />
            </td>
          </tr>
        ))}
      </DataTable>
    </Layout>
  );
}
