/** Citizens' pages: the E-Service page, a service's request form, the feedback channel, tracking. */
import type { PageContext } from '../../../ui/context.js';
import { Layout } from '../../../ui/Layout.js';
import { Button, CsrfField, TextArea, TextField, errorFor } from '../../../ui/components.js';
import type { FieldError } from '../../../shared/errors.js';
import { formatInteger, formatThaiDate, formatThaiDateTime, withDigits } from '../../../shared/thai.js';
import { CATEGORY_LABELS, STATE_LABELS, type RequestState } from '../domain/states.js';
import type { Service } from '../service.js';
import { FormFieldControl, type FormValues } from './RequestFormFields.js';

const base = (ctx: PageContext) => `/a/${ctx.agency!.slug}/eservice`;
const digitsOf = (ctx: PageContext) => ctx.agency?.digits ?? 'arabic';

function ServiceList({ ctx, services }: { ctx: PageContext; services: Service[] }) {
  return (
    <ul class="link-list">
      {services.map((s) => (
        <li>
          <a href={`${base(ctx)}/services/${s.id}`}>{s.nameTh}</a>
          {s.descriptionTh && <div class="hint">{s.descriptionTh}</div>}
        </li>
      ))}
    </ul>
  );
}

export function EserviceIndexPage({ ctx, services, statsYear }: { ctx: PageContext; services: Service[]; statsYear?: number }) {
  const main = services.filter((s) => s.category === 'service');
  return (
    <Layout ctx={ctx} title="บริการออนไลน์ (E-Service)" variant="public">
      <h1>บริการออนไลน์ (E-Service)</h1>
      <p class="lead">ยื่นคำขอได้โดยไม่ต้องมาที่สำนักงานและไม่ต้องสมัครสมาชิก เมื่อยื่นแล้วจะได้รับรหัสติดตามสำหรับตรวจสอบสถานะ</p>
      <h2>งานบริการ</h2>
      {main.length ? <ServiceList ctx={ctx} services={main} /> : <p>ขณะนี้ยังไม่เปิดรับคำขอทางออนไลน์</p>}
      <h2>ติดตามสถานะคำขอ</h2>
      <form method="get" action={`${base(ctx)}/track`}>
        <TextField name="code" label="รหัสติดตาม" hint="เช่น ES-7K3M9-QXR4T" autocomplete="off" />
        <Button variant="secondary">ตรวจสอบสถานะ</Button>
      </form>
      <h2>ร้องเรียน/ร้องทุกข์ทั่วไป และข้อเสนอแนะ</h2>
      <p>
        <a href={`${base(ctx)}/feedback`}>แจ้งเรื่องร้องเรียนทั่วไปหรือเสนอแนะ/ติชมการให้บริการ</a>
      </p>
      <h2>วิธีใช้งานและสถิติ</h2>
      <ul class="link-list">
        <li>
          <a href={`${base(ctx)}/manual`}>คู่มือการใช้งานระบบบริการออนไลน์</a>
        </li>
        {statsYear && (
          <li>
            <a href={`${base(ctx)}/stats/${statsYear}/12`}>สถิติการให้บริการและผลสำรวจความพึงพอใจ ปีงบประมาณ {withDigits(String(statsYear), digitsOf(ctx))}</a>
          </li>
        )}
      </ul>
    </Layout>
  );
}

/**
 * The user manual (คู่มือการใช้งานระบบบริการออนไลน์), an element of the E-Service OIT item from
 * FY2568: how to submit, what happens next, tracking, the survey and personal data.
 */
export function ManualPage({ ctx, services }: { ctx: PageContext; services: Service[] }) {
  const d = digitsOf(ctx);
  return (
    <Layout ctx={ctx} title="คู่มือการใช้งานระบบบริการออนไลน์" variant="public">
      <p>
        <a href={base(ctx)}>← บริการออนไลน์ (E-Service)</a>
      </p>
      <h1>คู่มือการใช้งานระบบบริการออนไลน์</h1>
      <p class="lead">ระบบบริการออนไลน์ของ{ctx.agency!.nameTh} ใช้ได้จากโทรศัพท์มือถือหรือคอมพิวเตอร์ ไม่ต้องสมัครสมาชิกและไม่ต้องเดินทางมาที่สำนักงาน</p>
      <h2>1. ยื่นคำขอ</h2>
      <ol>
        <li>
          เลือกงานบริการที่ต้องการจาก<a href={base(ctx)}>หน้าบริการออนไลน์</a> หรือเลือก<a href={`${base(ctx)}/feedback`}>ร้องเรียน/ร้องทุกข์ทั่วไป และข้อเสนอแนะ</a>
        </li>
        <li>อ่านเอกสารที่ต้องใช้ ค่าธรรมเนียม ระยะเวลาดำเนินการ และวัตถุประสงค์การใช้ข้อมูลส่วนบุคคลที่แสดงบนแบบฟอร์ม</li>
        <li>กรอกข้อมูลให้ครบ ช่องวันที่กรอกเป็น วว/ดด/ปปปป (พ.ศ.) ช่องสถานที่พิมพ์ที่อยู่หรือกด "ใช้ตำแหน่งปัจจุบัน" ได้ แนบรูปถ่ายหรือไฟล์ PDF ได้ไม่เกินไฟล์ละ 10 เมกะไบต์</li>
        <li>กด "ยื่นคำขอ" หากข้อมูลใดไม่ครบ ระบบจะแจ้งที่ด้านบนของแบบฟอร์มและที่ช่องนั้น โดยข้อมูลที่กรอกไว้ยังอยู่</li>
        <li>เมื่อยื่นสำเร็จ จะได้รับ<strong>รหัสติดตาม</strong> (รูปแบบ ES-XXXXX-XXXXX) กรุณาจดไว้หรือบันทึกหน้านั้น</li>
      </ol>
      <h2>2. ติดตามสถานะ</h2>
      <p>
        กรอกรหัสติดตามที่<a href={`${base(ctx)}/track`}>หน้าติดตามสถานะ</a> จะเห็นสถานะ (รับเรื่องแล้ว → กำลังดำเนินการ → รอข้อมูลเพิ่มเติม → ดำเนินการเสร็จสิ้น หรือไม่อนุมัติพร้อมเหตุผล)
        ข้อความจากเจ้าหน้าที่ และส่งข้อความหรือข้อมูลเพิ่มเติมถึงเจ้าหน้าที่ได้
      </p>
      <h2>3. ระยะเวลาดำเนินการ</h2>
      {services.length ? (
        <ul>
          {services.map((s) => (
            <li>
              {s.nameTh}: ภายใน {withDigits(String(s.timeLimitDays), d)} วัน
            </li>
          ))}
        </ul>
      ) : (
        <p>ขณะนี้ยังไม่เปิดรับคำขอทางออนไลน์</p>
      )}
      <h2>4. ประเมินความพึงพอใจ</h2>
      <p>เมื่อดำเนินการเสร็จ หน้าติดตามสถานะจะมีลิงก์แบบสำรวจความพึงพอใจ ตอบได้ครั้งเดียวต่อคำขอ ไม่ต้องระบุชื่อ ผู้ที่มารับบริการที่สำนักงานจะได้รับใบพร้อมคิวอาร์โค้ดสำหรับตอบแบบสำรวจเดียวกัน</p>
      <h2>5. ข้อมูลส่วนบุคคล</h2>
      <p>
        เลขประจำตัวประชาชน หมายเลขโทรศัพท์ และที่อยู่ แสดงเต็มเฉพาะเจ้าหน้าที่ผู้รับผิดชอบคำขอ และจะถูกลบเมื่อพ้นระยะเวลาเก็บรักษาที่แต่ละงานบริการกำหนด
        เรื่องการทุจริตของเจ้าหน้าที่ให้แจ้งทาง<a href={`/a/${ctx.agency!.slug}/report-corruption`}>ช่องทางแจ้งเบาะแสการทุจริต</a>ซึ่งแยกจากระบบนี้
      </p>
    </Layout>
  );
}

export function FeedbackPage({ ctx, services }: { ctx: PageContext; services: Service[] }) {
  const channel = services.filter((s) => s.category !== 'service');
  return (
    <Layout ctx={ctx} title="ร้องเรียน/ร้องทุกข์ทั่วไป และข้อเสนอแนะ" variant="public">
      <h1>ร้องเรียน/ร้องทุกข์ทั่วไป และข้อเสนอแนะ</h1>
      <div class="notice notice-warn">
        <strong>ช่องทางนี้สำหรับเรื่องทั่วไป</strong> เช่น ความเดือดร้อน ถนนชำรุด ขยะ หรือข้อเสนอแนะการให้บริการ
        หากต้องการแจ้ง<strong>การทุจริตหรือประพฤติมิชอบของเจ้าหน้าที่</strong> โปรดใช้
        <a href={`/a/${ctx.agency!.slug}/report-corruption`}>ช่องทางแจ้งเบาะแสการทุจริต</a> ซึ่งแยกจากช่องทางนี้และปกปิดตัวตนผู้แจ้ง
      </div>
      {channel.length ? <ServiceList ctx={ctx} services={channel} /> : <p>หน่วยงานยังไม่เปิดช่องทางนี้ทางออนไลน์</p>}
    </Layout>
  );
}

export function ServiceFormPage(props: { ctx: PageContext; service: Service; values?: FormValues; errors?: FieldError[] }) {
  const { ctx, service: s } = props;
  const values = props.values ?? {};
  const d = digitsOf(ctx);
  return (
    <Layout ctx={ctx} title={s.nameTh} errors={props.errors} variant="public">
      <p>
        <a href={s.category === 'service' ? base(ctx) : `${base(ctx)}/feedback`}>← {s.category === 'service' ? 'บริการออนไลน์ทั้งหมด' : CATEGORY_LABELS[s.category]}</a>
      </p>
      <h1>{s.nameTh}</h1>
      {s.descriptionTh && <p class="lead">{s.descriptionTh}</p>}
      <dl class="summary-list">
        {s.category === 'service' && (
          <>
            <dt>เอกสารที่ต้องใช้</dt>
            <dd>{s.documentsTh || '–'}</dd>
            <dt>ค่าธรรมเนียม</dt>
            <dd>{s.feeTh || '–'}</dd>
          </>
        )}
        <dt>ระยะเวลาดำเนินการ</dt>
        <dd>ภายใน {formatInteger(s.timeLimitDays, d)} วัน</dd>
      </dl>
      <div class="notice notice-info">
        <h2>การใช้ข้อมูลส่วนบุคคล</h2>
        <p>{s.purposeTh}</p>
        <p>
          หน่วยงานเก็บข้อมูลส่วนบุคคลในคำขอนี้ไว้ {formatInteger(s.retentionDays, d)} วันนับจากวันที่ปิดเรื่อง แล้วจึงลบ เลขประจำตัวประชาชนและหมายเลขโทรศัพท์จะแสดงเฉพาะเจ้าหน้าที่ผู้รับผิดชอบคำขอ
        </p>
      </div>
      <form method="post" action={`${base(ctx)}/services/${s.id}`} enctype="multipart/form-data" novalidate>
        <CsrfField token={ctx.csrfToken} />
        {s.fields.map((f) => (
          <FormFieldControl f={f} values={values} errors={props.errors} />
        ))}
        <h2>ช่องทางแจ้งความคืบหน้า (ไม่บังคับ)</h2>
        <TextField name="contact.phone" label="หมายเลขโทรศัพท์สำหรับติดต่อกลับ (ไม่บังคับ)" type="tel" autocomplete="tel" width="short" value={values['contact.phone']} error={errorFor(props.errors, 'contact.phone')} />
        <TextField
          name="contact.email"
          label="อีเมลสำหรับรับแจ้งความคืบหน้า (ไม่บังคับ)"
          hint="เมื่อสถานะเปลี่ยนหรือเจ้าหน้าที่ตอบ เราจะส่งเพียงรหัสติดตาม สถานะ และลิงก์หน้าติดตาม ไม่ส่งข้อมูลในคำขอ"
          type="email"
          autocomplete="email"
          value={values['contact.email']}
          error={errorFor(props.errors, 'contact.email')}
        />
        <Button>ยื่นคำขอ</Button>
      </form>
    </Layout>
  );
}

export function TrackPage({ ctx, code, error }: { ctx: PageContext; code?: string; error?: string }) {
  const errors = error ? [{ field: 'code', message: error }] : undefined;
  return (
    <Layout ctx={ctx} title="ติดตามสถานะคำขอ" errors={errors} variant="public">
      <h1>ติดตามสถานะคำขอ</h1>
      <form method="get" action={`${base(ctx)}/track`}>
        <TextField name="code" label="รหัสติดตาม" hint="รหัสที่ได้รับเมื่อยื่นคำขอ เช่น ES-7K3M9-QXR4T" value={code} error={error} autocomplete="off" />
        <Button>ตรวจสอบสถานะ</Button>
      </form>
    </Layout>
  );
}

export interface StatusView {
  trackingCode: string;
  state: RequestState;
  service: string;
  updatedAt: string;
  submittedOn: string;
  dueDate: string;
  rejectReason: string | null;
  events: { toState: RequestState; note: string | null; at: string }[];
  messages: { author: 'citizen' | 'staff'; body: string; at: string }[];
  survey: { token: string; spent: boolean } | undefined;
}

export function StatusPage(props: { ctx: PageContext; status: StatusView; justSubmitted?: boolean; values?: FormValues; errors?: FieldError[] }) {
  const { ctx, status: s } = props;
  const d = digitsOf(ctx);
  const open = s.state !== 'done' && s.state !== 'rejected';
  return (
    <Layout ctx={ctx} title={`สถานะคำขอ ${s.trackingCode}`} errors={props.errors} variant="public">
      <h1>สถานะคำขอ</h1>
      {props.justSubmitted && (
        <div class="notice notice-success">
          <p>ยื่นคำขอเรียบร้อยแล้ว กรุณาจดรหัสติดตามไว้ หรือบันทึกหน้านี้</p>
        </div>
      )}
      <p>
        รหัสติดตาม <span class="tracking-code" data-verbatim>{s.trackingCode}</span>
      </p>
      <dl class="summary-list">
        <dt>งานบริการ</dt>
        <dd>{s.service}</dd>
        <dt>สถานะ</dt>
        <dd>
          <strong data-state={s.state}>{STATE_LABELS[s.state]}</strong>
        </dd>
        <dt>ยื่นเมื่อ</dt>
        <dd>{formatThaiDate(s.submittedOn, { digits: d })}</dd>
        <dt>กำหนดแล้วเสร็จ</dt>
        <dd>{formatThaiDate(s.dueDate, { digits: d })}</dd>
        <dt>ปรับปรุงล่าสุด</dt>
        <dd>{formatThaiDateTime(s.updatedAt, d)}</dd>
        {s.rejectReason && (
          <>
            <dt>เหตุผล</dt>
            <dd>{s.rejectReason}</dd>
          </>
        )}
      </dl>
      {s.survey && !s.survey.spent && (
        <div class="notice notice-info">
          <p>คำขอของท่านดำเนินการเสร็จแล้ว กรุณาช่วยตอบแบบสำรวจความพึงพอใจ (ตอบได้ครั้งเดียว ไม่ระบุตัวตน)</p>
          <a class="button button-primary" href={`/a/${ctx.agency!.slug}/survey/${s.survey.token}`}>ตอบแบบสำรวจความพึงพอใจ</a>
        </div>
      )}
      {s.survey?.spent && <p>ขอบคุณที่ตอบแบบสำรวจความพึงพอใจ</p>}
      <h2>ความคืบหน้า</h2>
      <ol class="timeline">
        {s.events.map((e) => (
          <li>
            <strong>{STATE_LABELS[e.toState]}</strong> — {formatThaiDateTime(e.at, d)}
            {e.note && <div>{e.note}</div>}
          </li>
        ))}
      </ol>
      <h2>ข้อความ</h2>
      {s.messages.length === 0 ? (
        <p>ยังไม่มีข้อความ</p>
      ) : (
        <ul class="timeline">
          {s.messages.map((m) => (
            <li>
              <strong>{m.author === 'staff' ? 'เจ้าหน้าที่' : 'ผู้ยื่นคำขอ'}</strong> — {withDigits(formatThaiDateTime(m.at), d)}
              <div>{m.body}</div>
            </li>
          ))}
        </ul>
      )}
      {open && (
        <form method="post" action={`${base(ctx)}/track/${s.trackingCode}/messages`} novalidate>
          <CsrfField token={ctx.csrfToken} />
          <TextArea name="body" label="ส่งข้อความหรือข้อมูลเพิ่มเติมถึงเจ้าหน้าที่" value={props.values?.body} error={errorFor(props.errors, 'body')} rows={3} />
          <Button variant="secondary">ส่งข้อความ</Button>
        </form>
      )}
    </Layout>
  );
}
