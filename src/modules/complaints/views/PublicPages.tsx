/**
 * The reporter's pages: plain server HTML, no script needed, one column for a cheap phone. The
 * receipt is shown once, on the answer to the POST, and every later step carries it in a POSTed
 * form field — never in a URL, where it would land in history, logs and Referer headers.
 */
import { Layout } from '../../../ui/Layout.js';
import type { PageContext } from '../../../ui/context.js';
import { Button, CsrfField, errorFor, Select, TextArea, TextField } from '../../../ui/components.js';
import type { FieldError } from '../../../shared/errors.js';
import { formatThaiDate, formatThaiDateTime, withDigits } from '../../../shared/thai.js';
import { CATEGORIES, CATEGORY_LABELS } from '../domain/types.js';
import { formatReceipt } from '../domain/receipt.js';
import type { Acknowledgement, ReporterView } from '../service.js';
import { MAX_FILES } from '../service.js';

type Values = Record<string, string | undefined>;
const digits = (ctx: PageContext) => ctx.agency?.digits ?? 'thai';

function ChannelNav({ slug }: { slug: string }) {
  return (
    <nav aria-label="ช่องทางแจ้งเบาะแส" class="subnav">
      <ul class="link-list">
        <li><a href={`/a/${slug}/report-corruption`}>แจ้งเรื่องใหม่</a></li>
        <li><a href={`/a/${slug}/report-corruption/follow-up`}>ติดตามเรื่องด้วยรหัส</a></li>
        <li><a href={`/a/${slug}/report-corruption/guideline`}>แนวปฏิบัติการจัดการเรื่องร้องเรียน</a></li>
        <li><a href={`/a/${slug}/report-corruption/statistics`}>สถิติเรื่องร้องเรียน</a></li>
      </ul>
    </nav>
  );
}

export function ReportFormPage(props: { ctx: PageContext; slug: string; open: boolean; executives: { id: string; label: string }[]; values?: Values; errors?: FieldError[]; work?: string }) {
  const { ctx, slug, values = {}, errors } = props;
  const title = 'แจ้งเบาะแสการทุจริตและประพฤติมิชอบ';
  return (
    <Layout ctx={ctx} title={title} variant="public" errors={errors}>
      <h1>{title}</h1>
      <ChannelNav slug={slug} />
      {!props.open ? (
        <p class="lead">หน่วยงานนี้ยังไม่เปิดรับเรื่องทางช่องทางนี้ กรุณาติดต่อหน่วยงานโดยตรง หรือแจ้ง สำนักงาน ป.ป.ช. (โทร 1205)</p>
      ) : (
        <>
          <div class="notice">
            <p><strong>ไม่ต้องบอกชื่อ</strong> ระบบไม่เก็บที่อยู่ IP หรือข้อมูลอุปกรณ์ของท่าน เนื้อหาที่แจ้งถูกเข้ารหัสทันที มีเพียงผู้รับผิดชอบเรื่องร้องเรียนที่หน่วยงานแต่งตั้งเท่านั้นที่เปิดอ่านได้</p>
            <p>ช่องทางนี้แยกจากเรื่องร้องเรียนทั่วไป เมื่อส่งแล้วท่านจะได้รับ <strong>รหัสติดตามเรื่อง 16 หลัก</strong> ซึ่งแสดงเพียงครั้งเดียว</p>
          </div>
          {/* data-module="proof-of-work": solved in the background by app.js; without it the form is the same. */}
          <form method="post" action={`/a/${slug}/report-corruption`} enctype="multipart/form-data" novalidate data-module={props.work ? 'proof-of-work' : undefined} data-pow-challenge={props.work}>
            <CsrfField token={ctx.csrfToken} />
            <Select name="category" label="เรื่องที่จะแจ้งเป็นเรื่องประเภทใด" includeEmpty="— เลือกประเภท —" value={values.category} error={errorFor(errors, 'category')} options={CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] }))} />
            <TextArea name="description" label="เกิดอะไรขึ้น" hint="เล่าเหตุการณ์ตามที่ท่านทราบ ไม่ต้องระบุว่าท่านเป็นใคร" rows={8} value={values.description} error={errorFor(errors, 'description')} />
            <TextField name="who" label="ใครเกี่ยวข้อง (ถ้าทราบ)" value={values.who} error={errorFor(errors, 'who')} />
            <TextField name="when" label="เกิดขึ้นเมื่อใด (ถ้าทราบ)" value={values.when} error={errorFor(errors, 'when')} />
            <TextField name="where" label="เกิดขึ้นที่ใด (ถ้าทราบ)" value={values.where} error={errorFor(errors, 'where')} />
            <fieldset class="fieldset">
              <legend>เรื่องนี้เกี่ยวข้องกับผู้บริหารของหน่วยงานหรือไม่</legend>
              <p class="hint">ถ้าเกี่ยวข้อง เรื่องจะไม่ถูกส่งให้ผู้บริหารท่านนั้นเห็น</p>
              <label class="radio"><input type="radio" name="involvesExecutive" value="no" checked={values.involvesExecutive !== 'yes'} /> ไม่เกี่ยวข้อง / ไม่ทราบ</label>
              <label class="radio"><input type="radio" name="involvesExecutive" value="yes" checked={values.involvesExecutive === 'yes'} /> เกี่ยวข้อง</label>
            </fieldset>
            {props.executives.length > 0 && (
              <Select name="executiveId" label="ผู้บริหารที่เกี่ยวข้อง (ถ้าต้องการระบุ)" includeEmpty="— ไม่ระบุ —" value={values.executiveId} options={props.executives.map((e) => ({ value: e.id, label: e.label }))} />
            )}
            <div class="field">
              <label class="label" for="f-files">รูปภาพประกอบ (ถ้ามี)</label>
              <p class="hint" id="f-files-hint">JPEG หรือ PNG ไม่เกิน {MAX_FILES} รูป รูปละไม่เกิน 10 MB ระบบลบข้อมูลแฝงในรูป เช่น พิกัด GPS วันเวลาและรุ่นกล้อง ออกก่อนเก็บ</p>
              {errorFor(errors, 'files') && <p class="error-message">{errorFor(errors, 'files')!}</p>}
              <input class="file-input" type="file" id="f-files" name="files" accept="image/jpeg,image/png" multiple aria-describedby="f-files-hint" />
            </div>
            <label class="checkbox"><input type="checkbox" name="keepOriginals" value="yes" checked={values.keepOriginals === 'yes'} /> เก็บไฟล์ต้นฉบับ (ที่ยังมีข้อมูลแฝง) ไว้ด้วยแบบเข้ารหัส — เลือกเฉพาะเมื่อข้อมูลแฝงเป็นหลักฐานสำคัญ</label>
            <fieldset class="fieldset">
              <legend>ข้อมูลติดต่อกลับ (ไม่บังคับ)</legend>
              <p class="hint">ถ้าไม่กรอก ท่านยังติดตามเรื่องและตอบคำถามได้ด้วยรหัสติดตามเรื่อง ข้อมูลนี้เก็บแยกจากเนื้อหา และเปิดดูได้เฉพาะผู้ที่ได้รับมอบหมาย โดยทุกครั้งถูกบันทึกไว้</p>
              <TextField name="identity.name" label="ชื่อ" value={values['identity.name']} error={errorFor(errors, 'identity.name')} autocomplete="off" />
              <TextField name="identity.phone" label="เบอร์โทรศัพท์" type="tel" value={values['identity.phone']} error={errorFor(errors, 'identity.phone')} autocomplete="off" />
              <TextField name="identity.email" label="อีเมล" type="email" value={values['identity.email']} error={errorFor(errors, 'identity.email')} autocomplete="off" />
            </fieldset>
            <Button>ส่งเรื่อง</Button>
          </form>
        </>
      )}
    </Layout>
  );
}

export function ReceiptPage({ ctx, slug, receipt, acknowledgement }: { ctx: PageContext; slug: string; receipt: string; acknowledgement: Acknowledgement }) {
  const title = 'ได้รับเรื่องของท่านแล้ว';
  return (
    <Layout ctx={ctx} title={title} variant="public">
      <h1>{title}</h1>
      <div class="panel receipt-panel">
        <p>รหัสติดตามเรื่องของท่าน</p>
        <p class="receipt" id="receipt" data-verbatim>{formatReceipt(receipt)}</p>
      </div>
      <div class="notice notice-warn">
        <p><strong>จดรหัสนี้เก็บไว้ในที่ปลอดภัย</strong> หน้านี้แสดงรหัสเพียงครั้งเดียว ระบบไม่ได้เก็บรหัสไว้ จึงออกรหัสให้ใหม่ไม่ได้ ใครมีรหัสนี้จะเห็นความคืบหน้าและข้อความของเรื่องนี้</p>
        <p>ใช้รหัสนี้ที่หน้า "ติดตามเรื่อง" เพื่อดูสถานะ ตอบคำถามของเจ้าหน้าที่ หรือส่งข้อมูลเพิ่ม ไม่ต้องมีบัญชีหรืออีเมล</p>
      </div>
      <details>
        <summary>หลักฐานการรับเรื่อง (ลายมือชื่ออิเล็กทรอนิกส์ของหน่วยงาน)</summary>
        <p class="hint">ตรวจสอบได้ด้วยกุญแจสาธารณะของหน่วยงานที่ /a/{slug}/api/complaint-key (Ed25519) หลักฐานนี้ไม่มีเนื้อหาของเรื่อง</p>
        <p class="mono break" data-verbatim>payload: {acknowledgement.payload}</p>
        <p class="mono break" data-verbatim>signature: {acknowledgement.signature}</p>
      </details>
      <p><a href={`/a/${slug}/report-corruption/follow-up`}>ไปหน้าติดตามเรื่อง</a></p>
    </Layout>
  );
}

export function FollowUpPage({ ctx, slug, errors, notFoundMessage }: { ctx: PageContext; slug: string; errors?: FieldError[]; notFoundMessage?: string }) {
  const title = 'ติดตามเรื่องที่แจ้ง';
  return (
    <Layout ctx={ctx} title={title} variant="public" errors={errors}>
      <h1>{title}</h1>
      <ChannelNav slug={slug} />
      {notFoundMessage && <p class="notice notice-warn" role="alert">{notFoundMessage}</p>}
      <form method="post" action={`/a/${slug}/report-corruption/follow-up`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextField name="receipt" label="รหัสติดตามเรื่อง 16 หลัก" inputmode="numeric" autocomplete="off" error={errorFor(errors, 'receipt')} />
        <Button>ดูความคืบหน้า</Button>
      </form>
    </Layout>
  );
}

export function StatusPage({ ctx, slug, receipt, view, errors, message, notice }: { ctx: PageContext; slug: string; receipt: string; view: ReporterView; errors?: FieldError[]; message?: string; notice?: string }) {
  const d = digits(ctx);
  const title = 'ความคืบหน้าของเรื่อง';
  return (
    <Layout ctx={ctx} title={title} variant="public" errors={errors}>
      <h1>{title}</h1>
      {notice && <p class="notice notice-success" role="status">{notice}</p>}
      <dl class="summary-list">
        <div><dt>สถานะ</dt><dd id="state">{view.stateLabel}</dd></div>
        <div><dt>วันที่รับเรื่อง</dt><dd>{formatThaiDate(view.receivedDate, { digits: d })}</dd></div>
        {view.forwardedToLabel && <div><dt>ส่งต่อไปยัง</dt><dd>{view.forwardedToLabel}</dd></div>}
        <div><dt>รูปภาพที่ส่งแล้ว</dt><dd>{withDigits(String(view.attachments), d)} รูป</dd></div>
      </dl>
      {view.waitingForReporter && <p class="notice notice-warn">เจ้าหน้าที่มีคำถามถึงท่าน กรุณาตอบด้านล่าง</p>}
      <h2>ข้อความ</h2>
      {view.messages.length === 0 ? (
        <p>ยังไม่มีข้อความ</p>
      ) : (
        <ol class="messages">
          {view.messages.map((m) => (
            <li class={`message message-${m.from}`}>
              <p class="message-meta">{m.from === 'agency' ? 'เจ้าหน้าที่' : 'ท่าน'} · {formatThaiDateTime(m.at, d)}</p>
              <p class="message-body">{m.body}</p>
            </li>
          ))}
        </ol>
      )}
      <h2>ส่งข้อความหรือข้อมูลเพิ่ม</h2>
      <form method="post" action={`/a/${slug}/report-corruption/reply`} enctype="multipart/form-data" novalidate>
        {/* The token first: the platform reads it from the front of a multipart body (never the URL). */}
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="receipt" value={receipt} />
        <TextArea name="message" label="ข้อความถึงเจ้าหน้าที่" rows={5} value={message} error={errorFor(errors, 'message')} />
        <div class="field">
          <label class="label" for="f-files">รูปภาพเพิ่มเติม (ถ้ามี)</label>
          {errorFor(errors, 'files') && <p class="error-message">{errorFor(errors, 'files')!}</p>}
          <input class="file-input" type="file" id="f-files" name="files" accept="image/jpeg,image/png" multiple />
        </div>
        <Button>ส่งข้อความ</Button>
      </form>
    </Layout>
  );
}
