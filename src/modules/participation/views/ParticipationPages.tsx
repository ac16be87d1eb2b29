/** Participation pages: public list, activity (register/opinion), report; staff list and editor. */
import type { PageContext } from '../../../ui/context.js';
import { Layout } from '../../../ui/Layout.js';
import { Button, CsrfField, DataTable, DateInput, RadioGroup, Select, TextArea, TextField, errorFor } from '../../../ui/components.js';
import type { DigitStyle } from '../../../shared/thai.js';
import type { FieldError } from '../../../shared/errors.js';
import { formatInteger, formatThaiDate } from '../../../shared/thai.js';
import { ACTIVITY_KINDS, ACTIVITY_KIND_LABELS, groupsText, totalParticipants } from '../domain/report.js';
import type { Activity, ActivityCounts } from '../service.js';

const digitsOf = (ctx: PageContext) => ctx.agency?.digits ?? 'arabic';
const pub = (ctx: PageContext) => `/a/${ctx.agency!.slug}/participation`;
const when = (ctx: PageContext, a: Activity) =>
  `${formatThaiDate(a.startsOn, { digits: digitsOf(ctx) })}${a.endsOn !== a.startsOn ? ` ถึง ${formatThaiDate(a.endsOn, { digits: digitsOf(ctx) })}` : ''}`;

export function PublicListPage({ ctx, activities }: { ctx: PageContext; activities: Activity[] }) {
  return (
    <Layout ctx={ctx} title="การมีส่วนร่วมและการรับฟังความคิดเห็น" variant="public">
      <h1>การมีส่วนร่วมและการรับฟังความคิดเห็น</h1>
      <p class="lead">หน่วยงานเปิดให้ประชาชนร่วมแสดงความคิดเห็นและร่วมกิจกรรม ลงทะเบียนหรือส่งความคิดเห็นทางออนไลน์ได้โดยไม่ต้องสมัครสมาชิก</p>
      {activities.length ? (
        <ul class="link-list">
          {activities.map((a) => (
            <li>
              <a href={`${pub(ctx)}/${a.id}`}>{a.title}</a>
              <div class="hint">
                {ACTIVITY_KIND_LABELS[a.kind]} · {when(ctx, a)} · {a.place}
                {a.reportProducedAt ? ' · มีรายงานผลแล้ว' : ''}
              </div>
            </li>
          ))}
        </ul>
      ) : (
        <p>ยังไม่มีกิจกรรมที่เผยแพร่</p>
      )}
    </Layout>
  );
}

export function PublicActivityPage(props: { ctx: PageContext; activity: Activity; counts: ActivityCounts; values?: Record<string, string>; errors?: FieldError[] }) {
  const { ctx, activity: a, values = {}, errors } = props;
  const d = digitsOf(ctx);
  return (
    <Layout ctx={ctx} title={a.title} errors={errors} variant="public">
      <p>
        <a href={pub(ctx)}>กิจกรรมทั้งหมด</a>
      </p>
      <h1>{a.title}</h1>
      <dl class="summary-list">
        <dt>รูปแบบ</dt>
        <dd>{ACTIVITY_KIND_LABELS[a.kind]}</dd>
        <dt>วันที่</dt>
        <dd>{when(ctx, a)}</dd>
        <dt>สถานที่</dt>
        <dd>{a.place}</dd>
        <dt>ลงทะเบียน/ความคิดเห็นออนไลน์</dt>
        <dd>
          ลงทะเบียน {formatInteger(props.counts.registrations, d)} คน · ความคิดเห็น {formatInteger(props.counts.opinions, d)} รายการ
        </dd>
      </dl>
      {a.issue && (
        <>
          <h2>ประเด็นที่ขอรับฟัง</h2>
          <p class="message-body">{a.issue}</p>
        </>
      )}
      {a.reportProducedAt && (
        <p>
          <a href={`${pub(ctx)}/${a.id}/report`}>รายงานผลการมีส่วนร่วม</a>
        </p>
      )}
      {a.acceptsOnline && (
        <form method="post" action={`${pub(ctx)}/${a.id}`} novalidate>
          <CsrfField token={ctx.csrfToken} />
          <h2>ลงทะเบียนหรือแสดงความคิดเห็น</h2>
          <p class="hint">ชื่อและช่องทางติดต่อใช้เพื่อการติดต่อกลับเท่านั้น ไม่เผยแพร่ รายงานแสดงเพียงจำนวนผู้เข้าร่วมตามกลุ่ม</p>
          <RadioGroup
            name="kind"
            legend="ต้องการ"
            value={values.kind ?? null}
            error={errorFor(errors, 'kind')}
            options={[
              { value: 'register', label: 'ลงทะเบียนเข้าร่วม' },
              { value: 'opinion', label: 'ส่งความคิดเห็น' },
            ]}
          />
          <TextField name="name" label="ชื่อ (จำเป็นสำหรับการลงทะเบียน)" value={values.name} autocomplete="name" error={errorFor(errors, 'name')} />
          <TextField name="contact" label="โทรศัพท์หรืออีเมล (ไม่บังคับ)" value={values.contact} error={errorFor(errors, 'contact')} />
          <TextField name="groupLabel" label="ท่านเข้าร่วมในฐานะ (ไม่บังคับ)" hint="เช่น ประชาชนหมู่ 3 ผู้นำชุมชน ผู้ประกอบการ" value={values.groupLabel} error={errorFor(errors, 'groupLabel')} />
          <TextArea name="opinion" label="ความคิดเห็น" value={values.opinion} rows={5} error={errorFor(errors, 'opinion')} />
          <Button>ส่ง</Button>
        </form>
      )}
    </Layout>
  );
}

export function ReportPage({ ctx, activity: a, base }: { ctx: PageContext; activity: Activity; base: string }) {
  const d = digitsOf(ctx);
  return (
    <Layout ctx={ctx} title={`รายงานผลการมีส่วนร่วม: ${a.title}`} variant={ctx.user ? 'staff' : 'public'}>
      <h1>รายงานผลการเปิดโอกาสให้มีส่วนร่วม</h1>
      <p>
        {a.title} · {ACTIVITY_KIND_LABELS[a.kind]} · ปีงบประมาณ {formatInteger(a.fiscalYear, d)} · {when(ctx, a)} ณ {a.place}
      </p>
      <p class="actions">
        <a class="button button-secondary" href={`${base}/report.docx`}>ดาวน์โหลด DOCX</a>
        <a class="button button-secondary" href={`${base}/report.pdf`}>ดาวน์โหลด PDF</a>
      </p>
      <h2>๑. ประเด็นที่เปิดให้มีส่วนร่วม</h2>
      <p class="message-body">{a.issue}</p>
      <h2>๒. ผู้มีส่วนร่วม</h2>
      <DataTable caption={`ผู้เข้าร่วมรวม ${formatInteger(totalParticipants(a.groups), d)} คน (ไม่เปิดเผยรายชื่อ)`} head={['กลุ่มผู้เข้าร่วม', 'จำนวน (คน)']}>
        {a.groups.map((g) => (
          <tr>
            <td>{g.group}</td>
            <td class="num">{formatInteger(g.count, d)}</td>
          </tr>
        ))}
      </DataTable>
      <h2>๓. ผลที่ได้จากการมีส่วนร่วม</h2>
      <p class="message-body">{a.outcome}</p>
      <h2>๔. การนำผลไปใช้</h2>
      <p class="message-body">{a.useOfResult}</p>
    </Layout>
  );
}

function ActivityFields({ values, errors, digits }: { values: Record<string, string>; errors?: FieldError[]; digits: DigitStyle }) {
  return (
    <>
      <Select name="kind" label="รูปแบบการมีส่วนร่วม" value={values.kind ?? ''} includeEmpty="เลือกรูปแบบ" error={errorFor(errors, 'kind')} options={ACTIVITY_KINDS.map((k) => ({ value: k, label: ACTIVITY_KIND_LABELS[k] }))} />
      <TextField name="title" label="ชื่อกิจกรรม" value={values.title} error={errorFor(errors, 'title')} />
      <TextArea name="issue" label="ประเด็นที่เปิดให้มีส่วนร่วม" value={values.issue} rows={3} error={errorFor(errors, 'issue')} />
      <TextField name="place" label="สถานที่" value={values.place} error={errorFor(errors, 'place')} />
      <DateInput name="startsOn" label="วันเริ่ม" digits={digits} value={values.startsOn} error={errorFor(errors, 'startsOn')} />
      <DateInput name="endsOn" label="วันสิ้นสุด" digits={digits} value={values.endsOn} error={errorFor(errors, 'endsOn')} />
      <Select name="acceptsOnline" label="รับลงทะเบียน/ความคิดเห็นออนไลน์" value={values.acceptsOnline ?? '1'} options={[{ value: '1', label: 'รับ' }, { value: '0', label: 'ไม่รับ' }]} />
      <Select name="published" label="การเผยแพร่" value={values.published ?? '0'} error={errorFor(errors, 'published')} options={[{ value: '0', label: 'ยังไม่เผยแพร่' }, { value: '1', label: 'เผยแพร่ที่หน้าสาธารณะ' }]} />
    </>
  );
}

export function StaffListPage({ ctx, activities, values = {}, errors }: { ctx: PageContext; activities: Activity[]; values?: Record<string, string>; errors?: FieldError[] }) {
  return (
    <Layout ctx={ctx} title="การมีส่วนร่วม" errors={errors}>
      <h1>การมีส่วนร่วมและการรับฟังความคิดเห็น</h1>
      <p>
        หน้าสาธารณะ: <a href={`/a/${ctx.agency!.slug}/participation`}>/a/{ctx.agency!.slug}/participation</a>
      </p>
      <DataTable caption="กิจกรรม" head={['กิจกรรม', 'ปีงบประมาณ', 'เผยแพร่', 'รายงาน']}>
        {activities.map((a) => (
          <tr>
            <td>
              <a href={`/admin/participation/${a.id}`}>{a.title}</a>
            </td>
            <td>{formatInteger(a.fiscalYear, digitsOf(ctx))}</td>
            <td>{a.published ? 'เผยแพร่แล้ว' : 'ยังไม่เผยแพร่'}</td>
            <td>{a.reportProducedAt ? 'จัดทำแล้ว' : '–'}</td>
          </tr>
        ))}
      </DataTable>
      <form method="post" action="/admin/participation" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <h2>เพิ่มกิจกรรม</h2>
        <ActivityFields values={values} errors={errors} digits={digitsOf(ctx)} />
        <Button>บันทึกกิจกรรม</Button>
      </form>
    </Layout>
  );
}

export function StaffActivityPage(props: {
  ctx: PageContext;
  activity: Activity;
  submissions: { kind: 'register' | 'opinion'; name: string | null; contact: string | null; groupLabel: string | null; opinion: string | null; createdAt: string }[];
  values?: Record<string, string>;
  errors?: FieldError[];
}) {
  const { ctx, activity: a, errors } = props;
  const v = props.values ?? {};
  const base = `/admin/participation/${a.id}`;
  const current = { kind: a.kind, title: a.title, issue: a.issue, place: a.place, startsOn: a.startsOn, endsOn: a.endsOn, acceptsOnline: a.acceptsOnline ? '1' : '0', published: a.published ? '1' : '0' };
  return (
    <Layout ctx={ctx} title={a.title} errors={errors}>
      <p>
        <a href="/admin/participation">กลับไปรายการกิจกรรม</a>
      </p>
      <h1>{a.title}</h1>
      <form method="post" action={`${base}/results`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <h2>ผลการมีส่วนร่วม (องค์ประกอบของรายงาน)</h2>
        <TextArea name="issue" label="๑. ประเด็นที่เปิดให้มีส่วนร่วม" value={v.issue ?? a.issue} rows={3} error={errorFor(errors, 'issue')} />
        <TextArea name="groups" label="๒. ผู้มีส่วนร่วม (บรรทัดละกลุ่ม รูปแบบ กลุ่ม|จำนวนคน)" hint="เช่น ผู้นำชุมชน|12 ไม่ต้องใส่รายชื่อ" value={v.groups ?? groupsText(a.groups)} rows={4} error={errorFor(errors, 'groups')} />
        <TextArea name="outcome" label="๓. ผลที่ได้จากการมีส่วนร่วม" value={v.outcome ?? a.outcome} rows={4} error={errorFor(errors, 'outcome')} />
        <TextArea name="useOfResult" label="๔. การนำผลไปใช้" value={v.useOfResult ?? a.useOfResult} rows={4} error={errorFor(errors, 'useOfResult')} />
        <Button>บันทึกผล</Button>
      </form>
      <form method="post" action={`${base}/report`}>
        <CsrfField token={ctx.csrfToken} />
        <h2>รายงานผลการมีส่วนร่วม</h2>
        <p class="hint">จัดทำได้เมื่อครบ ๔ องค์ประกอบและเผยแพร่กิจกรรมแล้ว รายงานจะแนบเป็นหลักฐาน OIT ข้อการมีส่วนร่วมของปีโดยอัตโนมัติ</p>
        <Button>{a.reportProducedAt ? 'จัดทำรายงานใหม่' : 'จัดทำรายงาน'}</Button>
      </form>
      {a.reportProducedAt && (
        <p class="actions">
          <a class="button button-secondary" href={`${base}/report.docx`}>DOCX</a>
          <a class="button button-secondary" href={`${base}/report.pdf`}>PDF</a>
          <a href={`/a/${ctx.agency!.slug}/participation/${a.id}/report`}>หน้ารายงานสาธารณะ</a>
        </p>
      )}
      <DataTable caption="ผู้ลงทะเบียนและความคิดเห็น (เฉพาะเจ้าหน้าที่ ไม่เผยแพร่)" head={['ประเภท', 'ชื่อ', 'ติดต่อ', 'ในฐานะ', 'ความคิดเห็น']}>
        {props.submissions.map((s) => (
          <tr>
            <td>{s.kind === 'register' ? 'ลงทะเบียน' : 'ความคิดเห็น'}</td>
            <td>{s.name ?? '–'}</td>
            <td>{s.contact ?? '–'}</td>
            <td>{s.groupLabel ?? '–'}</td>
            <td class="message-body">{s.opinion ?? ''}</td>
          </tr>
        ))}
      </DataTable>
      <form method="post" action={base} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <h2>แก้ไขรายละเอียดกิจกรรม</h2>
        <ActivityFields values={{ ...current, ...v }} errors={errors} digits={digitsOf(ctx)} />
        <Button>บันทึก</Button>
      </form>
    </Layout>
  );
}
