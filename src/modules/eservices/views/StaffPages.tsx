/** Staff pages of the request queue: the queue, one request, the printed survey slip, reply templates. */
import type { PageContext } from '../../../ui/context.js';
import { Layout } from '../../../ui/Layout.js';
import { Button, CsrfField, DataTable, RadioGroup, Select, Tag, TextArea, TextField, errorFor } from '../../../ui/components.js';
import { FormFieldControl, type FormValues } from './RequestFormFields.js';
import type { FieldError } from '../../../shared/errors.js';
import { formatThaiDate, formatThaiDateTime } from '../../../shared/thai.js';
import { CHANNEL_LABELS, NEXT_STATES, REQUEST_STATES, STATE_LABELS, isRequestState, type RequestState } from '../domain/states.js';
import { displayValue, maskPhone, type FieldValues, type FormField } from '../domain/fields.js';
import { formatCoordinates, osmLink } from '../domain/location.js';
import type { RequestSummary, Service } from '../service.js';

const COPIED_AS_TYPED = new Set<string>(['phone', 'national-id']);

type Named = { id: string; name: string };
const digitsOf = (ctx: PageContext) => ctx.agency?.digits ?? 'arabic';
const stateTone = (s: RequestState) => (s === 'done' ? 'good' : s === 'rejected' ? 'bad' : s === 'waiting_citizen' ? 'warn' : 'neutral');

export function EserviceTabs() {
  return (
    <p class="actions">
      <a href="/admin/eservices">คิวคำขอ</a>
      <a href="/admin/eservices/walk-in">บันทึกคำขอที่สำนักงาน</a>
      <a href="/admin/eservices/services">งานบริการและแบบฟอร์ม</a>
      <a href="/admin/eservices/templates">แม่แบบข้อความตอบกลับ</a>
      <a href="/admin/eservices/stats">สถิติและรายงาน</a>
    </p>
  );
}

export function QueuePage(props: { ctx: PageContext; requests: RequestSummary[]; units: Named[]; users: Named[]; filter: { state?: string; unit?: string } }) {
  const { ctx } = props;
  const d = digitsOf(ctx);
  const userName = new Map(props.users.map((u) => [u.id, u.name]));
  return (
    <Layout ctx={ctx} title="คิวคำขอบริการ">
      <h1>คิวคำขอบริการ (E-Service)</h1>
      <EserviceTabs />
      <form method="get" action="/admin/eservices" class="filters">
        <Select name="state" label="สถานะ" value={props.filter.state ?? ''} includeEmpty="ยังไม่ปิด (ทั้งหมด)" options={[...REQUEST_STATES.map((s) => ({ value: s, label: STATE_LABELS[s] })), { value: 'all', label: 'ทุกสถานะ' }]} />
        <Select name="unit" label="หน่วยงานย่อย" value={props.filter.unit ?? ''} includeEmpty="ทุกหน่วยงานย่อย" options={props.units.map((u) => ({ value: u.id, label: u.name }))} />
        <Button variant="secondary">กรอง</Button>
      </form>
      {props.requests.length === 0 ? (
        <p>ไม่มีคำขอในคิว</p>
      ) : (
        <DataTable caption="คำขอในคิว เรียงตามวันครบกำหนด" head={['รหัสติดตาม', 'งานบริการ', 'ช่องทาง', 'ยื่นเมื่อ', 'ครบกำหนด', 'สถานะ', 'ผู้รับผิดชอบ']}>
          {props.requests.map((r) => (
            <tr>
              <td>
                <a href={`/admin/eservices/requests/${r.id}`}>{r.trackingCode}</a>
              </td>
              <td>{r.serviceName}</td>
              <td>{CHANNEL_LABELS[r.channel]}</td>
              <td>{formatThaiDate(r.submittedOn, { style: 'short', digits: d })}</td>
              <td>
                {formatThaiDate(r.dueDate, { style: 'short', digits: d })} {r.overdue && <Tag tone="bad">เกินกำหนด</Tag>}
              </td>
              <td>
                <Tag tone={stateTone(r.state)}>{STATE_LABELS[r.state]}</Tag>
              </td>
              <td>{r.assignedTo ? userName.get(r.assignedTo) ?? '–' : 'ยังไม่มอบหมาย'}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </Layout>
  );
}

export interface RequestDetailView {
  request: RequestSummary;
  service: Service;
  unmasked: boolean;
  values: FieldValues;
  contactPhone: string | null;
  contactEmail: string | null;
  rejectReason: string | null;
  anonymised: boolean;
  files: { field_key: string; file_id: string; original_name: string }[];
  messages: { author: string; internal: boolean; body: string; at: string; userId: string | null }[];
  events: { from: string | null; to: RequestState; note: string | null; at: string; userId: string | null }[];
  survey: { token: string; spent: boolean } | undefined;
}

/**
 * A location for the staff who handle the request: the address, the coordinates and a plain
 * link to openstreetmap.org — no map drawn in the page (domain/location.ts says why). The
 * coordinates keep Arabic digits whatever the agency's style: they are copied into GPS apps.
 */
function LocationValue({ value }: { value: { address: string; lat?: number; lng?: number } }) {
  const link = value.lat !== undefined && value.lng !== undefined ? osmLink(value.lat, value.lng) : undefined;
  return (
    <>
      {value.address || '–'}
      {link && (
        <div class="location">
          พิกัด <span class="coordinates">{formatCoordinates(value.lat!, value.lng!)}</span> ·{' '}
          <a href={link} rel="noreferrer">
            เปิดในแผนที่ OpenStreetMap
          </a>{' '}
          <span class="hint">(เว็บไซต์ภายนอก: เมื่อเปิดลิงก์ พิกัดนี้จะถูกส่งไปยัง openstreetmap.org)</span>
        </div>
      )}
    </>
  );
}

/** What the citizen was told, and how far it went (never the address). */
export interface NoticeView {
  kind: 'state' | 'reply';
  toState: string | null;
  state: string;
  channels: string[];
  at: string;
}

const NOTICE_STATE: Record<string, string> = { pending: 'รอส่ง', sending: 'กำลังส่ง', sent: 'ส่งแล้ว', failed: 'ส่งไม่สำเร็จ ระบบจะลองส่งใหม่', skipped: 'ไม่ได้ส่ง (ไม่มีช่องทางติดต่อแล้ว)' };
const CHANNEL_NAME: Record<string, string> = { email: 'อีเมล', line: 'LINE' };

export function RequestPage(props: { ctx: PageContext; view: RequestDetailView; notices?: NoticeView[]; users: Named[]; templates: { id: string; title: string }[]; values?: Record<string, string>; errors?: FieldError[] }) {
  const { ctx, view: v } = props;
  const d = digitsOf(ctx);
  const r = v.request;
  const userName = new Map(props.users.map((u) => [u.id, u.name]));
  const base = `/admin/eservices/requests/${r.id}`;
  const next = NEXT_STATES[r.state];
  const fieldOf = (key: string): FormField | undefined => v.service.fields.find((f) => f.key === key);
  return (
    <Layout ctx={ctx} title={`คำขอ ${r.trackingCode}`} errors={props.errors}>
      <p>
        <a href="/admin/eservices">← คิวคำขอ</a>
      </p>
      <h1>
        คำขอ <span class="tracking-code" data-verbatim>{r.trackingCode}</span>
      </h1>
      <dl class="summary-list">
        <dt>งานบริการ</dt>
        <dd>{v.service.nameTh}</dd>
        <dt>สถานะ</dt>
        <dd>
          <Tag tone={stateTone(r.state)}>{STATE_LABELS[r.state]}</Tag> {r.overdue && <Tag tone="bad">เกินกำหนด</Tag>}
        </dd>
        <dt>ช่องทาง</dt>
        <dd>{CHANNEL_LABELS[r.channel]}</dd>
        <dt>ยื่นเมื่อ</dt>
        <dd>{formatThaiDate(r.submittedOn, { digits: d })}</dd>
        <dt>ครบกำหนดตามกฎหมาย</dt>
        <dd>{formatThaiDate(r.dueDate, { digits: d })}</dd>
        <dt>ผู้รับผิดชอบ</dt>
        <dd>{r.assignedTo ? userName.get(r.assignedTo) ?? '–' : 'ยังไม่มอบหมาย'}</dd>
      </dl>
      <h2>ข้อมูลในคำขอ</h2>
      {v.anonymised ? (
        <p>ข้อมูลส่วนบุคคลของคำขอนี้ถูกลบแล้วเมื่อพ้นระยะเวลาเก็บรักษา</p>
      ) : (
        <>
          {!v.unmasked && <p class="hint">ข้อมูลส่วนบุคคลถูกปิดบังบางส่วน เฉพาะผู้รับผิดชอบคำขอหรือเจ้าหน้าที่ของหน่วยงานย่อยที่รับผิดชอบเท่านั้นที่เห็นข้อมูลเต็ม</p>}
          <dl class="summary-list">
            {Object.entries(v.values).map(([k, val]) => (
              <>
                <dt>{fieldOf(k)?.label ?? k}</dt>
                {/* A national ID or phone number is copied into other systems and a dialer: kept in Arabic digits. */}
                <dd data-verbatim={COPIED_AS_TYPED.has(fieldOf(k)?.type ?? 'text') ? '' : undefined}>
                  {typeof val === 'object' && v.unmasked ? <LocationValue value={val} /> : displayValue(fieldOf(k) ?? { type: 'text' }, val, v.unmasked)}
                </dd>
              </>
            ))}
            {v.contactPhone && (
              <>
                <dt>โทรศัพท์ติดต่อกลับ</dt>
                <dd data-verbatim>{v.unmasked ? v.contactPhone : maskPhone(v.contactPhone)}</dd>
              </>
            )}
            {v.contactEmail && (
              <>
                <dt>อีเมล</dt>
                <dd>{v.unmasked ? v.contactEmail : '(ปิดบัง)'}</dd>
              </>
            )}
          </dl>
          {v.files.length > 0 && (
            <ul>
              {v.files.map((f) => (
                <li>
                  {fieldOf(f.field_key)?.label ?? f.field_key}: <a href={`${base}/files/${f.file_id}`}>{f.original_name}</a>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      {next.length > 0 && (
        <form method="post" action={`${base}/state`} novalidate>
          <CsrfField token={ctx.csrfToken} />
          <h2>เปลี่ยนสถานะ</h2>
          <Select name="state" label="สถานะใหม่" value={props.values?.state ?? next[0]} error={errorFor(props.errors, 'state')} options={next.map((s) => ({ value: s, label: STATE_LABELS[s] }))} />
          <TextArea name="note" label="ข้อความถึงผู้ยื่นคำขอ (จำเป็นเมื่อไม่อนุมัติหรือขอข้อมูลเพิ่ม)" value={props.values?.note} error={errorFor(props.errors, 'note')} rows={3} />
          <Button>บันทึกสถานะ</Button>
        </form>
      )}
      <form method="post" action={`${base}/assign`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <h2>มอบหมายผู้รับผิดชอบ</h2>
        <Select name="assignee" label="ผู้รับผิดชอบ" value={r.assignedTo ?? ''} includeEmpty="ยังไม่มอบหมาย" error={errorFor(props.errors, 'assignee')} options={props.users.map((u) => ({ value: u.id, label: u.name }))} />
        <Button variant="secondary">มอบหมาย</Button>
      </form>
      <form method="post" action={`${base}/messages`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <h2>ตอบกลับหรือบันทึกภายใน</h2>
        {props.templates.length > 0 && <Select name="template" label="ใช้แม่แบบข้อความ (เมื่อไม่ได้พิมพ์ข้อความเอง)" value={props.values?.template ?? ''} includeEmpty="— ไม่ใช้แม่แบบ —" options={props.templates.map((t) => ({ value: t.id, label: t.title }))} />}
        <TextArea name="body" label="ข้อความ" value={props.values?.body} error={errorFor(props.errors, 'body')} rows={3} />
        <Select name="visibility" label="ผู้เห็นข้อความ" value={props.values?.visibility ?? 'citizen'} options={[{ value: 'citizen', label: 'ผู้ยื่นคำขอเห็น (ตอบกลับ)' }, { value: 'internal', label: 'เฉพาะเจ้าหน้าที่ (บันทึกภายใน)' }]} />
        <Button variant="secondary">บันทึกข้อความ</Button>
      </form>
      {v.survey && (
        <p>
          แบบสำรวจความพึงพอใจ: {v.survey.spent ? 'ผู้ยื่นคำขอตอบแล้ว' : 'ยังไม่ได้ตอบ'} · <a href={`${base}/slip`}>พิมพ์ใบแบบสำรวจพร้อมคิวอาร์โค้ด</a>
        </p>
      )}
      {props.notices && props.notices.length > 0 && (
        <>
          <h2>การแจ้งผู้ยื่นคำขอ</h2>
          <p class="hint">แจ้งเฉพาะรหัสติดตาม สถานะ และลิงก์หน้าติดตาม ไม่ส่งเนื้อหาคำขอหรือข้อความตอบกลับ</p>
          <ul>
            {props.notices.map((n) => (
              <li>
                {n.kind === 'reply' ? 'มีข้อความใหม่จากเจ้าหน้าที่' : `สถานะใหม่: ${isRequestState(n.toState ?? '') ? STATE_LABELS[n.toState as RequestState] : n.toState}`} — {formatThaiDateTime(n.at, d)} — {NOTICE_STATE[n.state] ?? n.state}
                {n.channels.length > 0 && ` (${n.channels.map((c) => CHANNEL_NAME[c] ?? c).join(', ')})`}
              </li>
            ))}
          </ul>
        </>
      )}
      <h2>ประวัติ</h2>
      <ol class="timeline">
        {v.events.map((e) => (
          <li>
            <strong>{STATE_LABELS[e.to]}</strong> — {formatThaiDateTime(e.at, d)} {e.userId ? `โดย ${userName.get(e.userId) ?? 'เจ้าหน้าที่'}` : ''}
            {e.note && <div>{e.note}</div>}
          </li>
        ))}
        {v.messages.map((m) => (
          <li>
            <strong>{m.author === 'citizen' ? 'ข้อความจากผู้ยื่นคำขอ' : m.internal ? 'บันทึกภายใน' : 'ตอบกลับผู้ยื่นคำขอ'}</strong> — {formatThaiDateTime(m.at, d)}
            <div>{m.body}</div>
          </li>
        ))}
      </ol>
    </Layout>
  );
}

/** A printable slip for walk-in service: the survey's one-time link as a QR code drawn on the server. */
export function SlipPage({ ctx, trackingCode, service, url, qrSvg }: { ctx: PageContext; trackingCode: string; service: string; url: string; qrSvg: string }) {
  return (
    <Layout ctx={ctx} title={`ใบแบบสำรวจ ${trackingCode}`}>
      <div class="slip">
        <h1>ขอบคุณที่ใช้บริการ</h1>
        <p>
          {service} · รหัส {trackingCode}
        </p>
        <p>สแกนคิวอาร์โค้ดเพื่อตอบแบบสำรวจความพึงพอใจ (ตอบได้ครั้งเดียว ไม่ระบุตัวตน)</p>
        <div class="qr" role="img" aria-label="คิวอาร์โค้ดลิงก์แบบสำรวจความพึงพอใจ" dangerouslySetInnerHTML={{ __html: qrSvg }} />
        <p class="hint">{url}</p>
      </div>
    </Layout>
  );
}

export function ReplyTemplatesPage(props: { ctx: PageContext; templates: { id: string; title: string; body: string }[]; values?: Record<string, string>; errors?: FieldError[] }) {
  const { ctx } = props;
  return (
    <Layout ctx={ctx} title="แม่แบบข้อความตอบกลับ" errors={props.errors}>
      <h1>แม่แบบข้อความตอบกลับ</h1>
      <EserviceTabs />
      {props.templates.map((t) => (
        <form method="post" action={`/admin/eservices/templates/${t.id}/delete`} data-confirm="ลบแม่แบบนี้?">
          <CsrfField token={ctx.csrfToken} />
          <h2>{t.title}</h2>
          <p>{t.body}</p>
          <Button variant="warning">ลบ</Button>
        </form>
      ))}
      <form method="post" action="/admin/eservices/templates" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <h2>เพิ่มแม่แบบ</h2>
        <TextField name="title" label="ชื่อแม่แบบ" value={props.values?.title} error={errorFor(props.errors, 'title')} />
        <TextArea name="body" label="ข้อความ" value={props.values?.body} error={errorFor(props.errors, 'body')} />
        <Button>เพิ่มแม่แบบ</Button>
      </form>
    </Layout>
  );
}

/**
 * Walk-in service (ยื่นที่สำนักงาน): staff record the request at the counter on the service's own
 * form, so it is counted in the statistics under the walk-in channel. Served on the spot, it is
 * closed at once and the printed slip carries the satisfaction survey's QR code.
 */
export function WalkInPage(props: { ctx: PageContext; services: Service[]; service?: Service; values?: FormValues; errors?: FieldError[] }) {
  const { ctx, service: s } = props;
  const values = props.values ?? {};
  return (
    <Layout ctx={ctx} title={s ? `บันทึกคำขอที่สำนักงาน: ${s.nameTh}` : 'บันทึกคำขอที่สำนักงาน'} errors={props.errors}>
      <h1>บันทึกคำขอที่ยื่นที่สำนักงาน</h1>
      <EserviceTabs />
      {!s ? (
        props.services.length ? (
          <ul class="link-list">
            {props.services.map((x) => (
              <li>
                <a href={`/admin/eservices/walk-in/${x.id}`}>{x.nameTh}</a>
              </li>
            ))}
          </ul>
        ) : (
          <p>ยังไม่มีงานบริการที่เปิดใช้งาน</p>
        )
      ) : (
        <>
          <h2>{s.nameTh}</h2>
          <p class="hint">แจ้งผู้รับบริการถึงการใช้ข้อมูลส่วนบุคคล: {s.purposeTh}</p>
          <form method="post" action={`/admin/eservices/walk-in/${s.id}`} enctype="multipart/form-data" novalidate>
            <CsrfField token={ctx.csrfToken} />
            {s.fields.map((f) => (
              <FormFieldControl f={f} values={values} errors={props.errors} />
            ))}
            <TextField name="contact.phone" label="หมายเลขโทรศัพท์สำหรับติดต่อกลับ (ไม่บังคับ)" type="tel" width="short" value={values['contact.phone']} error={errorFor(props.errors, 'contact.phone')} />
            <RadioGroup
              name="served"
              legend="ผลการให้บริการ"
              value={values.served ?? 'done'}
              options={[
                { value: 'done', label: 'ให้บริการเสร็จที่สำนักงานแล้ว (พิมพ์ใบแบบสำรวจความพึงพอใจ)' },
                { value: 'queue', label: 'รับเรื่องไว้ดำเนินการต่อ (เข้าคิวคำขอ)' },
              ]}
            />
            <Button>บันทึกคำขอ</Button>
          </form>
        </>
      )}
    </Layout>
  );
}
