import { Layout } from '../../../ui/Layout.js';
import { Button, CsrfField, DateInput, Select, TextArea, errorFor } from '../../../ui/components.js';
import type { PageContext } from '../../../ui/context.js';
import { messages, tr } from '../../../ui/i18n.js';
import type { FieldError } from '../../../shared/errors.js';
import { formatThaiDate, parseBeDateInput, withDigits } from '../../../shared/thai.js';
import { PLAN_MESSAGES_UI } from './PlanPage.js';

const M = messages({
  editTitle: { th: 'แก้ไขแถวของแผนปรับปรุง', en: 'Edit a plan row' },
  newTitle: { th: 'เพิ่มแถวในแผนปรับปรุง', en: 'Add a plan row' },
  linesHint: { th: 'บรรทัดละหนึ่งขั้นตอน', en: 'One step per line' },
  dateHint: { th: 'วันที่ พ.ศ.', en: 'Date in B.E.' },
  save: { th: 'บันทึก', en: 'Save' },
  cancel: { th: 'ยกเลิก', en: 'Cancel' },
  chooseUnit: { th: 'เลือกหน่วยงาน', en: 'Choose a unit' },
  current: { th: 'ปัจจุบัน', en: 'currently' },
});

export interface PlanRowValues {
  weaknessTh: string;
  steps: string;
  responsibleUnit: string;
  monitoring: string;
  sixMonthDue: string;
  twelveMonthDue: string;
}

export function PlanRowPage(props: { ctx: PageContext; year: number; rowId: string | null; values: PlanRowValues; units: string[]; errors?: FieldError[] }) {
  const { ctx, year, rowId, values, units, errors } = props;
  const L = ctx.locale;
  const digits = ctx.agency?.digits ?? 'thai';
  const title = tr(L, rowId ? M.editTitle : M.newTitle);
  const action = rowId ? `/admin/plan/${year}/rows/${rowId}` : `/admin/plan/${year}/rows/new`;
  const dateHint = (value: string) => {
    const iso = parseBeDateInput(value);
    return iso ? `${tr(L, M.current)} ${formatThaiDate(iso, { digits, locale: L })}` : tr(L, M.dateHint);
  };
  return (
    <Layout ctx={ctx} title={`${title} ${withDigits(String(year), digits)}`} errors={errors}>
      <h1>{title}</h1>
      <form method="post" action={action} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextArea name="weaknessTh" label={tr(L, PLAN_MESSAGES_UI.weakness)} value={values.weaknessTh} error={errorFor(errors, 'weaknessTh')} rows={3} />
        <TextArea name="steps" label={tr(L, PLAN_MESSAGES_UI.steps)} hint={tr(L, M.linesHint)} value={values.steps} error={errorFor(errors, 'steps')} rows={6} />
        <Select
          name="responsibleUnit"
          label={tr(L, PLAN_MESSAGES_UI.unit)}
          value={values.responsibleUnit}
          includeEmpty={tr(L, M.chooseUnit)}
          options={units.map((u) => ({ value: u, label: u }))}
          error={errorFor(errors, 'responsibleUnit')}
        />
        <TextArea name="monitoring" label={tr(L, PLAN_MESSAGES_UI.monitoring)} hint={tr(L, M.linesHint)} value={values.monitoring} error={errorFor(errors, 'monitoring')} rows={5} />
        <DateInput name="sixMonthDue" digits={digits} label={`${tr(L, PLAN_MESSAGES_UI.due)} ${tr(L, PLAN_MESSAGES_UI.six)}`} hint={dateHint(values.sixMonthDue)} value={values.sixMonthDue} error={errorFor(errors, 'sixMonthDue')} />
        <DateInput name="twelveMonthDue" digits={digits} label={`${tr(L, PLAN_MESSAGES_UI.due)} ${tr(L, PLAN_MESSAGES_UI.twelve)}`} hint={dateHint(values.twelveMonthDue)} value={values.twelveMonthDue} error={errorFor(errors, 'twelveMonthDue')} />
        <div class="actions">
          <Button>{tr(L, M.save)}</Button>
          <a href={`/admin/plan/${year}`}>{tr(L, M.cancel)}</a>
        </div>
      </form>
    </Layout>
  );
}
