/** One tracked measure: its state and progress form, the progress notes, and evidence (files, links, photos). */
import { Layout } from '../../../ui/Layout.js';
import { DateInput, Button, CsrfField, Field, Select, Tag, TextArea, TextField, errorFor } from '../../../ui/components.js';
import type { PageContext } from '../../../ui/context.js';
import type { FieldError } from '../../../shared/errors.js';
import { formatThaiDate, formatThaiDateTime, withDigits } from '../../../shared/thai.js';
import { MEASURE_STATUSES, STATE_LABELS, measureState, type TrackedMeasure } from '../domain/types.js';
import { STATE_TONE } from './MeasuresPage.js';

export interface MeasureFormValues {
  status: string;
  activities: string;
  responsiblePerson: string;
  plannedFrom: string;
  plannedTo: string;
  doneOn: string;
  outputsTh: string;
  indicatorsTh: string;
  note: string;
}

export const valuesOf = (m: TrackedMeasure): MeasureFormValues => ({
  status: m.status,
  activities: m.activities.join('\n'),
  responsiblePerson: m.responsiblePerson,
  plannedFrom: m.plannedFrom,
  plannedTo: m.plannedTo,
  doneOn: m.doneOn ?? '',
  outputsTh: m.outputsTh,
  indicatorsTh: m.indicatorsTh,
  note: '',
});

export function MeasurePage(props: { ctx: PageContext; measure: TrackedMeasure; today: string; editable: boolean; values: MeasureFormValues; errors?: FieldError[]; evidenceErrors?: FieldError[] }) {
  const { ctx, measure: m, values, errors } = props;
  const digits = ctx.agency?.digits ?? 'thai';
  const state = measureState(m, props.today);
  const base = `/admin/measures/${m.fiscalYear}/${m.id}`;
  const allErrors = [...(errors ?? []), ...(props.evidenceErrors ?? [])];
  return (
    <Layout ctx={ctx} title={`มาตรการ: ${m.titleTh.slice(0, 60)}`} errors={allErrors.length ? allErrors : undefined}>
      <p>
        <a href={`/admin/measures/${m.fiscalYear}`}>← มาตรการทั้งหมดของปี {withDigits(String(m.fiscalYear), digits)}</a>
      </p>
      <h1>{withDigits(m.titleTh, digits)}</h1>
      <p>
        <Tag tone={STATE_TONE[state]}>{STATE_LABELS[state]}</Tag> ผู้รับผิดชอบ: {m.unitName || '–'}
        {m.responsiblePerson ? ` (${m.responsiblePerson})` : ''} · ระยะเวลา {formatThaiDate(m.plannedFrom, { style: 'short', digits })} – {formatThaiDate(m.plannedTo, { style: 'short', digits })}
      </p>

      {props.editable ? (
        <form method="post" action={base} novalidate>
          <h2>บันทึกความก้าวหน้า</h2>
          <CsrfField token={ctx.csrfToken} />
          <Select name="status" label="สถานะการดำเนินงาน" value={values.status} options={MEASURE_STATUSES.map((s) => ({ value: s, label: STATE_LABELS[s] }))} error={errorFor(errors, 'status')} />
          <DateInput name="doneOn" digits={digits} label="วันที่ดำเนินการแล้วเสร็จ" hint="กรอกเมื่อสถานะเป็น ดำเนินการแล้วเสร็จ" value={values.doneOn} error={errorFor(errors, 'doneOn')} />
          <TextArea name="note" label="ความก้าวหน้า / สิ่งที่ทำในรอบนี้" value={values.note} error={errorFor(errors, 'note')} rows={3} />
          <TextArea name="activities" label="กิจกรรม" hint="บรรทัดละหนึ่งกิจกรรม" value={values.activities} error={errorFor(errors, 'activities')} rows={4} />
          <TextField name="responsiblePerson" label="ผู้รับผิดชอบ (ชื่อ ตำแหน่ง)" value={values.responsiblePerson} error={errorFor(errors, 'responsiblePerson')} />
          <DateInput name="plannedFrom" digits={digits} label="วันที่เริ่มตามแผน" value={values.plannedFrom} error={errorFor(errors, 'plannedFrom')} />
          <DateInput name="plannedTo" digits={digits} label="วันที่แล้วเสร็จตามแผน" value={values.plannedTo} error={errorFor(errors, 'plannedTo')} />
          <TextArea name="outputsTh" label="ผลผลิต" value={values.outputsTh} error={errorFor(errors, 'outputsTh')} rows={2} />
          <TextArea name="indicatorsTh" label="ตัวชี้วัด/ผลลัพธ์" value={values.indicatorsTh} error={errorFor(errors, 'indicatorsTh')} rows={2} />
          <div class="actions">
            <Button>บันทึก</Button>
          </div>
        </form>
      ) : (
        <p class="notice notice-info">ท่านดูได้เท่านั้น มาตรการนี้เป็นของหน่วยงานอื่น</p>
      )}

      <h2>ความก้าวหน้าที่รายงานแล้ว</h2>
      {m.notes.length === 0 ? (
        <p>ยังไม่มีการรายงานความก้าวหน้า</p>
      ) : (
        <ol class="notes" id="measure-notes">
          {[...m.notes].reverse().map((n) => (
            <li>
              <p>{withDigits(n.noteTh, digits)}</p>
              <p class="hint">
                {n.authorName} · {formatThaiDateTime(n.createdAt, digits)} · {STATE_LABELS[n.status]}
              </p>
            </li>
          ))}
        </ol>
      )}

      <h2>หลักฐานการดำเนินการ</h2>
      {m.evidence.length === 0 ? (
        <p>ยังไม่มีหลักฐาน</p>
      ) : (
        <ul class="evidence-list" id="measure-evidence">
          {m.evidence.map((e) => (
            <li>
              {e.kind === 'photo' && e.fileId ? (
                <figure>
                  <img src={`/admin/measures/evidence/${e.id}`} alt={e.title} width={160} class="evidence-photo" />
                  <figcaption>{e.title}</figcaption>
                </figure>
              ) : e.fileId ? (
                <a href={`/admin/measures/evidence/${e.id}`}>{e.title}</a>
              ) : (
                <a href={e.url ?? '#'} rel="noopener noreferrer">
                  {e.title}
                </a>
              )}
            </li>
          ))}
        </ul>
      )}
      {props.editable && (
        <form method="post" action={`${base}/evidence`} enctype="multipart/form-data" novalidate>
          {/* The token first: the platform reads it as the first part of a multipart body. */}
          <CsrfField token={ctx.csrfToken} />
          <h3>เพิ่มหลักฐาน</h3>
          <TextField name="title" label="ชื่อหลักฐาน" hint="เช่น ภาพการประชุมชี้แจงบุคลากร" error={errorFor(props.evidenceErrors, 'title')} />
          <Field name="file" label="ไฟล์หรือภาพถ่ายกิจกรรม" hint="PDF, Word, Excel หรือรูปภาพ (PNG, JPEG)" error={errorFor(props.evidenceErrors, 'file')}>
            {(a) => <input {...a} type="file" class="input" />}
          </Field>
          <TextField name="url" type="url" label="หรือลิงก์ (https://…)" error={errorFor(props.evidenceErrors, 'url')} />
          <div class="actions">
            <Button variant="secondary">เพิ่มหลักฐาน</Button>
          </div>
        </form>
      )}
    </Layout>
  );
}
