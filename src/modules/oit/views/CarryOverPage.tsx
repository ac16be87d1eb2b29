/** Starting a year from the previous one: the item mapping for review, then one button. */
import { Layout } from '../../../ui/Layout.js';
import { Button, CsrfField, DataTable } from '../../../ui/components.js';
import type { PageContext } from '../../../ui/context.js';
import { messages, tr } from '../../../ui/i18n.js';
import type { FieldError } from '../../../shared/errors.js';
import type { CarryOverView } from '../service.js';
import { YEAR_MAP_MATCH_LABELS } from '../../catalogue/index.js';

const M = messages({
  title: { th: 'เริ่มปีงบประมาณใหม่จากปีก่อน', en: 'Start the year from last year' },
  lead: {
    th: 'ระบบจับคู่รายการของปีก่อนกับรายการของปีนี้ตามบทบาทของรายการในแคตตาล็อก แล้วจึงตามชื่อและหมายเลขข้อ (ป.ป.ช. เปลี่ยนเลขข้อและชื่อบางรายการทุกปี และบางปีรวมหลายรายการเป็นข้อเดียว) กรุณาตรวจสอบก่อนยกมา หลักฐานที่มีช่วงเวลาไม่ตรงกับปีนี้จะถูกทำเครื่องหมาย "ต้องปรับปรุง" และไม่นับเป็นหลักฐานจนกว่าจะแก้ไขหรือแทนที่',
    en: 'Items are matched by role, then by title and code. Dated evidence that does not fit the new year is flagged and does not count until reviewed.',
  },
  from: { th: 'ปีก่อน', en: 'Last year' },
  to: { th: 'ปีนี้', en: 'This year' },
  match: { th: 'จับคู่โดย', en: 'Matched by' },
  evidence: { th: 'หลักฐาน', en: 'Evidence' },
  outdated: { th: 'ต้องปรับปรุง', en: 'Outdated' },
  carry: { th: 'ยกมา', en: 'Carry' },
  hasEvidence: { th: 'ปีนี้มีหลักฐานหรือการยืนยันแล้ว (ไม่ยกมา)', en: 'Already worked on (skipped)' },
  dropped: { th: 'รายการของปีก่อนที่ไม่มีในปีนี้', en: 'Last year’s items not in this year' },
  added: { th: 'รายการใหม่ของปีนี้', en: 'New items this year' },
  content: { th: 'ข้อมูลโครงสร้างและข้อมูลการติดต่อจะคัดลอกมาด้วยหากปีนี้ยังไม่มี', en: 'Structure and contact are copied when this year has none.' },
  submit: { th: 'ยกรายการที่เลือกมายังปีนี้', en: 'Carry the chosen items over' },
  choose: { th: 'เลือก', en: 'Choose' },
});


export function CarryOverPage({ ctx, view, errors }: { ctx: PageContext; view: CarryOverView; errors?: FieldError[] }) {
  const L = ctx.locale;
  const title = `${tr(L, M.title)}: ${view.fromYear} → ${view.toYear}`;
  return (
    <Layout ctx={ctx} title={title} errors={errors}>
      <h1>{title}</h1>
      <p class="lead">{tr(L, M.lead)}</p>
      <form method="post" action={`/admin/oit/${view.toYear}/carry-over?from=${view.fromYear}`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <div id="f-codes">
          <DataTable caption={title} head={[tr(L, M.choose), tr(L, M.from), tr(L, M.to), tr(L, M.match), tr(L, M.evidence), tr(L, M.outdated)]}>
            {view.rows.map((r) => (
              <tr>
                <td>
                  {r.targetHasEvidence ? (
                    <span class="hint">{tr(L, M.hasEvidence)}</span>
                  ) : (
                    <div class="checkbox">
                      <input type="checkbox" id={`f-codes-${r.mapping.fromCode}`} name="codes" value={r.mapping.fromCode} checked={r.evidenceCount > 0} />
                      <label for={`f-codes-${r.mapping.fromCode}`}>
                        {tr(L, M.carry)} {r.mapping.fromCode}
                      </label>
                    </div>
                  )}
                </td>
                <td>
                  {r.mapping.fromCode} {r.mapping.fromTitle}
                </td>
                <td>
                  {r.mapping.toCode} {r.mapping.toTitle}
                </td>
                <td>{tr(L, YEAR_MAP_MATCH_LABELS[r.mapping.match])}</td>
                <td class="num">{r.evidenceCount}</td>
                <td class="num">{r.outdatedCount}</td>
              </tr>
            ))}
          </DataTable>
        </div>
        {(view.structure || view.contact) && <p>{tr(L, M.content)}</p>}
        <Button>{tr(L, M.submit)}</Button>
      </form>
      {view.dropped.length > 0 && (
        <>
          <h2>{tr(L, M.dropped)}</h2>
          <ul>{view.dropped.map((d) => <li>{d.code} {d.titleTh}</li>)}</ul>
        </>
      )}
      {view.added.length > 0 && (
        <>
          <h2>{tr(L, M.added)}</h2>
          <ul>{view.added.map((d) => <li>{d.code} {d.titleTh}</li>)}</ul>
        </>
      )}
    </Layout>
  );
}
