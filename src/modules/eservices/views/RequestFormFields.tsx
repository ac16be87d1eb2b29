/** The controls of a service's request form, one per typed field; all work without JavaScript. */
import { Field, Select, TextArea, TextField, errorFor, fieldId } from '../../../ui/components.js';
import type { FieldError } from '../../../shared/errors.js';
import type { FormField } from '../domain/fields.js';

export type FormValues = Record<string, string>;

export function FormFieldControl({ f, values, errors }: { f: FormField; values: FormValues; errors?: FieldError[] }) {
  const label = `${f.label}${f.required ? '' : ' (ไม่บังคับ)'}`;
  const error = errorFor(errors, f.key);
  const v = values[f.key] ?? '';
  switch (f.type) {
    case 'text':
      return <TextArea name={f.key} label={label} value={v} error={error} hint={f.hint} rows={3} />;
    case 'address':
      return <TextArea name={f.key} label={label} value={v} error={error} hint={f.hint ?? 'บ้านเลขที่ หมู่ ถนน ตำบล อำเภอ จังหวัด'} rows={3} />;
    case 'number':
      return <TextField name={f.key} label={label} value={v} error={error} hint={f.hint} inputmode="decimal" width="short" />;
    case 'date':
      return <TextField name={f.key} label={label} value={v} error={error} hint={f.hint ?? 'วว/ดด/ปปปป (พ.ศ.) เช่น 15/01/2569'} inputmode="numeric" width="short" />;
    case 'phone':
      return <TextField name={f.key} label={label} value={v} error={error} hint={f.hint ?? 'เช่น 0812345678'} type="tel" autocomplete="tel" width="short" />;
    case 'national-id':
      return <TextField name={f.key} label={label} value={v} error={error} hint={f.hint ?? 'ตัวเลข 13 หลัก'} inputmode="numeric" />;
    case 'choice':
      return <Select name={f.key} label={label} value={v} error={error} hint={f.hint} includeEmpty="— เลือก —" options={(f.options ?? []).map((o) => ({ value: o, label: o }))} />;
    case 'file':
      return (
        <Field name={f.key} label={label} hint={f.hint ?? 'รูปภาพ (JPEG, PNG) หรือ PDF ขนาดไม่เกิน 10 เมกะไบต์'} error={error}>
          {(a) => <input {...a} type="file" class="input" accept="image/*,application/pdf" />}
        </Field>
      );
    case 'location':
      return (
        <div>
          <TextArea name={f.key} label={label} value={v} error={error} hint={f.hint ?? 'ระบุที่อยู่หรือจุดสังเกต (ถ้าเปิดใช้ตำแหน่งของโทรศัพท์ได้ จะบันทึกพิกัดให้ด้วย)'} rows={2} />
          <input type="hidden" name={`${f.key}.lat`} value={values[`${f.key}.lat`] ?? ''} />
          <input type="hidden" name={`${f.key}.lng`} value={values[`${f.key}.lng`] ?? ''} />
          <p>
            <button type="button" class="button button-secondary" id={`${fieldId(f.key)}-geo`} data-module="geolocate" data-field={f.key} hidden>
              ใช้ตำแหน่งปัจจุบัน
            </button>
            <span id={`${fieldId(f.key)}-geo-status`} role="status"></span>
          </p>
        </div>
      );
  }
}
