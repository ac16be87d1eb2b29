/** /deployment/audit: changes to what every agency shares (catalogue imports, agencies created, statuses). */
import { Layout } from '../../../ui/Layout.js';
import { DataTable } from '../../../ui/components.js';
import type { PageContext } from '../../../ui/context.js';
import { messages, tr } from '../../../ui/i18n.js';
import { formatThaiDateTime } from '../../../shared/thai.js';

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

const ACTIONS: Record<string, string> = {
  'catalogue.import': 'นำเข้าแคตตาล็อก ITA',
  'deployment.agency_create': 'สร้างหน่วยงาน',
  'deployment.agency_status': 'เปลี่ยนสถานะหน่วยงาน',
  'deployment.invite': 'ออกลิงก์เชิญใหม่',
  'deployment.grant': 'มอบสิทธิ์ผู้ดูแลระบบระดับจังหวัด',
  'deployment.bulk_import': 'นำเข้าหน่วยงานและผลการประเมินจากไฟล์',
};

export function DeploymentAuditPage({ ctx, entries }: { ctx: PageContext; entries: { at: string; actor: string; action: string; details: Record<string, unknown> | null }[] }) {
  const L = ctx.locale;
  return (
    <Layout ctx={ctx} title={tr(L, M.title)}>
      <h1>{tr(L, M.title)}</h1>
      <p class="lead">{tr(L, M.lead)}</p>
      <DataTable caption={tr(L, M.caption)} head={[tr(L, M.at), tr(L, M.actor), tr(L, M.action), tr(L, M.details)]}>
        {entries.map((e) => (
          <tr>
            <td>{formatThaiDateTime(e.at)}</td>
            <td>{e.actor}</td>
            <td>{ACTIONS[e.action] ?? e.action}</td>
            <td>
              {e.details
                ? Object.entries(e.details)
                    .map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
                    .join(', ')
                : ''}
            </td>
          </tr>
        ))}
      </DataTable>
    </Layout>
  );
}
