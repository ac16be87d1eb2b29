/** The watch's dashboard (open problems, recent runs) and the history of checks of one item. */
import { Layout } from '../../../ui/Layout.js';
import { Button, CsrfField, DataTable, Tag } from '../../../ui/components.js';
import type { PageContext } from '../../../ui/context.js';
import { formatThaiDateTime, withDigits } from '../../../shared/thai.js';
import type { WatchAlertRow, WatchCheckRow, WatchRunRow } from '../tables.js';

const itemKey = (code: string) => code || 'index';

export function WatchPage(props: { ctx: PageContext; year: number | null; runs: WatchRunRow[]; open: WatchAlertRow[]; recent: WatchAlertRow[]; intervalHours: number }) {
  const { ctx } = props;
  const d = ctx.agency?.digits ?? 'thai';
  const n = (v: number) => withDigits(String(v), d);
  const title = 'เฝ้าระวังหน้าเผยแพร่ข้อมูล OIT';
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p>
        ระบบตรวจหน้าเผยแพร่ข้อมูล OIT {props.year ? `ปี ${n(props.year)}` : ''} และไฟล์ทุกไฟล์ที่ลิงก์ไว้จากภายนอกเหมือนผู้ประเมิน ทุก {n(props.intervalHours)} ชั่วโมง
        พบลิงก์เสีย HTTPS ผิดพลาด หน้าช้า หรือไฟล์หาย ระบบจะแจ้งเตือนผู้ประสานงานในวันเดียวกัน
      </p>
      <form method="post" action="/admin/oit/watch/run">
        <CsrfField token={ctx.csrfToken} />
        <Button variant="secondary">ตรวจตอนนี้</Button>
      </form>
      <h2>ปัญหาที่ยังไม่ได้แก้ ({n(props.open.length)})</h2>
      {props.open.length === 0 ? (
        <p id="watch-ok">
          <Tag tone="good">ไม่พบปัญหา</Tag>
        </p>
      ) : (
        <DataTable caption="ปัญหาที่ยังไม่ได้แก้" head={['รายการ', 'ลิงก์', 'ปัญหา', 'พบครั้งแรก', 'พบล่าสุด']}>
          {props.open.map((a) => (
            <tr>
              <td>
                <a href={`/admin/oit/watch/${a.fiscal_year}/${itemKey(a.code)}`}>{a.code ? withDigits(a.code, d) : 'หน้ารวม'}</a>
              </td>
              <td class="break">{a.url}</td>
              <td>
                <Tag tone="bad">{a.problem}</Tag>
              </td>
              <td>{formatThaiDateTime(a.first_seen, d)}</td>
              <td>{formatThaiDateTime(a.last_seen, d)}</td>
            </tr>
          ))}
        </DataTable>
      )}
      <h2>การตรวจล่าสุด</h2>
      {props.runs.length === 0 ? (
        <p>ยังไม่เคยตรวจ</p>
      ) : (
        <DataTable caption="การตรวจล่าสุด" head={['เวลา', 'เว็บไซต์', 'ผล', 'จำนวนคำขอ']}>
          {props.runs.map((r) => (
            <tr>
              <td>{formatThaiDateTime(r.finished_at ?? r.started_at, d)}</td>
              <td class="break">{r.base_url}</td>
              <td>{r.state === 'failed' ? <Tag tone="bad">ตรวจไม่สำเร็จ: {r.error}</Tag> : Number(r.problems) ? <Tag tone="warn">พบปัญหา {n(Number(r.problems))}</Tag> : <Tag tone="good">ปกติ</Tag>}</td>
              <td>{n(Number(r.requests))}</td>
            </tr>
          ))}
        </DataTable>
      )}
      {props.recent.some((a) => a.resolved_at) && (
        <>
          <h2>ปัญหาที่แก้แล้ว</h2>
          <ul>
            {props.recent
              .filter((a) => a.resolved_at)
              .map((a) => (
                <li>
                  {a.code || 'หน้ารวม'} — {a.problem} (แก้แล้ว {formatThaiDateTime(a.resolved_at!, d)})
                </li>
              ))}
          </ul>
        </>
      )}
    </Layout>
  );
}

export function ItemHistoryPage(props: { ctx: PageContext; year: number; code: string; checks: WatchCheckRow[] }) {
  const { ctx } = props;
  const d = ctx.agency?.digits ?? 'thai';
  const title = `ประวัติการตรวจ ${props.code ? withDigits(props.code, d) : 'หน้ารวม'} ปี ${withDigits(String(props.year), d)}`;
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p>ใช้แสดงได้ว่าหลักฐานเปิดได้ในวันใดบ้าง</p>
      {props.checks.length === 0 ? (
        <p>ยังไม่มีประวัติการตรวจของรายการนี้</p>
      ) : (
        <DataTable caption={title} head={['เวลา', 'ลิงก์', 'ผล', 'HTTP', 'เวลาตอบสนอง (มิลลิวินาที)']}>
          {props.checks.map((c) => (
            <tr>
              <td>{formatThaiDateTime(c.checked_at, d)}</td>
              <td class="break">{c.url}</td>
              <td>{Number(c.ok) ? <Tag tone="good">เปิดได้</Tag> : <Tag tone="bad">{c.problem}</Tag>}</td>
              <td>{c.status ?? '–'}</td>
              <td>{c.ms ?? '–'}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </Layout>
  );
}
