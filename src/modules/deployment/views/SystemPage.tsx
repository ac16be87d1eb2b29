/** /deployment/system: the running version, the database, applied and pending migrations, readiness. */
import { Layout } from '../../../ui/Layout.js';
import { DataTable, Tag } from '../../../ui/components.js';
import type { PageContext } from '../../../ui/context.js';
import { messages, tr } from '../../../ui/i18n.js';
import type { SystemStatus } from '../../../platform/observability.js';

const M = messages({
  title: { th: 'สถานะระบบและรุ่นโปรแกรม', en: 'System status and version' },
  version: { th: 'รุ่นโปรแกรม', en: 'Version' },
  database: { th: 'ฐานข้อมูล', en: 'Database' },
  checks: { th: 'การตรวจความพร้อม', en: 'Readiness checks' },
  check: { th: 'รายการ', en: 'Check' },
  result: { th: 'ผล', en: 'Result' },
  ok: { th: 'พร้อม', en: 'Ready' },
  notOk: { th: 'ไม่พร้อม', en: 'Not ready' },
  migrations: { th: 'การปรับโครงสร้างฐานข้อมูล (migrations)', en: 'Database migrations' },
  applied: { th: 'ปรับแล้ว', en: 'Applied' },
  pending: { th: 'ค้างอยู่', en: 'Pending' },
  name: { th: 'ชื่อขั้น', en: 'Migration' },
  state: { th: 'สถานะ', en: 'State' },
  upgrade: {
    th: 'วิธีปรับรุ่น: ดู docs/deployment.md ข้อ 8 — ระบบสำรองข้อมูลก่อนปรับโครงสร้างฐานข้อมูลทุกครั้ง และปรับแบบทั้งหมดหรือไม่ปรับเลย',
    en: 'Upgrading: see docs/deployment.md §8 — the database is backed up before every migration, which runs all or nothing.',
  },
});

const CHECK_LABELS: Record<string, { th: string; en: string }> = {
  database: { th: 'เชื่อมต่อฐานข้อมูล', en: 'Database reachable' },
  migrations: { th: 'โครงสร้างฐานข้อมูลเป็นปัจจุบัน', en: 'Migrations current' },
  files: { th: 'เขียนโฟลเดอร์ไฟล์หลักฐานได้', en: 'File store writable' },
};

export function SystemPage({ ctx, status }: { ctx: PageContext; status: SystemStatus }) {
  const L = ctx.locale;
  const rows = [...status.migrations.applied.map((n) => [n, true] as const), ...status.migrations.pending.map((n) => [n, false] as const)];
  return (
    <Layout ctx={ctx} title={tr(L, M.title)}>
      <h1>{tr(L, M.title)}</h1>
      <dl class="summary-list">
        <dt>{tr(L, M.version)}</dt>
        <dd data-verbatim>{status.version}</dd>
        <dt>{tr(L, M.database)}</dt>
        <dd>{status.dialect === 'postgres' ? 'PostgreSQL' : 'SQLite'}</dd>
      </dl>
      <DataTable caption={tr(L, M.checks)} head={[tr(L, M.check), tr(L, M.result)]}>
        {status.checks.map((c) => (
          <tr>
            <td>{tr(L, CHECK_LABELS[c.name] ?? { th: c.name, en: c.name })}</td>
            <td>
              <Tag tone={c.ok ? 'good' : 'bad'}>{tr(L, c.ok ? M.ok : M.notOk)}</Tag> {c.detail ?? ''}
            </td>
          </tr>
        ))}
      </DataTable>
      <DataTable caption={tr(L, M.migrations)} head={[tr(L, M.name), tr(L, M.state)]}>
        {rows.map(([name, applied]) => (
          <tr>
            <td>
              <code>{name}</code>
            </td>
            <td>{tr(L, applied ? M.applied : M.pending)}</td>
          </tr>
        ))}
      </DataTable>
      <p>{tr(L, M.upgrade)}</p>
    </Layout>
  );
}
