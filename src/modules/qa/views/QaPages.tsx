/** Q&A pages: the public list with search, asking, following up; the staff queue and answer form. */
import type { PageContext } from '../../../ui/context.js';
import { Layout } from '../../../ui/Layout.js';
import { Button, CsrfField, DataTable, RadioGroup, Select, Tag, TextArea, TextField, errorFor } from '../../../ui/components.js';
import type { FieldError } from '../../../shared/errors.js';
import { formatInteger, formatNumber, formatThaiDate, formatThaiDateTime } from '../../../shared/thai.js';
import { QA_STATE_LABELS, type QaCategory, type ResponseTimeStats } from '../domain/qa.js';
import type { PublicQaEntry, QaEntry } from '../service.js';

const base = (ctx: PageContext) => `/a/${ctx.agency!.slug}/qa`;
const digitsOf = (ctx: PageContext) => ctx.agency?.digits ?? 'arabic';
/** Askers choose among the categories in use; the search filter also offers retired ones (old questions keep them). */
const categoryOptions = (categories: readonly QaCategory[], withRetired: boolean) =>
  categories.filter((c) => withRetired || !c.retired).map((c) => ({ value: c.key, label: c.retired ? `${c.nameTh} (เลิกใช้แล้ว)` : c.nameTh }));

export function StatsCards({ ctx, stats }: { ctx: PageContext; stats: ResponseTimeStats }) {
  const d = digitsOf(ctx);
  return (
    <div class="cards">
      <div class="card">
        <div class="card-label">คำถามทั้งหมด</div>
        <div class="card-value">{formatInteger(stats.asked, d)}</div>
      </div>
      <div class="card">
        <div class="card-label">ตอบแล้ว</div>
        <div class="card-value">{formatInteger(stats.answered, d)}</div>
      </div>
      <div class="card">
        <div class="card-label">ระยะเวลาตอบ (มัธยฐาน)</div>
        <div class="card-value">{stats.medianDays !== undefined ? `${formatNumber(stats.medianDays, d, 1)} วัน` : '–'}</div>
      </div>
      <div class="card">
        <div class="card-label">ตอบภายใน {formatInteger(stats.withinDays, d)} วัน</div>
        <div class="card-value">{stats.withinShare !== undefined ? `ร้อยละ ${formatNumber(stats.withinShare * 100, d, 0)}` : '–'}</div>
      </div>
    </div>
  );
}

function PublicEntry({ ctx, e, link }: { ctx: PageContext; e: PublicQaEntry; link: boolean }) {
  const d = digitsOf(ctx);
  return (
    <article class="card">
      <p class="hint">
        {e.categoryName} · ถามเมื่อ {formatThaiDate(e.askedOn, { digits: d })}
        {e.askerName ? ` · โดย ${e.askerName}` : ''}
      </p>
      <h3>{link ? <a href={`${base(ctx)}/${e.id}`}>{e.question}</a> : e.question}</h3>
      {e.answer ? (
        <div>
          <p>
            <strong>คำตอบ</strong> ({formatThaiDate(e.answeredOn!, { digits: d })})
          </p>
          <p class="message-body">{e.answer}</p>
        </div>
      ) : (
        <p>
          <Tag tone="warn">รอคำตอบ</Tag>
        </p>
      )}
    </article>
  );
}

export function QaIndexPage(props: { ctx: PageContext; entries: PublicQaEntry[]; stats: ResponseTimeStats; query: string; category: string; categories: QaCategory[] }) {
  const { ctx } = props;
  return (
    <Layout ctx={ctx} title="ถาม-ตอบ (Q&A)" variant="public">
      <h1>ถาม-ตอบ (Q&amp;A)</h1>
      <p class="lead">สอบถามหน่วยงานได้โดยไม่ต้องสมัครสมาชิก เจ้าหน้าที่ตรวจสอบคำถามก่อนเผยแพร่และตอบไว้ที่หน้านี้ ใครก็อ่านได้</p>
      <p class="actions">
        <a class="button button-primary" href={`${base(ctx)}/ask`}>ส่งคำถาม</a>
        <a class="button button-secondary" href={`${base(ctx)}/follow`}>ติดตามคำถามของท่าน</a>
      </p>
      <h2>สถิติการตอบคำถาม</h2>
      <StatsCards ctx={ctx} stats={props.stats} />
      <h2>ค้นหาคำถาม</h2>
      <form method="get" action={base(ctx)} role="search">
        <TextField name="q" label="คำค้น" value={props.query} hint="พิมพ์คำที่ต้องการ เช่น ใบอนุญาตก่อสร้าง" />
        <Select name="category" label="หมวด" options={categoryOptions(props.categories, true)} value={props.category} includeEmpty="ทุกหมวด" />
        <Button variant="secondary">ค้นหา</Button>
      </form>
      <h2>
        คำถามและคำตอบ ({formatInteger(props.entries.length, digitsOf(ctx))} เรื่อง)
      </h2>
      {props.entries.length ? props.entries.map((e) => <PublicEntry ctx={ctx} e={e} link />) : <p>ไม่พบคำถามที่ตรงกับการค้นหา</p>}
    </Layout>
  );
}

export function QaEntryPage({ ctx, entry }: { ctx: PageContext; entry: PublicQaEntry }) {
  return (
    <Layout ctx={ctx} title={`ถาม-ตอบ: ${entry.question.slice(0, 60)}`} variant="public">
      <p>
        <a href={base(ctx)}>กลับไปหน้าถาม-ตอบ</a>
      </p>
      <h1>ถาม-ตอบ</h1>
      <PublicEntry ctx={ctx} e={entry} link={false} />
    </Layout>
  );
}

export function QaAskPage(props: { ctx: PageContext; categories: QaCategory[]; values?: Record<string, string>; errors?: FieldError[] }) {
  const { ctx, values = {}, errors } = props;
  return (
    <Layout ctx={ctx} title="ส่งคำถามถึงหน่วยงาน" errors={errors} variant="public">
      <h1>ส่งคำถามถึงหน่วยงาน</h1>
      <p>ไม่ต้องสมัครสมาชิก ไม่ต้องระบุชื่อ เมื่อส่งแล้วจะได้รับรหัสติดตามสำหรับดูคำตอบ</p>
      <div class="notice notice-info">
        หากต้องการแจ้งเบาะแสการทุจริต โปรดใช้ <a href={`/a/${ctx.agency!.slug}/report-corruption`}>ช่องทางแจ้งเบาะแสการทุจริต</a> ซึ่งปกปิดตัวตนผู้แจ้ง
      </div>
      <form method="post" action={`${base(ctx)}/ask`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <Select name="category" label="หมวดของคำถาม" options={categoryOptions(props.categories, false)} value={values.category ?? ''} includeEmpty="เลือกหมวด" error={errorFor(errors, 'category')} />
        <TextArea name="question" label="คำถาม" value={values.question} rows={5} error={errorFor(errors, 'question')} />
        <TextField name="askerName" label="ชื่อผู้ถาม (ไม่บังคับ)" hint="ถ้าระบุ ชื่อจะแสดงพร้อมคำถามที่เผยแพร่" value={values.askerName} autocomplete="name" error={errorFor(errors, 'askerName')} />
        <RadioGroup
          name="isPrivate"
          legend="การเผยแพร่"
          value={values.isPrivate ?? null}
          error={errorFor(errors, 'isPrivate')}
          options={[
            { value: '0', label: 'เผยแพร่คำถามและคำตอบให้ผู้อื่นอ่านได้ (หลังเจ้าหน้าที่ตรวจสอบ)' },
            { value: '1', label: 'ไม่เผยแพร่ ขอรับคำตอบเป็นการส่วนตัวด้วยรหัสติดตาม' },
          ]}
        />
        <Button>ส่งคำถาม</Button>
      </form>
    </Layout>
  );
}

export function QaFollowPage(props: { ctx: PageContext; entry?: QaEntry & { code: string }; code?: string; error?: string }) {
  const { ctx, entry } = props;
  const d = digitsOf(ctx);
  const errors = props.error ? [{ field: 'code', message: props.error }] : undefined;
  return (
    <Layout ctx={ctx} title="ติดตามคำถาม" errors={errors} variant="public">
      <h1>ติดตามคำถาม</h1>
      {entry ? (
        <>
          <p>
            รหัสติดตาม <span class="tracking-code" data-verbatim>{entry.code}</span>
          </p>
          <p>
            สถานะ: <Tag tone={entry.answer ? 'good' : entry.state === 'rejected' ? 'bad' : 'warn'}>{entry.answer ? 'ตอบแล้ว' : entry.state === 'rejected' ? 'ไม่เผยแพร่' : 'รอคำตอบ'}</Tag>
            {entry.isPrivate ? ' (คำถามส่วนตัว ไม่เผยแพร่)' : ''}
          </p>
          <h2>คำถาม</h2>
          <p class="message-body">{entry.question}</p>
          {entry.state === 'rejected' && entry.rejectReason && <p>เหตุผลที่ไม่เผยแพร่: {entry.rejectReason}</p>}
          {entry.answer && (
            <>
              <h2>คำตอบ</h2>
              <p class="hint">ตอบเมื่อ {formatThaiDateTime(entry.answeredAt!, d)}</p>
              <p class="message-body">{entry.answer}</p>
            </>
          )}
        </>
      ) : (
        <form method="get" action={`${base(ctx)}/follow`}>
          <TextField name="code" label="รหัสติดตาม" hint="เช่น QA-7K3M9-QXR4T" value={props.code} autocomplete="off" error={props.error} />
          <Button variant="secondary">ดูคำตอบ</Button>
        </form>
      )}
    </Layout>
  );
}

// ----- staff

export function QaAdminListPage({ ctx, entries, stats }: { ctx: PageContext; entries: QaEntry[]; stats: ResponseTimeStats }) {
  const d = digitsOf(ctx);
  const waiting = entries.filter((e) => !e.answer && e.state !== 'rejected');
  return (
    <Layout ctx={ctx} title="ถาม-ตอบ">
      <h1>ถาม-ตอบ (Q&amp;A)</h1>
      <p>
        หน้าสาธารณะ: <a href={`/a/${ctx.agency!.slug}/qa`}>/a/{ctx.agency!.slug}/qa</a> · <a href="/admin/qa/categories">จัดการหมวดคำถาม</a>
      </p>
      <StatsCards ctx={ctx} stats={stats} />
      <DataTable caption={`คำถามที่รอดำเนินการ (${formatInteger(waiting.length, d)})`} head={['วันที่ถาม', 'หมวด', 'คำถาม', 'สถานะ']}>
        {waiting.map((e) => (
          <QaRow ctx={ctx} e={e} />
        ))}
      </DataTable>
      <DataTable caption="คำถามทั้งหมด" head={['วันที่ถาม', 'หมวด', 'คำถาม', 'สถานะ']}>
        {entries.map((e) => (
          <QaRow ctx={ctx} e={e} />
        ))}
      </DataTable>
    </Layout>
  );
}

function QaRow({ ctx, e }: { ctx: PageContext; e: QaEntry }) {
  return (
    <tr>
      <td>{formatThaiDate(e.createdAt, { digits: digitsOf(ctx), style: 'short' })}</td>
      <td>{e.categoryName}</td>
      <td>
        <a href={`/admin/qa/${e.id}`}>{e.question.length > 80 ? `${e.question.slice(0, 80)}…` : e.question}</a>
      </td>
      <td>
        {QA_STATE_LABELS[e.state]}
        {e.isPrivate ? ' · ส่วนตัว' : ''}
        {e.answer ? ' · ตอบแล้ว' : ''}
      </td>
    </tr>
  );
}

export function QaAdminEntryPage(props: { ctx: PageContext; entry: QaEntry; values?: Record<string, string>; errors?: FieldError[] }) {
  const { ctx, entry: e, values = {}, errors } = props;
  const d = digitsOf(ctx);
  return (
    <Layout ctx={ctx} title="ตอบคำถาม" errors={errors}>
      <p>
        <a href="/admin/qa">กลับไปรายการคำถาม</a>
      </p>
      <h1>คำถาม</h1>
      <dl class="summary-list">
        <dt>หมวด</dt>
        <dd>{e.categoryName}</dd>
        <dt>ถามเมื่อ</dt>
        <dd>{formatThaiDateTime(e.createdAt, d)}</dd>
        <dt>ผู้ถาม</dt>
        <dd>{e.askerName ?? 'ไม่ระบุชื่อ'}</dd>
        <dt>สถานะ</dt>
        <dd>
          {QA_STATE_LABELS[e.state]}
          {e.isPrivate ? ' (ผู้ถามขอรับคำตอบเป็นการส่วนตัว)' : ''}
        </dd>
      </dl>
      <p class="message-body">{e.question}</p>
      <form method="post" action={`/admin/qa/${e.id}/answer`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <h2>{e.answer ? 'แก้ไขคำตอบ' : 'ตอบคำถาม'}</h2>
        <p class="hint">{e.isPrivate ? 'คำตอบจะแสดงเฉพาะในหน้าติดตามของผู้ถาม (ใช้รหัสติดตาม)' : 'เมื่อบันทึก คำถามและคำตอบจะเผยแพร่ที่หน้าถาม-ตอบสาธารณะ'}</p>
        <TextArea name="answer" label="คำตอบ" value={values.answer ?? e.answer} rows={6} error={errorFor(errors, 'answer')} />
        <Button>{e.isPrivate ? 'บันทึกคำตอบส่วนตัว' : 'ตอบและเผยแพร่'}</Button>
      </form>
      {!e.isPrivate && e.state === 'pending' && (
        <form method="post" action={`/admin/qa/${e.id}/moderate`} class="inline-form">
          <CsrfField token={ctx.csrfToken} />
          <input type="hidden" name="decision" value="publish" />
          <Button variant="secondary">เผยแพร่คำถามก่อน (ยังไม่ตอบ)</Button>
        </form>
      )}
      {e.state !== 'rejected' && (
        <form method="post" action={`/admin/qa/${e.id}/moderate`} novalidate>
          <CsrfField token={ctx.csrfToken} />
          <h2>ไม่เผยแพร่</h2>
          <input type="hidden" name="decision" value="reject" />
          <TextField name="reason" label="เหตุผล (ผู้ถามเห็นในหน้าติดตาม)" value={values.reason} error={errorFor(errors, 'reason')} />
          <Button variant="warning">ไม่เผยแพร่คำถามนี้</Button>
        </form>
      )}
    </Layout>
  );
}
