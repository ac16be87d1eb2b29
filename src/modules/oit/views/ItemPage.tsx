/**
 * The workspace of one OIT item: its elements and what each still needs, the evidence (files
 * with their versions, links, generated documents), declarations, structured content (O1, O2,
 * O5) and, for coordinators, assignment and status. Every form works without JavaScript;
 * replacing a file is a form inside <details>. Field names carry a per-form prefix so ids stay
 * unique on the page and the error summary links to the right field.
 */
import type { ComponentChildren } from 'preact';
import { CatalogueCaveatNotice } from '../../catalogue/index.js';
import { Layout } from '../../../ui/Layout.js';
import { DateInput, Button, CsrfField, Field, Select, TextArea, TextField, errorFor, fieldId } from '../../../ui/components.js';
import type { PageContext } from '../../../ui/context.js';
import { messages, tr, type Locale } from '../../../ui/i18n.js';
import type { FieldError } from '../../../shared/errors.js';
import { OIT_STATUSES, STATUS_LABELS, itemPeriodRange } from '../domain/checks.js';
import type { EvidenceVersion, ItemState, YearView } from '../service.js';
import { EMPTY_CONTACT } from '../service.js';
import { ExecutiveList, PM, StatusTag, dateTh, fileLabel, nameSegment, periodTh, sizeText } from './parts.js';

const M = messages({
  back: { th: 'กลับไปหน้ารายการทั้งหมด', en: 'Back to all items' },
  fy: { th: 'ปีงบประมาณ', en: 'Fiscal year' },
  status: { th: 'สถานะ', en: 'Status' },
  due: { th: 'กำหนดส่ง', en: 'Due' },
  who: { th: 'ผู้รับผิดชอบ', en: 'Responsible' },
  unassigned: { th: 'ยังไม่มอบหมาย', en: 'Not assigned' },
  publicUrl: { th: 'ลิงก์สาธารณะ (ใช้กรอกใน ITAS)', en: 'Public URL (for ITAS)' },
  readOnly: { th: 'ท่านดูรายการนี้ได้อย่างเดียว เฉพาะผู้ที่ได้รับมอบหมายและผู้ประสานงาน ITA เท่านั้นที่แก้ไขได้', en: 'Read only: only assigned staff and coordinators can change this item.' },
  elements: { th: 'องค์ประกอบที่ต้องแสดง', en: 'Required elements' },
  ok: { th: 'ครบ', en: 'Done' },
  notOk: { th: 'ยังขาด', en: 'Missing' },
  machine: { th: 'ตรวจด้วยระบบ', en: 'Machine-checked' },
  declared: { th: 'ยืนยันโดยเจ้าหน้าที่', en: 'Self-declared' },
  by: { th: 'หลักฐาน', en: 'By' },
  evidence: { th: 'หลักฐาน', en: 'Evidence' },
  noEvidence: { th: 'ยังไม่มีหลักฐาน', en: 'No evidence yet' },
  file: { th: 'ไฟล์', en: 'File' },
  link: { th: 'ลิงก์', en: 'Link' },
  generated: { th: 'เอกสารจากระบบ', en: 'Generated' },
  outdated: { th: 'ยกมาจากปีก่อน — ตรวจสอบและแทนที่ด้วยฉบับปีนี้', en: 'Carried over from last year: review and replace' },
  claims: { th: 'แสดงองค์ประกอบ', en: 'Shows' },
  uploaded: { th: 'อัปโหลดเมื่อ', en: 'Uploaded' },
  versions: { th: 'ฉบับก่อนหน้า', en: 'Earlier versions' },
  edit: { th: 'แก้ไขหรือแทนที่ไฟล์', en: 'Edit or replace the file' },
  editLink: { th: 'แก้ไข', en: 'Edit' },
  replaceFile: { th: 'ไฟล์ใหม่ (ไม่บังคับ — ฉบับเดิมจะถูกเก็บไว้ ลิงก์สาธารณะไม่เปลี่ยน)', en: 'New file (optional; earlier versions are kept and the public URL stays)' },
  save: { th: 'บันทึก', en: 'Save' },
  remove: { th: 'ลบหลักฐานนี้', en: 'Remove this evidence' },
  addFile: { th: 'แนบไฟล์หลักฐาน', en: 'Attach a file' },
  addLink: { th: 'เพิ่มลิงก์', en: 'Add a link' },
  title: { th: 'ชื่อหลักฐาน', en: 'Title' },
  titleHint: { th: 'เว้นว่างได้ ระบบจะใช้ชื่อไฟล์', en: 'Leave empty to use the file name' },
  url: { th: 'ลิงก์ (URL)', en: 'URL' },
  upload: { th: 'ไฟล์', en: 'File' },
  uploadHint: { th: 'PDF, Word (DOCX), Excel (XLSX) หรือรูปภาพ ระบบตรวจชนิดไฟล์จากเนื้อหา', en: 'PDF, DOCX, XLSX or an image; the type is checked from the content' },
  periodFrom: { th: 'ช่วงเวลาที่หลักฐานครอบคลุม: ตั้งแต่', en: 'Period covered: from' },
  periodTo: { th: 'ถึง', en: 'to' },
  periodHint: { th: 'แยกจากวันที่อัปโหลด เช่น รายงานรอบ 6 เดือนครอบคลุม 1 ต.ค. – 31 มี.ค.', en: 'Separate from the upload date' },
  claimLegend: { th: 'หลักฐานนี้แสดงองค์ประกอบใดบ้าง', en: 'Which elements does it show?' },
  declare: { th: 'ยืนยันองค์ประกอบ', en: 'Declare elements' },
  declareLead: {
    th: 'สำหรับองค์ประกอบที่ระบบตรวจเองไม่ได้ ระบุว่าหลักฐานแสดงไว้ที่ใด (เช่น "ไฟล์แผนฯ หน้า 12 หัวข้อ ยุทธศาสตร์") เว้นว่างเพื่อยกเลิก',
    en: 'Point to where the evidence shows each element; empty withdraws it.',
  },
  pointer: { th: 'ตำแหน่งที่แสดง', en: 'Where it shows' },
  assign: { th: 'มอบหมายงาน', en: 'Assignment' },
  unit: { th: 'หน่วยงานย่อยที่รับผิดชอบ', en: 'Responsible unit' },
  noUnit: { th: '— ไม่ระบุ —', en: '— none —' },
  staff: { th: 'เจ้าหน้าที่ผู้รับผิดชอบ', en: 'Staff' },
  dueDate: { th: 'กำหนดส่ง', en: 'Due date' },
  dueHint: { th: 'เว้นว่างเพื่อใช้วันสิ้นสุดการตอบแบบ OIT ตามปฏิทิน ITA', en: 'Empty = end of OIT collection in the ITA calendar' },
  setStatus: { th: 'เปลี่ยนสถานะ', en: 'Change status' },
  statusHint: { th: 'เฉพาะรายการที่ "เผยแพร่แล้ว" จึงแสดงหลักฐานบนหน้าสาธารณะ', en: 'Only published items show their evidence publicly' },
  structure: { th: 'โครงสร้างหน่วยงาน', en: 'Structure' },
  politicalLines: { th: 'โครงสร้างฝ่ายการเมือง (บรรทัดละหนึ่งตำแหน่ง)', en: 'Political structure (one per line)' },
  permanentLines: { th: 'โครงสร้างฝ่ายข้าราชการประจำ (บรรทัดละหนึ่งตำแหน่งหรือส่วนราชการ)', en: 'Permanent staff structure (one per line)' },
  chartFile: { th: 'แผนผังโครงสร้าง (รูปภาพหรือ PDF ไม่บังคับ)', en: 'Chart (image or PDF, optional)' },
  removeChart: { th: 'ลบแผนผังเดิม', en: 'Remove the current chart' },
  currentChart: { th: 'แผนผังปัจจุบัน', en: 'Current chart' },
  contact: { th: 'ข้อมูลการติดต่อ', en: 'Contact' },
  mapUrl: { th: 'ลิงก์แผนที่ตั้ง (เช่น Google Maps)', en: 'Map link' },
  executives: { th: 'ผู้บริหาร', en: 'Executives' },
  addExec: { th: 'เพิ่มผู้บริหาร', en: 'Add an executive' },
  kind: { th: 'ประเภท', en: 'Kind' },
  nameTh: { th: 'ชื่อ-นามสกุล', en: 'Name' },
  positionTh: { th: 'ตำแหน่ง', en: 'Position' },
  sortOrder: { th: 'ลำดับ', en: 'Order' },
  photo: { th: 'รูปถ่าย (PNG, JPEG, GIF หรือ WEBP)', en: 'Photo (PNG, JPEG, GIF or WEBP)' },
  editExec: { th: 'แก้ไขข้อมูล', en: 'Edit' },
  removeExec: { th: 'ลบ', en: 'Remove' },
  textLayerMissing: { th: 'ไฟล์นี้เป็นภาพสแกน ไม่มีชั้นข้อความ', en: 'This file is a scan without a text layer' },
});

export interface ItemPageProps {
  ctx: PageContext;
  view: YearView;
  state: ItemState;
  versions: Map<string, EvidenceVersion[]>;
  canEdit: boolean;
  canManage: boolean;
  publicUrl: string;
  errors?: FieldError[];
  /** Entered values of the form that failed, by prefixed field name. */
  values?: Record<string, string | string[]>;
  /** Links to the other pages of a long evidence list. */
  pager?: ComponentChildren;
}

function CheckboxGroup({ name, legend, options, checked, error, hint }: { name: string; legend: string; options: { value: string; label: string }[]; checked: string[]; error?: string; hint?: string }) {
  const id = fieldId(name);
  return (
    <fieldset id={id} class={`field${error ? ' field-error' : ''}`} aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{legend}</legend>
      {hint && <div class="hint">{hint}</div>}
      {error && (
        <p id={`${id}-error`} class="error-message">
          {error}
        </p>
      )}
      {options.map((o, i) => (
        <div class="checkbox">
          <input type="checkbox" id={`${id}-${i}`} name={name} value={o.value} checked={checked.includes(o.value)} />
          <label for={`${id}-${i}`}>{o.label}</label>
        </div>
      ))}
    </fieldset>
  );
}

function FileInput({ name, label, hint, error, accept }: { name: string; label: string; hint?: string; error?: string; accept: string }) {
  return <Field name={name} label={label} hint={hint} error={error}>{(a) => <input {...a} type="file" class="input" accept={accept} />}</Field>;
}

const DOC_ACCEPT = '.pdf,.docx,.xlsx,.png,.jpg,.jpeg,.gif,.webp,application/pdf,image/*';
const IMAGE_ACCEPT = 'image/png,image/jpeg,image/gif,image/webp';

export function ItemPage(props: ItemPageProps) {
  const { ctx, view, state, versions, canEdit, canManage, publicUrl, errors, values = {}, pager } = props;
  const L = ctx.locale;
  const item = state.item;
  const base = `/admin/oit/${view.year}/${state.code}`;
  const v = (name: string, fallback = ''): string => {
    const x = values[name];
    return x === undefined ? fallback : Array.isArray(x) ? (x[0] ?? '') : x;
  };
  const vs = (name: string, fallback: string[]): string[] => {
    const x = values[name];
    return x === undefined ? fallback : [x].flat();
  };
  const e = (name: string) => errorFor(errors, name);
  const elementOptions = item.elements.map((el) => ({ value: el.key, label: el.textTh }));
  const defaults = itemPeriodRange(item.period, view.year);
  const title = `${state.code} ${item.titleTh}`;
  const staffFile = (fileId: string, name: string) => `/admin/oit/files/${fileId}/${nameSegment(name)}`;

  const periodFields = (prefix: string, from: string | null, to: string | null) => (
    <>
      <DateInput name={`${prefix}.periodFrom`} digits={ctx.agency?.digits ?? 'thai'} label={tr(L, M.periodFrom)} hint={tr(L, M.periodHint)} value={v(`${prefix}.periodFrom`, from ?? '')} error={e(`${prefix}.periodFrom`)} />
      <DateInput name={`${prefix}.periodTo`} digits={ctx.agency?.digits ?? 'thai'} label={tr(L, M.periodTo)} value={v(`${prefix}.periodTo`, to ?? '')} error={e(`${prefix}.periodTo`)} />
    </>
  );

  return (
    <Layout ctx={ctx} title={title} errors={errors}>
      <p>
        <a href={`/admin/oit/${view.year}#item-${state.code}`}>{tr(L, M.back)}</a>
      </p>
      <h1>{title}</h1>
      <p class="lead">
        {tr(L, M.fy)} {view.year} · {item.subIndicator} {item.groupTh}
      </p>
      <CatalogueCaveatNotice ctx={ctx} catalogue={view.catalogue} focus="oit" />
      <dl class="cards">
        <div class="card">
          <dt class="card-label">{tr(L, M.status)}</dt>
          <dd>
            <StatusTag status={state.status} locale={L} />
          </dd>
        </div>
        <div class="card">
          <dt class="card-label">{tr(L, M.who)}</dt>
          <dd>{state.unit || state.assignees.length ? [state.unit?.nameTh, ...state.assignees.map((a) => a.displayName)].filter(Boolean).join(', ') : tr(L, M.unassigned)}</dd>
        </div>
        <div class="card">
          <dt class="card-label">{tr(L, M.due)}</dt>
          <dd>{dateTh(state.dueDate, L)}</dd>
        </div>
        <div class="card">
          <dt class="card-label">{tr(L, M.publicUrl)}</dt>
          <dd>
            <a href={publicUrl}>{publicUrl}</a>
          </dd>
        </div>
      </dl>
      {!canEdit && <div class="notice notice-info">{tr(L, M.readOnly)}</div>}

      <h2>
        {tr(L, M.elements)} ({state.result.satisfied}/{state.result.total})
      </h2>
      <ul class="list-plain" id="elements">
        {state.result.elements.map((r) => (
          <li class="card" id={`element-${r.key}`}>
            <p>
              <Tag2 ok={r.satisfied} locale={L} /> {r.textTh} <span class="hint">({tr(L, r.mode === 'machine' ? M.machine : M.declared)})</span>
            </p>
            {r.satisfied && r.satisfiedBy && (
              <p class="hint">
                {tr(L, M.by)}: {r.satisfiedBy}
              </p>
            )}
            {!r.satisfied && (
              <ul>
                {r.problems.map((p) => (
                  <li>{p}</li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>

      {state.structured.includes('structured-executives') && (
        <section>
          <h2>{tr(L, M.executives)}</h2>
          <ExecutiveList
            executives={view.executives}
            locale={L}
            photoUrl={(x) => (x.photoFileId ? staffFile(x.photoFileId, 'photo') : null)}
            actions={(x) =>
              canEdit ? (
                <details>
                  <summary>{tr(L, M.editExec)}</summary>
                  <form method="post" action={`${base}/executives/${x.id}`} enctype="multipart/form-data" novalidate>
                    <CsrfField token={ctx.csrfToken} />
                    <ExecutiveFields L={L} prefix={`exec.${x.id}`} v={v} e={e} current={x} />
                    <Button>{tr(L, M.save)}</Button>
                  </form>
                  <form method="post" action={`${base}/executives/${x.id}/delete`}>
                    <CsrfField token={ctx.csrfToken} />
                    <Button variant="warning">{tr(L, M.removeExec)}</Button>
                  </form>
                </details>
              ) : null
            }
          />
          {canEdit && (
            <details open={Object.keys(values).some((k) => k.startsWith('exec.new.'))}>
              <summary>{tr(L, M.addExec)}</summary>
              <form method="post" action={`${base}/executives`} enctype="multipart/form-data" novalidate>
                <CsrfField token={ctx.csrfToken} />
                <ExecutiveFields L={L} prefix="exec.new" v={v} e={e} />
                <Button>{tr(L, M.addExec)}</Button>
              </form>
            </details>
          )}
        </section>
      )}

      {state.structured.includes('structured-structure') && (
        <section>
          <h2>{tr(L, M.structure)}</h2>
          {view.structure?.chartFileId && (
            <p>
              <a href={staffFile(view.structure.chartFileId, 'chart')}>{tr(L, M.currentChart)}</a>
            </p>
          )}
          {canEdit ? (
            <form method="post" action={`${base}/structure`} enctype="multipart/form-data" novalidate>
              <CsrfField token={ctx.csrfToken} />
              <TextArea name="structure.political" label={tr(L, M.politicalLines)} value={v('structure.political', view.structure?.political.join('\n') ?? '')} error={e('structure.political')} rows={5} />
              <TextArea name="structure.permanent" label={tr(L, M.permanentLines)} value={v('structure.permanent', view.structure?.permanent.join('\n') ?? '')} error={e('structure.permanent')} rows={8} />
              <FileInput name="structure.chart" label={tr(L, M.chartFile)} accept={`${IMAGE_ACCEPT},application/pdf`} error={e('structure.chart')} />
              {view.structure?.chartFileId && (
                <div class="checkbox">
                  <input type="checkbox" id="f-structure-removeChart" name="structure.removeChart" value="1" />
                  <label for="f-structure-removeChart">{tr(L, M.removeChart)}</label>
                </div>
              )}
              <Button>{tr(L, M.save)}</Button>
            </form>
          ) : (
            view.structure && (
              <>
                <h3>{tr(L, PM.political)}</h3>
                <ul>{view.structure.political.map((l) => <li>{l}</li>)}</ul>
                <h3>{tr(L, PM.permanent)}</h3>
                <ul>{view.structure.permanent.map((l) => <li>{l}</li>)}</ul>
              </>
            )
          )}
        </section>
      )}

      {state.structured.includes('structured-contact') && canEdit && (
        <section>
          <h2>{tr(L, M.contact)}</h2>
          <form method="post" action={`${base}/contact`} novalidate>
            <CsrfField token={ctx.csrfToken} />
            {(['address', 'phone', 'fax', 'email', 'hours'] as const).map((k) => (
              <TextField name={`contact.${k}`} label={tr(L, PM[k])} value={v(`contact.${k}`, (view.contact ?? EMPTY_CONTACT)[k])} error={e(`contact.${k}`)} type={k === 'email' ? 'email' : k === 'phone' || k === 'fax' ? 'tel' : 'text'} />
            ))}
            <TextField name="contact.mapUrl" type="url" label={tr(L, M.mapUrl)} value={v('contact.mapUrl', view.contact?.mapUrl ?? '')} error={e('contact.mapUrl')} />
            <Button>{tr(L, M.save)}</Button>
          </form>
        </section>
      )}

      <h2 id="evidence">{tr(L, M.evidence)}</h2>
      {state.evidence.length === 0 && <p>{tr(L, M.noEvidence)}</p>}
      {pager}
      <ul class="list-plain">
        {state.evidence.map((ev) => {
          const prefix = `ev.${ev.id}`;
          const older = (versions.get(ev.id) ?? []).filter((x) => x.versionNo !== ev.file?.versionNo);
          return (
            <li class="card" id={`evidence-${ev.id}`}>
              <h3>
                {ev.file ? <a href={staffFile(ev.file.id, ev.file.name)}>{ev.title}</a> : ev.url ? <a href={ev.url}>{ev.title}</a> : ev.title}{' '}
                <span class="hint">({tr(L, ev.kind === 'link' ? M.link : ev.kind === 'generated' ? M.generated : M.file)})</span>
              </h3>
              {ev.outdated && <p class="tag tag-warn">{tr(L, M.outdated)}</p>}
              {ev.file && (
                <p class="hint">
                  {ev.file.name} · {fileLabel(ev.file, L)} · {tr(L, PM.version)} {ev.file.versionNo} · {tr(L, M.uploaded)} {dateTh(ev.file.uploadedAt, L)}
                </p>
              )}
              {ev.file?.textLayer === false && <p class="tag tag-bad">{tr(L, M.textLayerMissing)}</p>}
              {ev.url && ev.kind === 'link' && <p class="hint">{ev.url}</p>}
              {ev.periodFrom && (
                <p>
                  {tr(L, PM.period)}: {periodTh(ev.periodFrom, ev.periodTo, L)}
                </p>
              )}
              {ev.elements.length > 0 && (
                <p>
                  {tr(L, M.claims)}: {ev.elements.map((k) => item.elements.find((x) => x.key === k)?.textTh ?? k).join('; ')}
                </p>
              )}
              {older.length > 0 && (
                <details>
                  <summary>
                    {tr(L, M.versions)} ({older.length})
                  </summary>
                  <ul>
                    {older.map((o) => (
                      <li>
                        {tr(L, PM.version)} {o.versionNo}: <a href={staffFile(o.fileId, o.name)}>{o.name}</a> ({sizeText(o.sizeBytes, L)}, {dateTh(o.createdAt, L)})
                      </li>
                    ))}
                  </ul>
                </details>
              )}
              {canEdit && (
                <details open={Object.keys(values).some((k) => k.startsWith(`${prefix}.`))}>
                  <summary>{tr(L, ev.kind === 'file' ? M.edit : M.editLink)}</summary>
                  <form method="post" action={`${base}/evidence/${ev.id}`} enctype="multipart/form-data" novalidate>
                    <CsrfField token={ctx.csrfToken} />
                    <TextField name={`${prefix}.title`} label={tr(L, M.title)} value={v(`${prefix}.title`, ev.title)} error={e(`${prefix}.title`)} />
                    {ev.kind === 'link' && <TextField name={`${prefix}.url`} type="url" label={tr(L, M.url)} value={v(`${prefix}.url`, ev.url ?? '')} error={e(`${prefix}.url`)} />}
                    {periodFields(prefix, ev.periodFrom, ev.periodTo)}
                    {elementOptions.length > 0 && <CheckboxGroup name={`${prefix}.elements`} legend={tr(L, M.claimLegend)} options={elementOptions} checked={vs(`${prefix}.elements`, ev.elements)} error={e(`${prefix}.elements`)} />}
                    {ev.kind === 'file' && <FileInput name={`${prefix}.upload`} label={tr(L, M.replaceFile)} hint={tr(L, M.uploadHint)} accept={DOC_ACCEPT} error={e(`${prefix}.upload`)} />}
                    <Button>{tr(L, M.save)}</Button>
                  </form>
                  <form method="post" action={`${base}/evidence/${ev.id}/delete`}>
                    <CsrfField token={ctx.csrfToken} />
                    <Button variant="warning">{tr(L, M.remove)}</Button>
                  </form>
                </details>
              )}
            </li>
          );
        })}
      </ul>

      {canEdit && (
        <>
          <section>
            <h2>{tr(L, M.addFile)}</h2>
            <form method="post" action={`${base}/evidence/file`} enctype="multipart/form-data" novalidate>
              <CsrfField token={ctx.csrfToken} />
              <FileInput name="file.upload" label={tr(L, M.upload)} hint={tr(L, M.uploadHint)} accept={DOC_ACCEPT} error={e('file.upload')} />
              <TextField name="file.title" label={tr(L, M.title)} hint={tr(L, M.titleHint)} value={v('file.title')} error={e('file.title')} />
              {periodFields('file', defaults?.from ?? null, defaults?.to ?? null)}
              {elementOptions.length > 0 && <CheckboxGroup name="file.elements" legend={tr(L, M.claimLegend)} options={elementOptions} checked={vs('file.elements', elementOptions.map((o) => o.value))} error={e('file.elements')} />}
              <Button>{tr(L, M.addFile)}</Button>
            </form>
          </section>
          <section>
            <h2>{tr(L, M.addLink)}</h2>
            <form method="post" action={`${base}/evidence/link`} novalidate>
              <CsrfField token={ctx.csrfToken} />
              <TextField name="link.title" label={tr(L, M.title)} value={v('link.title')} error={e('link.title')} />
              <TextField name="link.url" type="url" label={tr(L, M.url)} value={v('link.url')} error={e('link.url')} />
              {periodFields('link', defaults?.from ?? null, defaults?.to ?? null)}
              {elementOptions.length > 0 && <CheckboxGroup name="link.elements" legend={tr(L, M.claimLegend)} options={elementOptions} checked={vs('link.elements', elementOptions.map((o) => o.value))} error={e('link.elements')} />}
              <Button>{tr(L, M.addLink)}</Button>
            </form>
          </section>
          {declarable(item).length > 0 && (
          <section>
            <h2>{tr(L, M.declare)}</h2>
            <p>{tr(L, M.declareLead)}</p>
            <form method="post" action={`${base}/declarations`} novalidate>
              <CsrfField token={ctx.csrfToken} />
              {declarable(item).map((el) => (
                <TextField name={`pointer.${el.key}`} label={`${el.textTh}: ${tr(L, M.pointer)}`} value={v(`pointer.${el.key}`, state.declarations[el.key] ?? '')} error={e(`pointer.${el.key}`)} />
              ))}
              <Button>{tr(L, M.save)}</Button>
            </form>
          </section>
          )}
        </>
      )}

      {canManage && (
        <section>
          <h2>{tr(L, M.assign)}</h2>
          <form method="post" action={`${base}/assign`} novalidate>
            <CsrfField token={ctx.csrfToken} />
            <Select name="assign.unitId" label={tr(L, M.unit)} includeEmpty={tr(L, M.noUnit)} value={v('assign.unitId', state.unit?.id ?? '')} error={e('assign.unitId')} options={view.units.map((u) => ({ value: u.id, label: u.nameTh }))} />
            <CheckboxGroup
              name="assign.userIds"
              legend={tr(L, M.staff)}
              options={view.users.filter((u) => !u.disabled).map((u) => ({ value: u.id, label: `${u.displayName}${u.unitId ? ` (${view.units.find((x) => x.id === u.unitId)?.nameTh ?? ''})` : ''}` }))}
              checked={vs('assign.userIds', state.assignees.map((a) => a.id))}
              error={e('assign.userIds')}
            />
            <DateInput name="assign.dueDate" digits={ctx.agency?.digits ?? 'thai'} label={tr(L, M.dueDate)} hint={tr(L, M.dueHint)} value={v('assign.dueDate', state.dueDateIsDefault ? '' : state.dueDate)} error={e('assign.dueDate')} />
            <Button>{tr(L, M.save)}</Button>
          </form>
        </section>
      )}
      {canEdit && (
        <section>
          <h2>{tr(L, M.setStatus)}</h2>
          <form method="post" action={`${base}/status`} novalidate>
            <CsrfField token={ctx.csrfToken} />
            <Select
              name="status.status"
              label={tr(L, M.status)}
              hint={tr(L, M.statusHint)}
              value={v('status.status', state.status)}
              error={e('status.status')}
              options={OIT_STATUSES.filter((s) => canManage || (s !== 'published' && state.status !== 'published')).map((s) => ({ value: s, label: tr(L, STATUS_LABELS[s]) }))}
            />
            <Button>{tr(L, M.setStatus)}</Button>
          </form>
        </section>
      )}
    </Layout>
  );
}

/**
 * Elements an officer can vouch for: those without a machine check, and report parts (which a
 * link or a photo cannot show to the machine). Periods, HTTPS and structured data are checked.
 */
function declarable(item: ItemState['item']): { key: string; textTh: string }[] {
  if (item.elements.length === 0) return [{ key: 'evidence', textTh: 'มีหลักฐานเผยแพร่' }];
  return item.elements.filter((el) => el.checks.length === 0 || el.checks.every((c) => c === 'has-problems-section' || c === 'has-suggestions-section'));
}

function Tag2({ ok, locale }: { ok: boolean; locale: Locale }): ComponentChildren {
  return <strong class={`tag ${ok ? 'tag-good' : 'tag-bad'}`}>{tr(locale, ok ? M.ok : M.notOk)}</strong>;
}

function ExecutiveFields({ L, prefix, v, e, current }: { L: Locale; prefix: string; v: (n: string, f?: string) => string; e: (n: string) => string | undefined; current?: { kind: string; nameTh: string; positionTh: string; phone: string | null; email: string | null; sortOrder: number } }) {
  return (
    <>
      <Select name={`${prefix}.kind`} label={tr(L, M.kind)} value={v(`${prefix}.kind`, current?.kind ?? 'political')} error={e(`${prefix}.kind`)} options={[{ value: 'political', label: tr(L, PM.political) }, { value: 'permanent', label: tr(L, PM.permanent) }]} />
      <TextField name={`${prefix}.nameTh`} label={tr(L, M.nameTh)} value={v(`${prefix}.nameTh`, current?.nameTh ?? '')} error={e(`${prefix}.nameTh`)} />
      <TextField name={`${prefix}.positionTh`} label={tr(L, M.positionTh)} value={v(`${prefix}.positionTh`, current?.positionTh ?? '')} error={e(`${prefix}.positionTh`)} />
      <TextField name={`${prefix}.phone`} type="tel" label={tr(L, PM.phone)} value={v(`${prefix}.phone`, current?.phone ?? '')} error={e(`${prefix}.phone`)} />
      <TextField name={`${prefix}.email`} type="email" label={tr(L, PM.email)} value={v(`${prefix}.email`, current?.email ?? '')} error={e(`${prefix}.email`)} />
      <TextField name={`${prefix}.sortOrder`} type="number" width="short" label={tr(L, M.sortOrder)} value={v(`${prefix}.sortOrder`, String(current?.sortOrder ?? 0))} error={e(`${prefix}.sortOrder`)} />
      <FileInput name={`${prefix}.photo`} label={tr(L, M.photo)} accept={IMAGE_ACCEPT} error={e(`${prefix}.photo`)} />
    </>
  );
}
