import { Layout } from '../../../ui/Layout.js';
import { Button, CsrfField, TextArea, TextField, errorFor } from '../../../ui/components.js';
import type { PageContext } from '../../../ui/context.js';
import { messages, tr } from '../../../ui/i18n.js';
import type { FieldError } from '../../../shared/errors.js';
import type { DrivingMeasure } from '../domain/types.js';
import { PLAN_MESSAGES_UI } from './PlanPage.js';

const M = messages({
  hint: { th: 'เว้นว่างทั้งชื่อและรายละเอียดเพื่อลบมาตรการข้อนั้น มีช่องว่างสำหรับเพิ่มมาตรการใหม่สองข้อ', en: 'Leave a measure empty to remove it; two empty slots add new ones.' },
  name: { th: 'ชื่อมาตรการ', en: 'Measure' },
  detail: { th: 'รายละเอียด', en: 'Details' },
  item: { th: 'มาตรการข้อ', en: 'Measure' },
  save: { th: 'บันทึกมาตรการ', en: 'Save measures' },
  cancel: { th: 'ยกเลิก', en: 'Cancel' },
});

export function MeasuresPage({ ctx, year, measures, errors }: { ctx: PageContext; year: number; measures: DrivingMeasure[]; errors?: FieldError[] }) {
  const L = ctx.locale;
  const slots = [...measures, { order: 0, titleTh: '', detailTh: '' }, { order: 0, titleTh: '', detailTh: '' }];
  return (
    <Layout ctx={ctx} title={tr(L, PLAN_MESSAGES_UI.measures)} errors={errors}>
      <h1>{tr(L, PLAN_MESSAGES_UI.measures)}</h1>
      <p class="hint">{tr(L, M.hint)}</p>
      <form method="post" action={`/admin/plan/${year}/measures`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        {slots.map((m, i) => (
          <fieldset>
            <legend>
              {tr(L, M.item)} {i + 1}
            </legend>
            <TextField name={`measures.${i}.titleTh`} label={tr(L, M.name)} value={m.titleTh} error={errorFor(errors, `measures.${i}.titleTh`)} />
            <TextArea name={`measures.${i}.detailTh`} label={tr(L, M.detail)} value={m.detailTh} rows={3} />
          </fieldset>
        ))}
        <div class="actions">
          <Button>{tr(L, M.save)}</Button>
          <a href={`/admin/plan/${year}`}>{tr(L, M.cancel)}</a>
        </div>
      </form>
    </Layout>
  );
}
