/** Tracked measures of a year: counts by state, the list (own unit first for unit staff), sync from the plan. */
import { Layout } from '../../../ui/Layout.js';
import { Button, CsrfField, DataTable, Tag } from '../../../ui/components.js';
import type { PageContext } from '../../../ui/context.js';
import { formatThaiDate, withDigits } from '../../../shared/thai.js';
import { countStates, measureState, STATE_LABELS, type MeasureState, type TrackedMeasure } from '../domain/types.js';

export const STATE_TONE: Record<MeasureState, 'good' | 'bad' | 'warn' | 'neutral'> = { done: 'good', late: 'bad', in_progress: 'warn', not_started: 'neutral', cancelled: 'neutral' };

export function MeasuresPage(props: { ctx: PageContext; year: number; years: number[]; measures: TrackedMeasure[]; today: string; mayUpdate: (m: TrackedMeasure) => boolean; manages: boolean; planYear: number }) {
  const { ctx, year, measures, today } = props;
  const digits = ctx.agency?.digits ?? 'thai';
  const n = (v: number) => withDigits(String(v), digits);
  const c = countStates(measures, today);
  const title = `ติดตามมาตรการ ปีงบประมาณ ${n(year)}`;
  const mine = measures.filter((m) => props.mayUpdate(m));
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      {props.years.length > 1 && (
        <nav aria-label="ปีงบประมาณ" class="year-nav">
          {props.years.map((y) => (y === year ? <strong aria-current="page">{n(y)}</strong> : <a href={`/admin/measures/${y}`}>{n(y)}</a>))}
        </nav>
      )}
      <ul class="count-list" id="measure-counts">
        <li>ทั้งหมด {n(c.total)} มาตรการ</li>
        <li><Tag tone="good">แล้วเสร็จ {n(c.done)}</Tag></li>
        <li><Tag tone="warn">กำลังดำเนินการ {n(c.inProgress)}</Tag></li>
        <li><Tag tone="bad">ล่าช้า {n(c.late)}</Tag></li>
        <li><Tag>ยังไม่เริ่ม {n(c.notStarted)}</Tag></li>
      </ul>
      {props.manages && (
        <form method="post" action={`/admin/measures/${year}/sync`}>
          <CsrfField token={ctx.csrfToken} />
          <p>มาตรการมาจากแผนปรับปรุงที่จัดทำจากผลการประเมินปี {n(props.planYear)} และมาตรการขับเคลื่อน</p>
          <Button variant="secondary">นำมาตรการจากแผนปรับปรุงเข้าสู่การติดตาม</Button>
        </form>
      )}
      {measures.length === 0 ? (
        <p>ยังไม่มีมาตรการที่ติดตามในปีนี้ เมื่อจัดทำแผนปรับปรุงแล้ว มาตรการจะเข้าสู่การติดตามโดยอัตโนมัติ</p>
      ) : (
        <DataTable caption={`มาตรการที่ติดตาม ปีงบประมาณ ${n(year)}${mine.length < measures.length ? ` (ท่านแก้ไขได้ ${n(mine.length)} มาตรการของหน่วยงานท่าน)` : ''}`} head={['ที่', 'มาตรการ', 'ผู้รับผิดชอบ', 'กำหนดแล้วเสร็จ', 'สถานะ', 'หลักฐาน']}>
          {measures.map((m, i) => {
            const s = measureState(m, today);
            return (
              <tr>
                <td>{n(i + 1)}</td>
                <td>
                  <a href={`/admin/measures/${year}/${m.id}`}>{withDigits(m.titleTh, digits)}</a>
                </td>
                <td>{m.unitName}</td>
                <td>{formatThaiDate(m.plannedTo, { style: 'short', digits })}</td>
                <td>
                  <Tag tone={STATE_TONE[s]}>{STATE_LABELS[s]}</Tag>
                </td>
                <td>{n(m.evidence.length)}</td>
              </tr>
            );
          })}
        </DataTable>
      )}
    </Layout>
  );
}
