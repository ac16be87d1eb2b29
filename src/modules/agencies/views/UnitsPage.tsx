/** /admin/agency/units: the agency's units (กอง/สำนัก), with add, rename and delete for agency.manage. */
import { Layout } from '../../../ui/Layout.js';
import { Button, CsrfField, DataTable, TextField, errorFor } from '../../../ui/components.js';
import type { PageContext } from '../../../ui/context.js';
import { messages, tr } from '../../../ui/i18n.js';
import type { FieldError } from '../../../shared/errors.js';
import { formatInteger } from '../../../shared/thai.js';
import type { Unit } from '../domain/agency.js';
import { AgencySections } from './AgencySections.js';

export const UNIT_MESSAGES = messages({
  title: { th: 'หน่วยงานย่อย', en: 'Units' },
  lead: {
    th: 'กอง สำนัก หรือฝ่ายของหน่วยงาน ใช้มอบหมายผู้รับผิดชอบข้อมูล OIT และจัดกลุ่มผู้ใช้',
    en: 'Divisions of the agency, used to assign OIT items and group users.',
  },
  caption: { th: 'รายชื่อหน่วยงานย่อย', en: 'Units of the agency' },
  order: { th: 'ลำดับ', en: 'Order' },
  name: { th: 'ชื่อหน่วยงานย่อย', en: 'Unit name' },
  manage: { th: 'จัดการ', en: 'Actions' },
  edit: { th: 'แก้ไข', en: 'Edit' },
  remove: { th: 'ลบ', en: 'Delete' },
  confirmRemove: {
    th: 'ลบหน่วยงานย่อยนี้ใช่หรือไม่? ผู้ใช้ที่สังกัดหน่วยนี้จะไม่มีหน่วยงานย่อย',
    en: 'Delete this unit? Its users will have no unit.',
  },
  empty: { th: 'ยังไม่มีหน่วยงานย่อย', en: 'No units yet' },
  add: { th: 'เพิ่มหน่วยงานย่อย', en: 'Add a unit' },
  nameHint: { th: 'เช่น กองคลัง', en: 'e.g. กองคลัง' },
  orderHint: { th: 'ตัวเลข 0–999 น้อยอยู่ก่อน', en: 'A number 0–999; lower comes first' },
  added: { th: 'เพิ่มหน่วยงานย่อยแล้ว', en: 'Unit added' },
  saved: { th: 'บันทึกหน่วยงานย่อยแล้ว', en: 'Unit saved' },
  removed: { th: 'ลบหน่วยงานย่อยแล้ว', en: 'Unit deleted' },
  editTitle: { th: 'แก้ไขหน่วยงานย่อย', en: 'Edit unit' },
  save: { th: 'บันทึก', en: 'Save' },
  back: { th: 'กลับไปรายชื่อหน่วยงานย่อย', en: 'Back to units' },
});
const M = UNIT_MESSAGES;

export function UnitsPage({ ctx, units, values, errors }: { ctx: PageContext; units: Unit[]; values: Record<string, string>; errors?: FieldError[] }) {
  const L = ctx.locale;
  const digits = ctx.agency?.digits ?? 'arabic';
  const canEdit = ctx.can('agency.manage');
  return (
    <Layout ctx={ctx} title={tr(L, M.title)} errors={errors}>
      <h1>{tr(L, M.title)}</h1>
      <AgencySections ctx={ctx} />
      <p class="lead">{tr(L, M.lead)}</p>
      {units.length === 0 ? (
        <p>{tr(L, M.empty)}</p>
      ) : (
        <DataTable caption={tr(L, M.caption)} head={[tr(L, M.order), tr(L, M.name), ...(canEdit ? [tr(L, M.manage)] : [])]}>
          {units.map((u) => (
            <tr>
              <td class="num">{formatInteger(u.sortOrder, digits)}</td>
              <td>{u.nameTh}</td>
              {canEdit && (
                <td>
                  <a href={`/admin/agency/units/${u.id}`} class="button button-secondary">
                    {tr(L, M.edit)}
                    <span class="visually-hidden"> {u.nameTh}</span>
                  </a>
                  <form method="post" action={`/admin/agency/units/${u.id}/delete`} class="inline-form" data-confirm={tr(L, M.confirmRemove)}>
                    <CsrfField token={ctx.csrfToken} />
                    <Button variant="warning">
                      {tr(L, M.remove)}
                      <span class="visually-hidden"> {u.nameTh}</span>
                    </Button>
                  </form>
                </td>
              )}
            </tr>
          ))}
        </DataTable>
      )}
      {canEdit && (
        <form method="post" action="/admin/agency/units" novalidate>
          <h2>{tr(L, M.add)}</h2>
          <CsrfField token={ctx.csrfToken} />
          <UnitFields ctx={ctx} values={values} errors={errors} />
          <Button>{tr(L, M.add)}</Button>
        </form>
      )}
    </Layout>
  );
}

function UnitFields({ ctx, values, errors }: { ctx: PageContext; values: Record<string, string>; errors?: FieldError[] }) {
  const L = ctx.locale;
  return (
    <>
      <TextField name="nameTh" label={tr(L, M.name)} hint={tr(L, M.nameHint)} value={values.nameTh ?? ''} error={errorFor(errors, 'nameTh')} />
      <TextField
        name="sortOrder"
        label={tr(L, M.order)}
        hint={tr(L, M.orderHint)}
        value={values.sortOrder ?? ''}
        error={errorFor(errors, 'sortOrder')}
        inputmode="numeric"
        width="short"
      />
    </>
  );
}

export function UnitEditPage({ ctx, unitId, values, errors }: { ctx: PageContext; unitId: string; values: Record<string, string>; errors?: FieldError[] }) {
  const L = ctx.locale;
  return (
    <Layout ctx={ctx} title={tr(L, M.editTitle)} errors={errors}>
      <h1>{tr(L, M.editTitle)}</h1>
      <form method="post" action={`/admin/agency/units/${unitId}`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <UnitFields ctx={ctx} values={values} errors={errors} />
        <div class="actions">
          <Button>{tr(L, M.save)}</Button>
          <a href="/admin/agency/units">{tr(L, M.back)}</a>
        </div>
      </form>
    </Layout>
  );
}
