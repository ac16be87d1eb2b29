/** The handler's pages. Thai only: the complaint-handling staff work in Thai. */
import type { ComponentChildren } from 'preact';
import { Layout } from '../../../ui/Layout.js';
import type { PageContext } from '../../../ui/context.js';
import { DateInput, Button, CsrfField, DataTable, errorFor, Select, Tag, TextArea, TextField } from '../../../ui/components.js';
import type { FieldError } from '../../../shared/errors.js';
import { formatThaiDate, formatThaiDateTime } from '../../../shared/thai.js';
import { CATEGORIES, CATEGORY_LABELS, CHANNEL_LABELS, OUTCOMES, OUTCOME_LABELS, OUTSIDE_BODIES, OUTSIDE_BODY_LABELS, STAFF_CHANNELS, STATE_LABELS, type Identity } from '../domain/types.js';
import type { ReportDetail, ReportSummary } from '../handling.js';
import type { Guideline } from '../schemas.js';
import { MIN_PASSPHRASE } from '../access.js';

const d = (ctx: PageContext) => ({ digits: ctx.agency?.digits ?? 'thai' });
const BASE = '/admin/complaints';

/** A staff page of the channel: the layout and its heading (also used by SecurityPages). */
export function Page({ ctx, title, errors, children }: { ctx: PageContext; title: string; errors?: FieldError[]; children: ComponentChildren }) {
  return (
    <Layout ctx={ctx} title={title} errors={errors}>
      <h1>{title}</h1>
      {children}
    </Layout>
  );
}

export function EnrolPage({ ctx, secret, uri, errors }: { ctx: PageContext; secret: string; uri: string; errors?: FieldError[] }) {
  return (
    <Page ctx={ctx} title="ตั้งค่าการยืนยันตัวตนสองขั้นตอน" errors={errors}>
      <p>ผู้รับผิดชอบเรื่องร้องเรียนการทุจริตต้องยืนยันตัวตนสองขั้นตอนทุกครั้งก่อนเปิดเรื่อง เพิ่มบัญชีในแอป Authenticator (เช่น Google Authenticator, Microsoft Authenticator, FreeOTP) ด้วยรหัสลับนี้</p>
      <p class="mono break" data-verbatim id="totp-secret">{secret}</p>
      <p class="hint break">หรือใช้ลิงก์ otpauth: {uri}</p>
      <form method="post" action={`${BASE}/2fa`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextField name="code" label="รหัส 6 หลักจากแอป" inputmode="numeric" autocomplete="one-time-code" width="short" error={errorFor(errors, 'code')} />
        <Button>ยืนยัน</Button>
      </form>
    </Page>
  );
}

export function RecoveryCodesPage({ ctx, codes }: { ctx: PageContext; codes: string[] }) {
  return (
    <Page ctx={ctx} title="รหัสกู้คืน">
      <p class="notice notice-warn">เก็บรหัสกู้คืนเหล่านี้ไว้ในที่ปลอดภัย แต่ละรหัสใช้แทนรหัสจากแอปได้ครั้งเดียว หน้านี้แสดงเพียงครั้งเดียว</p>
      <ul class="mono" data-verbatim id="recovery-codes">{codes.map((c) => (<li>{c}</li>))}</ul>
      <p><a href={BASE}>ไปหน้าเรื่องร้องเรียน</a></p>
    </Page>
  );
}

export function SetupKeyPage({ ctx, errors }: { ctx: PageContext; errors?: FieldError[] }) {
  return (
    <Page ctx={ctx} title="สร้างกุญแจสำหรับเรื่องร้องเรียน" errors={errors}>
      <p>หน่วยงานยังไม่มีกุญแจเข้ารหัสสำหรับเรื่องร้องเรียนการทุจริต เมื่อสร้างแล้ว ช่องทางแจ้งเบาะแสจะเปิดรับเรื่อง กุญแจส่วนตัวถูกเก็บแบบเข้ารหัสด้วยรหัสผ่านของท่านเท่านั้น ผู้ดูแลระบบหรือผู้ดูแลเซิร์ฟเวอร์เปิดอ่านเรื่องไม่ได้</p>
      <p class="notice notice-warn">ถ้าลืมรหัสผ่านนี้และไม่มีผู้รับผิดชอบคนอื่นที่ได้รับสิทธิ์ จะเปิดอ่านเรื่องเดิมไม่ได้อีก ควรมอบสิทธิ์ให้ผู้รับผิดชอบอย่างน้อยสองคน</p>
      <form method="post" action={`${BASE}/setup`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextField name="passphrase" type="password" label="รหัสผ่านสำหรับกุญแจ" hint={`อย่างน้อย ${MIN_PASSPHRASE} ตัวอักษร ใช้คนละรหัสกับรหัสเข้าระบบ`} autocomplete="new-password" error={errorFor(errors, 'passphrase')} />
        <Button>สร้างกุญแจ</Button>
      </form>
    </Page>
  );
}

export function UnlockPage({ ctx, pending, errors }: { ctx: PageContext; pending: boolean; errors?: FieldError[] }) {
  return (
    <Page ctx={ctx} title="เปิดกุญแจเรื่องร้องเรียน" errors={errors}>
      <p>ยืนยันตัวตนด้วยรหัสจากแอป (หรือรหัสกู้คืน) และรหัสผ่านสำหรับกุญแจ กุญแจจะเปิดอยู่ในเซสชันนี้ ๓๐ นาทีนับจากการใช้งานครั้งล่าสุด</p>
      <form method="post" action={`${BASE}/unlock`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextField name="code" label="รหัส 6 หลักจากแอป หรือรหัสกู้คืน" autocomplete="one-time-code" width="short" error={errorFor(errors, 'code')} />
        {pending && <TextField name="transferCode" label="รหัสมอบสิทธิ์ที่ได้รับ" autocomplete="off" error={errorFor(errors, 'transferCode')} />}
        <TextField name="passphrase" type="password" label={pending ? 'ตั้งรหัสผ่านสำหรับกุญแจของท่าน' : 'รหัสผ่านสำหรับกุญแจ'} autocomplete={pending ? 'new-password' : 'current-password'} error={errorFor(errors, 'passphrase')} />
        <Button>เปิดกุญแจ</Button>
      </form>
    </Page>
  );
}

export function NoAccessPage({ ctx }: { ctx: PageContext }) {
  return (
    <Page ctx={ctx} title="ยังไม่ได้รับสิทธิ์เปิดเรื่องร้องเรียน">
      <p>ท่านมีบทบาทผู้รับผิดชอบเรื่องร้องเรียน แต่ยังไม่ได้รับกุญแจ กรุณาขอให้ผู้รับผิดชอบที่เปิดกุญแจได้แล้วมอบสิทธิ์ให้ (เมนู "ผู้รับผิดชอบ") แล้วนำรหัสมอบสิทธิ์มากรอกที่หน้าเปิดกุญแจ</p>
    </Page>
  );
}

function StateTag({ r }: { r: ReportSummary }) {
  return (
    <>
      {STATE_LABELS[r.state]} {r.overdue && <Tag tone="bad">{r.overdue === 'acknowledge' ? 'เกินกำหนดรับเรื่อง' : 'เกินกำหนดดำเนินการ'}</Tag>}
    </>
  );
}

export function ListPage({ ctx, reports, waiting }: { ctx: PageContext; reports: ReportSummary[]; waiting: number }) {
  return (
    <Page ctx={ctx} title="เรื่องร้องเรียนการทุจริต">
      {waiting > 0 && <p class="notice" role="status" id="waiting">มีเรื่องรอท่านดำเนินการ {waiting} เรื่อง</p>}
      <ul class="link-list">
        <li><a href={`${BASE}/intake`}>บันทึกเรื่องที่รับทางหนังสือ โทรศัพท์ หรือด้วยตนเอง</a></li>
        <li><a href={`${BASE}/handlers`}>ผู้รับผิดชอบและการมอบสิทธิ์</a></li>
      </ul>
      <form method="post" action={`${BASE}/lock`} class="inline-form"><CsrfField token={ctx.csrfToken} /><Button variant="secondary">ปิดกุญแจ</Button></form>
      <DataTable caption="เรื่องที่ท่านเห็นได้" head={['วันที่รับ', 'ประเภท', 'ช่องทาง', 'สถานะ', 'กำหนดรับเรื่อง', 'กำหนดแล้วเสร็จ', '']}>
        {reports.map((r) => (
          <tr>
            <td>{formatThaiDate(r.receivedDate, d(ctx))}</td>
            <td>{CATEGORY_LABELS[r.category]}{r.involvesExecutive ? ' (เกี่ยวกับผู้บริหาร)' : ''}</td>
            <td>{CHANNEL_LABELS[r.channel]}</td>
            <td><StateTag r={r} /></td>
            <td>{formatThaiDate(r.acknowledgeBy, d(ctx))}</td>
            <td>{formatThaiDate(r.concludeBy, d(ctx))}</td>
            <td><a href={`${BASE}/r/${r.id}`}>เปิดเรื่อง{r.unread ? ' (ใหม่)' : ''}<span class="visually-hidden"> รับเมื่อ {formatThaiDate(r.receivedDate, d(ctx))}</span></a></td>
          </tr>
        ))}
      </DataTable>
    </Page>
  );
}

function ActionForm({ ctx, id, action, label, children }: { ctx: PageContext; id: string; action: string; label: string; children?: ComponentChildren }) {
  return (
    <form method="post" action={`${BASE}/r/${id}/action`} class="action-form" novalidate>
      <CsrfField token={ctx.csrfToken} />
      <input type="hidden" name="action" value={action} />
      {children}
      <Button variant="secondary">{label}</Button>
    </form>
  );
}

export function DetailPage({ ctx, r, errors, identity, canDisclose }: { ctx: PageContext; r: ReportDetail; errors?: FieldError[]; identity?: Identity | null; canDisclose: boolean }) {
  const c = r.content;
  return (
    <Page ctx={ctx} title={`เรื่อง ${CATEGORY_LABELS[r.category]}`} errors={errors}>
      <dl class="summary-list">
        <div><dt>สถานะ</dt><dd id="state"><StateTag r={r} />{r.outcome ? ` — ${OUTCOME_LABELS[r.outcome]}` : ''}{r.forwardedTo ? ` — ${OUTSIDE_BODY_LABELS[r.forwardedTo]}` : ''}</dd></div>
        <div><dt>รับเมื่อ</dt><dd>{formatThaiDate(r.receivedDate, d(ctx))} ({CHANNEL_LABELS[r.channel]})</dd></div>
        <div><dt>กำหนดรับเรื่อง / แล้วเสร็จ</dt><dd>{formatThaiDate(r.acknowledgeBy, d(ctx))} / {formatThaiDate(r.concludeBy, d(ctx))}</dd></div>
      </dl>
      <h2>รายละเอียด</h2>
      <p class="message-body" id="description">{c.description}</p>
      <dl class="summary-list">
        {c.who && <div><dt>ผู้เกี่ยวข้อง</dt><dd>{c.who}</dd></div>}
        {c.when && <div><dt>เมื่อ</dt><dd>{c.when}</dd></div>}
        {c.where && <div><dt>ที่</dt><dd>{c.where}</dd></div>}
      </dl>
      {r.attachments.length > 0 && (
        <>
          <h2>ไฟล์แนบ</h2>
          <ul>
            {r.attachments.map((a) => (
              <li>
                <a href={`${BASE}/r/${r.id}/files/${a.id}`}>{a.name}</a> — ลบข้อมูลแฝงแล้ว ({a.removed.join(', ') || 'ไม่มี'}) · SHA-256 ต้นฉบับ <span class="mono" data-verbatim>{a.originalSha256}</span>
                {a.originalKept && <> · <a href={`${BASE}/r/${r.id}/files/${a.id}?original=1`}>ไฟล์ต้นฉบับ</a></>}
              </li>
            ))}
          </ul>
        </>
      )}
      <h2>ขั้นตอน</h2>
      <div class="actions">
        {r.actions.includes('acknowledge') && <ActionForm ctx={ctx} id={r.id} action="acknowledge" label="รับเรื่องไว้พิจารณา" />}
        {r.actions.includes('investigate') && <ActionForm ctx={ctx} id={r.id} action="investigate" label="เริ่มตรวจสอบข้อเท็จจริง" />}
        {r.actions.includes('conclude') && (
          <ActionForm ctx={ctx} id={r.id} action="conclude" label="สรุปผล">
            <Select name="outcome" label="ผลการพิจารณา" includeEmpty="— เลือก —" error={errorFor(errors, 'outcome')} options={OUTCOMES.map((o) => ({ value: o, label: OUTCOME_LABELS[o] }))} />
          </ActionForm>
        )}
        {r.actions.includes('forward') && (
          <ActionForm ctx={ctx} id={r.id} action="forward" label="ส่งต่อ">
            <Select name="body" label="ส่งต่อไปยัง" includeEmpty="— เลือก —" error={errorFor(errors, 'body')} options={OUTSIDE_BODIES.map((o) => ({ value: o, label: OUTSIDE_BODY_LABELS[o] }))} />
          </ActionForm>
        )}
        {r.actions.includes('move_to_general') && (
          <ActionForm ctx={ctx} id={r.id} action="move_to_general" label="โอนเป็นเรื่องร้องเรียนทั่วไป">
            <label class="checkbox"><input type="checkbox" name="consent" value="yes" /> ผู้แจ้งยินยอมให้โอนเรื่องแล้ว</label>
          </ActionForm>
        )}
      </div>
      <h2>ข้อความและบันทึก</h2>
      <ol class="messages">
        {r.messages.map((m) => (
          <li class={`message message-${m.author}`}>
            <p class="message-meta">{m.author === 'reporter' ? 'ผู้แจ้ง' : m.author === 'note' ? `บันทึกภายใน · ${m.authorName ?? ''}` : `ถึงผู้แจ้ง · ${m.authorName ?? ''}`} · {formatThaiDateTime(m.at, ctx.agency?.digits ?? 'thai')}</p>
            <p class="message-body">{m.body}</p>
          </li>
        ))}
      </ol>
      {r.receiptHolder && (
        <form method="post" action={`${BASE}/r/${r.id}/message`} novalidate>
          <CsrfField token={ctx.csrfToken} />
          <TextArea name="message" label="ข้อความถึงผู้แจ้ง (ผู้แจ้งอ่านได้ด้วยรหัสติดตามเรื่อง)" error={errorFor(errors, 'message')} />
          <Button>ส่งถึงผู้แจ้ง</Button>
        </form>
      )}
      <form method="post" action={`${BASE}/r/${r.id}/note`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextArea name="note" label="บันทึกภายใน (ผู้แจ้งไม่เห็น)" error={errorFor(errors, 'note')} />
        <Button variant="secondary">บันทึก</Button>
      </form>
      <h2>ผู้รับผิดชอบเรื่องนี้</h2>
      <form method="post" action={`${BASE}/r/${r.id}/assign`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <Select name="assignee" label="มอบหมายให้" value={r.assignedUserId} error={errorFor(errors, 'assignee')} options={r.eligibleAssignees.map((h) => ({ value: h.id, label: h.displayName }))} />
        <Button variant="secondary">มอบหมาย</Button>
      </form>
      <form method="post" action={`${BASE}/r/${r.id}/recuse`}>
        <CsrfField token={ctx.csrfToken} />
        <p class="hint">ถ้าท่านมีส่วนได้เสียกับเรื่องนี้ ให้ถอนตัว ท่านจะไม่เห็นเรื่องนี้อีก</p>
        <Button variant="warning">ถอนตัวจากเรื่องนี้</Button>
      </form>
      {r.hasIdentity && canDisclose && (
        <>
          <h2>ตัวตนผู้แจ้ง</h2>
          {identity ? (
            <dl class="summary-list" id="identity">
              {identity.name && <div><dt>ชื่อ</dt><dd>{identity.name}</dd></div>}
              {identity.phone && <div><dt>โทรศัพท์</dt><dd>{identity.phone}</dd></div>}
              {identity.email && <div><dt>อีเมล</dt><dd>{identity.email}</dd></div>}
            </dl>
          ) : (
            <form method="post" action={`${BASE}/r/${r.id}/disclose`} novalidate>
              <CsrfField token={ctx.csrfToken} />
              <TextArea name="reason" label="เหตุผลที่ต้องเปิดดูตัวตนผู้แจ้ง (บันทึกไว้)" error={errorFor(errors, 'reason')} />
              <Button variant="warning">เปิดดูตัวตนผู้แจ้ง</Button>
            </form>
          )}
        </>
      )}
    </Page>
  );
}

export function IntakePage({ ctx, values = {}, errors }: { ctx: PageContext; values?: Record<string, string>; errors?: FieldError[] }) {
  return (
    <Page ctx={ctx} title="บันทึกเรื่องร้องเรียนที่รับทางช่องทางอื่น" errors={errors}>
      <form method="post" action={`${BASE}/intake`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <Select name="channel" label="ช่องทางที่รับเรื่อง" includeEmpty="— เลือก —" value={values.channel} error={errorFor(errors, 'channel')} options={STAFF_CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABELS[c] }))} />
        <DateInput name="receivedDate" digits={ctx.agency?.digits ?? 'thai'} label="วันที่รับเรื่อง" value={values.receivedDate} error={errorFor(errors, 'receivedDate')} />
        <Select name="category" label="ประเภทเรื่อง" includeEmpty="— เลือก —" value={values.category} error={errorFor(errors, 'category')} options={CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] }))} />
        <TextArea name="description" label="สาระของเรื่อง" rows={6} value={values.description} error={errorFor(errors, 'description')} />
        <label class="checkbox"><input type="checkbox" name="involvesExecutive" value="yes" checked={values.involvesExecutive === 'yes'} /> เกี่ยวข้องกับผู้บริหาร</label>
        <Button>บันทึกเรื่อง</Button>
      </form>
    </Page>
  );
}

export function HandlersPage({ ctx, handlers, code }: { ctx: PageContext; handlers: { id: string; displayName: string; state: string }[]; code?: { name: string; code: string } }) {
  const label: Record<string, string> = { ready: 'เปิดกุญแจได้', pending: 'รอรับสิทธิ์ (มีรหัสมอบสิทธิ์แล้ว)', none: 'ยังไม่ได้รับสิทธิ์' };
  return (
    <Page ctx={ctx} title="ผู้รับผิดชอบเรื่องร้องเรียน">
      {code && <p class="notice notice-warn" role="status">รหัสมอบสิทธิ์สำหรับ {code.name}: <strong class="mono" data-verbatim id="transfer-code">{code.code}</strong> — ส่งให้ด้วยตนเอง แสดงครั้งเดียว</p>}
      <DataTable caption="ผู้มีบทบาทผู้รับผิดชอบเรื่องร้องเรียน" head={['ชื่อ', 'สิทธิ์เปิดกุญแจ', '']}>
        {handlers.map((h) => (
          <tr>
            <td>{h.displayName}</td>
            <td>{label[h.state] ?? h.state}</td>
            <td>
              {h.state !== 'ready' && (
                <form method="post" action={`${BASE}/handlers/${h.id}/grant`} class="inline-form"><CsrfField token={ctx.csrfToken} /><Button variant="secondary">มอบสิทธิ์<span class="visually-hidden"> ให้ {h.displayName}</span></Button></form>
              )}
            </td>
          </tr>
        ))}
      </DataTable>
    </Page>
  );
}

export function SettingsPage({ ctx, g, errors }: { ctx: PageContext; g: Partial<Record<keyof Guideline, string | number>>; errors?: FieldError[] }) {
  return (
    <Page ctx={ctx} title="ตั้งค่าแนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริต" errors={errors}>
      <p>ค่าเหล่านี้ใช้สร้างหน้าแนวปฏิบัติและแผนผังขั้นตอนที่เผยแพร่ และกำหนดวันครบกำหนดของแต่ละเรื่อง</p>
      <form method="post" action={`${BASE}/settings`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextField name="responsibleUnit" label="หน่วยงานที่รับผิดชอบ" value={g.responsibleUnit} error={errorFor(errors, 'responsibleUnit')} />
        <TextField name="acknowledgeDays" label="พิจารณารับเรื่องภายใน (วัน)" inputmode="numeric" width="short" value={g.acknowledgeDays} error={errorFor(errors, 'acknowledgeDays')} />
        <TextField name="concludeDays" label="ดำเนินการแล้วเสร็จภายใน (วัน)" inputmode="numeric" width="short" value={g.concludeDays} error={errorFor(errors, 'concludeDays')} />
        <TextField name="phone" label="โทรศัพท์รับเรื่อง" value={g.phone} error={errorFor(errors, 'phone')} />
        <TextField name="address" label="ที่อยู่สำหรับหนังสือหรือมาด้วยตนเอง" value={g.address} error={errorFor(errors, 'address')} />
        <TextField name="email" label="อีเมลรับเรื่อง" value={g.email} error={errorFor(errors, 'email')} />
        <Button>บันทึก</Button>
      </form>
    </Page>
  );
}
