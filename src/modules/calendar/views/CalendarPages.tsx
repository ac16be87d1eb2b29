/** The agency's calendar (deadlines with overdue marks and in-app reminders), one entry's edit form, and the executive summary. */
import { Layout } from '../../../ui/Layout.js';
import { DateInput, Button, CsrfField, DataTable, Select, Tag, TextField, errorFor } from '../../../ui/components.js';
import type { PageContext } from '../../../ui/context.js';
import type { FieldError } from '../../../shared/errors.js';
import { formatThaiDate, formatThaiDateTime, withDigits } from '../../../shared/thai.js';
import { DocumentView, type DocModel } from '../../documents/index.js';
import type { CalendarEntry, EntryStatus } from '../domain/deadlines.js';

const STATUS: Record<EntryStatus, { th: string; tone: 'good' | 'bad' | 'warn' }> = {
  done: { th: 'เสร็จแล้ว', tone: 'good' },
  due: { th: 'รอดำเนินการ', tone: 'warn' },
  overdue: { th: 'เลยกำหนด', tone: 'bad' },
};

export function CalendarPage(props: { ctx: PageContext; year: number; entries: CalendarEntry[]; notifications: { text_th: string; link: string; created_at: string }[]; canEdit: boolean }) {
  const { ctx, year, entries } = props;
  const digits = ctx.agency?.digits ?? 'thai';
  const n = (v: number) => withDigits(String(v), digits);
  const title = `ปฏิทินงาน ปีงบประมาณ ${n(year)}`;
  const overdue = entries.filter((e) => e.status === 'overdue').length;
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p>
        <a href={`/admin/calendar/${year - 1}`}>ปี {n(year - 1)}</a> · <a href={`/admin/calendar/${year + 1}`}>ปี {n(year + 1)}</a>
      </p>
      <p id="calendar-summary">
        ทั้งหมด {n(entries.length)} รายการ · <Tag tone="bad">เลยกำหนด {n(overdue)}</Tag> · <Tag tone="good">เสร็จแล้ว {n(entries.filter((e) => e.status === 'done').length)}</Tag>
      </p>
      {props.notifications.length > 0 && (
        <section aria-labelledby="reminders-heading">
          <h2 id="reminders-heading">การแจ้งเตือนล่าสุด</h2>
          <ul id="reminders">
            {props.notifications.slice(0, 10).map((x) => (
              <li>
                <a href={x.link}>{x.text_th}</a> <span class="hint">{formatThaiDateTime(x.created_at, digits)}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <DataTable caption={title} head={['ครบกำหนด', 'งาน', 'รายการ', 'สถานะ', '']}>
        {entries.map((e) => (
          <tr id={`entry-${e.key.replace(/[^a-zA-Z0-9-]/g, '-')}`}>
            <td>
              {formatThaiDate(e.due, { style: 'short', digits })}
              {e.edited ? ' (แก้ไขแล้ว)' : ''}
            </td>
            <td>
              <a href={e.link}>{e.what}</a>
            </td>
            <td>{e.item ? withDigits(e.item, digits) : '–'}</td>
            <td>
              <Tag tone={STATUS[e.status].tone}>{STATUS[e.status].th}</Tag>
            </td>
            <td>{props.canEdit && <a href={`/admin/calendar/${year}/entry?key=${encodeURIComponent(e.key)}`}>แก้ไข<span class="visually-hidden"> {e.what}</span></a>}</td>
          </tr>
        ))}
      </DataTable>
    </Layout>
  );
}

export function CalendarEntryPage(props: { ctx: PageContext; year: number; entry: CalendarEntry; values: { due: string; done: string }; errors?: FieldError[] }) {
  const { ctx, year, entry, values, errors } = props;
  return (
    <Layout ctx={ctx} title={`แก้ไขกำหนดส่ง: ${entry.what}`} errors={errors}>
      <h1>แก้ไขกำหนดส่ง</h1>
      <p>{entry.what}</p>
      <form method="post" action={`/admin/calendar/${year}/entry?key=${encodeURIComponent(entry.key)}`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <DateInput name="due" digits={ctx.agency?.digits ?? 'thai'} label="วันที่ครบกำหนด" hint="เว้นว่างเพื่อใช้วันที่ที่ระบบคำนวณ" value={values.due} error={errorFor(errors, 'due')} />
        <Select name="done" label="สถานะ" value={values.done} options={[{ value: '0', label: 'ยังไม่เสร็จ (ตามที่ระบบตรวจ)' }, { value: '1', label: 'ทำเสร็จแล้ว' }]} error={errorFor(errors, 'done')} />
        <div class="actions">
          <Button>บันทึก</Button>
          <a href={`/admin/calendar/${year}`}>ยกเลิก</a>
        </div>
      </form>
    </Layout>
  );
}

export function ExecutivePage({ ctx, year, model }: { ctx: PageContext; year: number; model: DocModel }) {
  return (
    <Layout ctx={ctx} title={model.title} stylesheets={['/assets/document.css']}>
      <p class="notice notice-info">
        <a href={`/admin/executive/${year}.pdf`}>ดาวน์โหลดสรุปหนึ่งหน้า (PDF) สำหรับการประชุม</a>
      </p>
      <DocumentView model={model} />
    </Layout>
  );
}
