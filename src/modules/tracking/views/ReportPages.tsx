/** Periodic reports: the year's list, the form of one report (required elements as required fields), the public page. */
import { Layout } from '../../../ui/Layout.js';
import { Button, CsrfField, DataTable, Field, Tag, TextArea, errorFor } from '../../../ui/components.js';
import type { PageContext } from '../../../ui/context.js';
import type { FieldError } from '../../../shared/errors.js';
import { formatThaiDateTime, withDigits } from '../../../shared/thai.js';
import { DocumentView, type DocModel } from '../../documents/index.js';
import { periodText } from '../domain/period.js';
import { PROJECT_COLUMNS } from '../domain/projects-input.js';
import { sectionElements } from '../domain/report-document.js';
import type { ReportView } from '../report-service.js';

export function ReportsPage(props: { ctx: PageContext; year: number; reports: ReportView[] }) {
  const { ctx, year } = props;
  const digits = ctx.agency?.digits ?? 'thai';
  const n = (v: number | string) => withDigits(String(v), digits);
  const title = `รายงานตามรอบ ปีงบประมาณ ${n(year)}`;
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p>
        <a href={`/admin/reports/${year - 1}`}>ปี {n(year - 1)}</a> · <a href={`/admin/reports/${year + 1}`}>ปี {n(year + 1)}</a>
      </p>
      <DataTable caption={title} head={['รายงาน', 'รอบ', 'รายการ OIT ที่รับรายงาน', 'สถานะ']}>
        {props.reports.map((r) => (
          <tr>
            <td>
              <a href={`/admin/reports/${year}/${r.key}`}>{r.title}</a>
            </td>
            <td>{r.spec.round ? `รอบ ${n(r.spec.round)} เดือน` : 'แผน'}</td>
            <td>{r.target ? `${n(r.target.year)} ${r.target.item.code}` : 'ไม่มีในแคตตาล็อก'}</td>
            <td>{r.producedAt ? <Tag tone="good">จัดทำแล้ว {formatThaiDateTime(r.producedAt, digits)}</Tag> : <Tag>ยังไม่จัดทำ</Tag>}</td>
          </tr>
        ))}
      </DataTable>
    </Layout>
  );
}

export interface ReportFormValues {
  problems: string;
  suggestions: string;
  summary: string;
  intro: string;
  projects: string;
  sections: Record<string, string>;
}

export function ReportFormPage(props: { ctx: PageContext; report: ReportView; values: ReportFormValues; errors?: FieldError[]; publicUrl: string | null }) {
  const { ctx, report, values, errors } = props;
  const { spec } = report;
  const digits = ctx.agency?.digits ?? 'thai';
  const base = `/admin/reports/${spec.year}/${report.key}`;
  const heading = `${report.title} ${withDigits(`ปีงบประมาณ ${spec.year}${spec.round ? ` รอบ ${spec.round} เดือน` : ''}`, digits)}`;
  const projectsKind = spec.kind === 'anti-corruption-plan' ? 'plan' : spec.kind === 'anti-corruption-report' || spec.kind === 'operating-plan-report' ? 'result' : null;
  const hasProblems = spec.kind !== 'anti-corruption-plan';
  return (
    <Layout ctx={ctx} title={heading} errors={errors}>
      <p>
        <a href={`/admin/reports/${spec.year}`}>← รายงานทั้งหมดของปี</a>
      </p>
      <h1>{heading}</h1>
      <p>ช่วงเวลาที่รายงาน: {periodText(spec.year, spec.round, digits)}</p>
      <p>
        {report.target ? (
          <>
            เมื่อจัดทำแล้ว รายงานจะแนบกับรายการ <a href={`/admin/oit/${report.target.year}/${report.target.item.code}`}>{report.target.item.code} {report.target.item.titleTh}</a> ของปีงบประมาณ {withDigits(String(report.target.year), digits)}
          </>
        ) : (
          'แคตตาล็อกยังไม่มีรายการ OIT สำหรับรายงานนี้ รายงานจะจัดทำได้แต่ไม่แนบกับรายการใด'
        )}
      </p>
      {report.producedAt && (
        <p class="notice notice-info" id="report-produced">
          จัดทำแล้วเมื่อ {formatThaiDateTime(report.producedAt, digits)} · <a href={`${base}.pdf`}>PDF</a> · <a href={`${base}.docx`}>Word</a>
          {props.publicUrl && (
            <>
              {' '}· <a href={props.publicUrl}>หน้าเว็บสาธารณะ</a>
            </>
          )}
          {!props.publicUrl && report.attachedTo.length > 0 && (
            <>
              {' '}· ยังไม่เปิดเผยต่อสาธารณะ: หน้าเว็บของรายงานจะเปิดเมื่อผู้ประสานงานเผยแพร่รายการ OIT ที่แนบไว้แล้ว
            </>
          )}
        </p>
      )}
      <form method="post" action={base} enctype="multipart/form-data" novalidate>
        <CsrfField token={ctx.csrfToken} />
        {spec.kind === 'anti-corruption-plan' && <TextArea name="intro" label="บทนำ (ถ้ามี)" value={values.intro} rows={3} />}
        {spec.kind !== 'anti-corruption-plan' && spec.kind !== 'generic' && <TextArea name="summary" label="สรุปภาพรวม (ถ้ามี)" value={values.summary} rows={3} />}
        {spec.kind === 'generic' &&
          report.target &&
          sectionElements(report.target.item).map((e) => <TextArea name={`sections.${e.key}`} label={e.textTh} value={values.sections[e.key] ?? ''} error={errorFor(errors, `sections.${e.key}`)} rows={4} />)}
        {projectsKind && (
          <>
            <TextArea
              name="projects"
              label="โครงการ/กิจกรรม"
              hint={`บรรทัดละหนึ่งโครงการ คั่นช่องด้วย | ตามลำดับ: ${PROJECT_COLUMNS[projectsKind].map((c) => c.th).join(' | ')}`}
              value={values.projects}
              error={errorFor(errors, 'projects')}
              rows={6}
            />
            <Field name="file" label="หรือนำเข้าจากไฟล์ Excel (.xlsx)" hint={`แผ่นงานแรก มีแถวหัวตาราง: ${PROJECT_COLUMNS[projectsKind].map((c) => c.th).join(', ')}; ไฟล์แทนที่รายการที่พิมพ์ไว้`} error={errorFor(errors, 'file')}>
              {(a) => <input {...a} type="file" class="input" accept=".xlsx" />}
            </Field>
          </>
        )}
        {hasProblems && (
          <>
            <TextArea name="problems" label="ปัญหา อุปสรรค (จำเป็น)" value={values.problems} error={errorFor(errors, 'problems')} rows={4} />
            <TextArea name="suggestions" label="ข้อเสนอแนะ (จำเป็น)" value={values.suggestions} error={errorFor(errors, 'suggestions')} rows={4} />
          </>
        )}
        <div class="actions">
          <Button>จัดทำรายงานและแนบกับรายการ OIT</Button>
        </div>
      </form>
    </Layout>
  );
}

export function PublicReportPage({ ctx, model, base }: { ctx: PageContext; model: DocModel; base: string }) {
  return (
    <Layout ctx={ctx} title={model.title} variant="public" stylesheets={['/assets/document.css']}>
      <nav aria-label="ดาวน์โหลดเอกสาร" class="notice notice-info">
        ดาวน์โหลดเอกสาร: <a href={`${base}.pdf`}>ไฟล์ PDF</a> · <a href={`${base}.docx`}>ไฟล์ Word (DOCX)</a>
      </nav>
      <DocumentView model={model} />
    </Layout>
  );
}
