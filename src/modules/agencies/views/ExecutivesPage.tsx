/**
 * /admin/agency/executives: the agency's executives in the two groups ITA item O2 asks for
 * (political and permanent), with add, edit and delete for agency.manage.
 */
import { Layout } from '../../../ui/Layout.js';
import { Button, CsrfField, DataTable, Select, TextField, errorFor } from '../../../ui/components.js';
import type { PageContext } from '../../../ui/context.js';
import { messages, tr, type Msg } from '../../../ui/i18n.js';
import type { FieldError } from '../../../shared/errors.js';
import { formatInteger } from '../../../shared/thai.js';
import type { Executive } from '../domain/agency.js';
import { AgencySections, EXECUTIVE_KINDS, kindOptions } from './AgencySections.js';

export const EXECUTIVE_MESSAGES = messages({
  title: { th: 'ผู้บริหาร', en: 'Executives' },
  lead: {
    th: 'ข้อมูลนี้ใช้ในหน้า OIT ข้อ O2 (ข้อมูลผู้บริหาร) ซึ่งต้องแสดงทั้งฝ่ายการเมืองและฝ่ายข้าราชการประจำ',
    en: 'Used for OIT item O2 (executives), which must show both political executives and permanent officials.',
  },
  order: { th: 'ลำดับ', en: 'Order' },
  photo: { th: 'รูป', en: 'Photo' },
  name: { th: 'ชื่อ-นามสกุล', en: 'Full name' },
  position: { th: 'ตำแหน่ง', en: 'Position' },
  positionHint: { th: 'เช่น นายกเทศมนตรี หรือ ปลัดเทศบาล', en: 'e.g. นายกเทศมนตรี or ปลัดเทศบาล' },
  phone: { th: 'โทรศัพท์', en: 'Telephone' },
  email: { th: 'อีเมล', en: 'E-mail' },
  optional: { th: '(ไม่บังคับ)', en: '(optional)' },
  kind: { th: 'ฝ่าย', en: 'Group' },
  orderHint: { th: 'ตัวเลข 0–999 น้อยอยู่ก่อน เช่น นายก = 1', en: 'A number 0–999; lower comes first' },
  manage: { th: 'จัดการ', en: 'Actions' },
  edit: { th: 'แก้ไข', en: 'Edit' },
  remove: { th: 'ลบ', en: 'Delete' },
  confirmRemove: { th: 'ลบข้อมูลผู้บริหารคนนี้ใช่หรือไม่?', en: 'Delete this executive?' },
  add: { th: 'เพิ่มผู้บริหาร', en: 'Add an executive' },
  added: { th: 'เพิ่มข้อมูลผู้บริหารแล้ว', en: 'Executive added' },
  saved: { th: 'บันทึกข้อมูลผู้บริหารแล้ว', en: 'Executive saved' },
  removed: { th: 'ลบข้อมูลผู้บริหารแล้ว', en: 'Executive deleted' },
  editTitle: { th: 'แก้ไขข้อมูลผู้บริหาร', en: 'Edit executive' },
  save: { th: 'บันทึก', en: 'Save' },
  back: { th: 'กลับไปรายชื่อผู้บริหาร', en: 'Back to executives' },
  photoOf: { th: 'รูปของ', en: 'Photo of' },
  none: { th: '—', en: '—' },
});
const M = EXECUTIVE_MESSAGES;

export function ExecutivesPage({ ctx, executives, values, errors }: { ctx: PageContext; executives: Executive[]; values: Record<string, string>; errors?: FieldError[] }) {
  const L = ctx.locale;
  const digits = ctx.agency?.digits ?? 'arabic';
  const canEdit = ctx.can('agency.manage');
  const hasPhotos = executives.some((x) => x.photoFileId);
  return (
    <Layout ctx={ctx} title={tr(L, M.title)} errors={errors}>
      <h1>{tr(L, M.title)}</h1>
      <AgencySections ctx={ctx} />
      <p class="lead">{tr(L, M.lead)}</p>
      {EXECUTIVE_KINDS.map((group) => {
        const members = executives.filter((x) => x.kind === group.kind);
        return (
          <section>
            <h2>{tr(L, group.label)}</h2>
            {members.length === 0 ? (
              <div class="notice notice-warn">{tr(L, group.missing)}</div>
            ) : (
              <DataTable
                caption={tr(L, group.label)}
                head={[
                  tr(L, M.order),
                  ...(hasPhotos ? [tr(L, M.photo)] : []),
                  tr(L, M.name),
                  tr(L, M.position),
                  tr(L, M.phone),
                  tr(L, M.email),
                  ...(canEdit ? [tr(L, M.manage)] : []),
                ]}
              >
                {members.map((x) => (
                  <tr>
                    <td class="num">{formatInteger(x.sortOrder, digits)}</td>
                    {hasPhotos && (
                      <td>{x.photoFileId && <img src={`/files/${x.photoFileId}`} alt={`${tr(L, M.photoOf)} ${x.nameTh}`} width={64} />}</td>
                    )}
                    <td>{x.nameTh}</td>
                    <td>{x.positionTh}</td>
                    <td>{x.phone ?? tr(L, M.none)}</td>
                    <td>{x.email ?? tr(L, M.none)}</td>
                    {canEdit && (
                      <td>
                        <a href={`/admin/agency/executives/${x.id}`} class="button button-secondary">
                          {tr(L, M.edit)}
                          <span class="visually-hidden"> {x.nameTh}</span>
                        </a>
                        <form method="post" action={`/admin/agency/executives/${x.id}/delete`} class="inline-form" data-confirm={tr(L, M.confirmRemove)}>
                          <CsrfField token={ctx.csrfToken} />
                          <Button variant="warning">
                            {tr(L, M.remove)}
                            <span class="visually-hidden"> {x.nameTh}</span>
                          </Button>
                        </form>
                      </td>
                    )}
                  </tr>
                ))}
              </DataTable>
            )}
          </section>
        );
      })}
      {canEdit && (
        <form method="post" action="/admin/agency/executives" novalidate>
          <h2>{tr(L, M.add)}</h2>
          <CsrfField token={ctx.csrfToken} />
          <ExecutiveFields ctx={ctx} values={values} errors={errors} />
          <Button>{tr(L, M.add)}</Button>
        </form>
      )}
    </Layout>
  );
}

function ExecutiveFields({ ctx, values, errors }: { ctx: PageContext; values: Record<string, string>; errors?: FieldError[] }) {
  const L = ctx.locale;
  const v = (k: string) => values[k] ?? '';
  const e = (k: string) => errorFor(errors, k);
  const opt = (m: Msg) => `${tr(L, m)} ${tr(L, M.optional)}`;
  return (
    <>
      <Select name="kind" label={tr(L, M.kind)} value={v('kind')} error={e('kind')} options={kindOptions(L)} />
      <TextField name="nameTh" label={tr(L, M.name)} value={v('nameTh')} error={e('nameTh')} />
      <TextField name="positionTh" label={tr(L, M.position)} hint={tr(L, M.positionHint)} value={v('positionTh')} error={e('positionTh')} />
      <TextField name="phone" type="tel" label={opt(M.phone)} value={v('phone')} error={e('phone')} />
      <TextField name="email" type="email" label={opt(M.email)} value={v('email')} error={e('email')} />
      <TextField name="sortOrder" label={tr(L, M.order)} hint={tr(L, M.orderHint)} value={v('sortOrder')} error={e('sortOrder')} inputmode="numeric" width="short" />
    </>
  );
}

export const executiveValues = (x: Executive): Record<string, string> => ({
  kind: x.kind,
  nameTh: x.nameTh,
  positionTh: x.positionTh,
  phone: x.phone ?? '',
  email: x.email ?? '',
  sortOrder: String(x.sortOrder),
});

export function ExecutiveEditPage({ ctx, executiveId, values, errors }: { ctx: PageContext; executiveId: string; values: Record<string, string>; errors?: FieldError[] }) {
  const L = ctx.locale;
  return (
    <Layout ctx={ctx} title={tr(L, M.editTitle)} errors={errors}>
      <h1>{tr(L, M.editTitle)}</h1>
      <form method="post" action={`/admin/agency/executives/${executiveId}`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <ExecutiveFields ctx={ctx} values={values} errors={errors} />
        <div class="actions">
          <Button>{tr(L, M.save)}</Button>
          <a href="/admin/agency/executives">{tr(L, M.back)}</a>
        </div>
      </form>
    </Layout>
  );
}
