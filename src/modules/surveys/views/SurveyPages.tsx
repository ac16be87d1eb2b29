/** The survey engine's pages: answering with a one-time link (public) and results for staff. */
import type { PageContext } from '../../../ui/context.js';
import { Layout } from '../../../ui/Layout.js';
import { Button, CsrfField, DataTable, RadioGroup, Select, TextArea, TextField, errorFor } from '../../../ui/components.js';
import type { FieldError } from '../../../shared/errors.js';
import { formatInteger, formatNumber } from '../../../shared/thai.js';
import { LIKERT_LABELS, QUESTION_TYPES, QUESTION_TYPE_LABELS, scaleOf, type Question, type QuestionSummary } from '../domain/questions.js';
import { FORM_CLOSED, type SurveyForm, type SurveyResults } from '../service.js';

/** The controls of one question; shared by the public page and any module that embeds a survey. */
export function QuestionControl({ q, value, error }: { q: Question; value?: string; error?: string }) {
  const scale = scaleOf(q);
  const legend = `${q.text}${q.required ? '' : ' (ไม่บังคับ)'}`;
  if (scale) {
    const labels = LIKERT_LABELS[q.type as 'likert4' | 'likert5'];
    return <RadioGroup name={q.key} legend={legend} inline error={error} value={value ?? null} options={labels.map((l, i) => ({ value: String(i + 1), label: `${i + 1} ${l}` }))} />;
  }
  if (q.type === 'yesno') return <RadioGroup name={q.key} legend={legend} inline error={error} value={value ?? null} options={[{ value: 'yes', label: 'ใช่' }, { value: 'no', label: 'ไม่ใช่' }]} />;
  if (q.type === 'choice') return <RadioGroup name={q.key} legend={legend} error={error} value={value ?? null} options={(q.options ?? []).map((o) => ({ value: o, label: o }))} />;
  return <TextArea name={q.key} label={legend} value={value ?? ''} error={error} rows={3} />;
}

export function SurveyAnswerPage(props: { ctx: PageContext; form: SurveyForm; action: string; spent: boolean; values?: Record<string, string>; errors?: FieldError[] }) {
  const { ctx, form } = props;
  return (
    <Layout ctx={ctx} title={form.title} errors={props.errors} variant="public">
      <h1>{form.title}</h1>
      {props.spent ? (
        // A page state, not a live region: right after answering, the flash (role=status) already
        // announces the save, and two status regions would read the same news twice.
        <div class="notice notice-info">
          ขอบคุณที่ตอบแบบสำรวจ ลิงก์นี้ใช้ตอบได้ครั้งเดียวและได้บันทึกคำตอบแล้ว
        </div>
      ) : form.closedAt ? (
        <div class="notice notice-info">{FORM_CLOSED}</div>
      ) : (
        <>
          {form.purpose && <p class="lead">{form.purpose}</p>}
          <p>คำตอบของท่านจะถูกบันทึกโดยไม่ผูกกับชื่อหรือลิงก์นี้ และใช้ได้เพียงครั้งเดียว</p>
          <form method="post" action={props.action} novalidate>
            <CsrfField token={ctx.csrfToken} />
            {form.questions.map((q) => (
              <QuestionControl q={q} value={props.values?.[q.key]} error={errorFor(props.errors, q.key)} />
            ))}
            <Button>ส่งคำตอบ</Button>
          </form>
        </>
      )}
    </Layout>
  );
}


export function summaryText(s: QuestionSummary, digits: 'thai' | 'arabic'): string {
  if (s.mean !== undefined) return `เฉลี่ย ${formatNumber(s.mean, digits, 2)} จาก ${formatInteger(s.scale!, digits)}`;
  if (s.yesShare !== undefined) return `ตอบ "ใช่" ร้อยละ ${formatNumber(s.yesShare * 100, digits, 1)}`;
  if (s.counts) return Object.entries(s.counts).map(([k, n]) => `${k}: ${formatInteger(n, digits)}`).join(', ');
  return s.type === 'text' ? 'ข้อความอิสระ (ไม่แสดงรายคน)' : '–';
}

export function SurveyListPage({ ctx, forms }: { ctx: PageContext; forms: (SurveyForm & { responses: number })[] }) {
  const digits = ctx.agency?.digits ?? 'arabic';
  return (
    <Layout ctx={ctx} title="แบบสำรวจ">
      <h1>แบบสำรวจ</h1>
      <p class="lead">แบบสำรวจทุกชุดของหน่วยงานใช้กลไกเดียวกัน: ลิงก์ตอบได้ครั้งเดียว และเก็บคำตอบโดยไม่ผูกกับผู้ตอบ</p>
      <DataTable caption="แบบสำรวจของหน่วยงาน" head={['แบบสำรวจ', 'ฉบับที่', 'จำนวนคำถาม', 'จำนวนผู้ตอบ']}>
        {forms.map((f) => (
          <tr>
            <td>
              {f.ownerResultsOnly ? (
                <>
                  {f.title}
                  <div class="hint">ดูผลที่เมนูประเมินตนเองก่อน ITA (แสดงรายหน่วยเฉพาะที่มีผู้ตอบถึงเกณฑ์)</div>
                </>
              ) : (
                <a href={`/admin/surveys/${f.id}`}>{f.title}</a>
              )}
            </td>
            <td>{formatInteger(f.versionNo, digits)}</td>
            <td>{formatInteger(f.questions.length, digits)}</td>
            <td>{formatInteger(f.responses, digits)}</td>
          </tr>
        ))}
      </DataTable>
    </Layout>
  );
}

export function SurveyResultsPage(props: { ctx: PageContext; results: SurveyResults; values?: Record<string, string>; errors?: FieldError[] }) {
  const { ctx, results } = props;
  const digits = ctx.agency?.digits ?? 'arabic';
  const f = results.form;
  return (
    <Layout ctx={ctx} title={f.title} errors={props.errors}>
      <h1>{f.title}</h1>
      <p>
        ฉบับที่ {formatInteger(f.versionNo, digits)} · ผู้ตอบทั้งหมด {formatInteger(results.responses, digits)} คน
        {results.score !== undefined && <> · คะแนนความพึงพอใจ {formatNumber(results.score, digits, 1)} จาก 100</>}
      </p>
      <p class="actions">
        <a class="button button-secondary" href={`/admin/surveys/${f.id}/export.csv`}>ดาวน์โหลด CSV</a>
        <a class="button button-secondary" href={`/admin/surveys/${f.id}/export.xlsx`}>ดาวน์โหลด Excel (XLSX)</a>
      </p>
      <DataTable caption="ผลรายข้อ" head={['ข้อ', 'ชนิด', 'ผู้ตอบ', 'ผล']}>
        {results.questions.map((s) => (
          <tr>
            <td>{s.text}</td>
            <td>{QUESTION_TYPE_LABELS[s.type]}</td>
            <td>{formatInteger(s.answered, digits)}</td>
            <td>{summaryText(s, digits)}</td>
          </tr>
        ))}
      </DataTable>
      {ctx.can('survey.manage') && (
        <form method="post" action={`/admin/surveys/${f.id}/questions`} novalidate>
          <CsrfField token={ctx.csrfToken} />
          <h2>เพิ่มคำถาม (ออกแบบสำรวจฉบับใหม่)</h2>
          <p class="hint">คำตอบที่ได้รับแล้วยังผูกกับฉบับเดิม คำถามใหม่จะใช้กับผู้ตอบถัดไป</p>
          <TextField name="text" label="ข้อความคำถาม" value={props.values?.text} error={errorFor(props.errors, 'text')} />
          <Select name="type" label="ชนิดคำถาม" value={props.values?.type ?? 'likert5'} error={errorFor(props.errors, 'type')} options={QUESTION_TYPES.map((t) => ({ value: t, label: QUESTION_TYPE_LABELS[t] }))} />
          <TextArea name="options" label="ตัวเลือก (บรรทัดละหนึ่งข้อ เฉพาะคำถามแบบเลือก)" value={props.values?.options} error={errorFor(props.errors, 'options')} rows={3} />
          <Button>เพิ่มคำถาม</Button>
        </form>
      )}
    </Layout>
  );
}
