/**
 * Options of the measures document: the fiscal year in the title (default the year after the
 * results), the date of issue (default the day of rendering) and the signer, from the agency's
 * executives (O2). Saved per agency and results year with a plain POST form (no JavaScript
 * needed); the downloads below, the public page and files and the copy attached to OIT use them.
 */
import { Layout } from '../../../ui/Layout.js';
import { Button, CsrfField, DateInput, Select, errorFor } from '../../../ui/components.js';
import type { PageContext } from '../../../ui/context.js';
import type { FieldError } from '../../../shared/errors.js';
import { withDigits } from '../../../shared/thai.js';

export interface DocumentOptionValues {
  titleYear: string;
  issuedOn: string;
  signer: string;
}

export function DocumentOptionsPage({ ctx, year, signers, values, errors }: { ctx: PageContext; year: number; signers: { id: string; nameTh: string; positionTh: string }[]; values: DocumentOptionValues; errors?: FieldError[] }) {
  const digits = ctx.agency?.digits ?? 'thai';
  const n = (v: number) => withDigits(String(v), digits);
  const title = `ตัวเลือกเอกสารมาตรการส่งเสริมคุณธรรมและความโปร่งใส (จากผลการประเมินปี ${n(year)})`;
  const canSave = ctx.can('documents.generate');
  return (
    <Layout ctx={ctx} title={title} errors={errors}>
      <h1>{title}</h1>
      <form method="post" action={`/admin/documents/${year}/measures`} class="document-options" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <Select
          name="titleYear"
          label="ปีงบประมาณในชื่อเอกสาร"
          hint={`ปกติเป็นปีถัดจากปีผลการประเมิน (พ.ศ. ${n(year + 1)}) ซึ่งเป็นปีที่ดำเนินการตามมาตรการ`}
          value={values.titleYear}
          options={[year, year + 1, year + 2].map((y) => ({ value: String(y), label: `พ.ศ. ${n(y)}` }))}
          error={errorFor(errors, 'titleYear')}
        />
        <DateInput name="issuedOn" label="วันที่จัดทำเอกสาร" hint="เว้นว่างเพื่อใช้วันที่จัดทำไฟล์" value={values.issuedOn} digits={digits} error={errorFor(errors, 'issuedOn')} />
        <Select
          name="signer"
          label="ผู้ลงนาม"
          hint={signers.length ? 'เลือกจากข้อมูลผู้บริหารของหน่วยงาน เอกสารจะมีช่องลงนามตามแบบหนังสือราชการ' : 'ยังไม่มีข้อมูลผู้บริหาร เพิ่มได้ที่หน้าข้อมูลหน่วยงานหรือรายการ OIT ข้อมูลผู้บริหาร'}
          includeEmpty="ไม่ใส่ช่องลงนาม"
          value={values.signer}
          options={signers.map((s) => ({ value: s.id, label: `${s.nameTh} — ${s.positionTh}` }))}
          error={errorFor(errors, 'signer')}
        />
        {canSave && (
          <div class="actions">
            <Button>บันทึกตัวเลือก</Button>
          </div>
        )}
      </form>
      <h2>ดาวน์โหลดตามตัวเลือกที่บันทึกไว้</h2>
      <p class="actions">
        <a class="button button-secondary" href={`/admin/documents/${year}/measures.docx`}>
          ดาวน์โหลด DOCX (แก้ไขได้)
        </a>
        <a class="button button-secondary" href={`/admin/documents/${year}/measures.pdf`}>
          ดาวน์โหลด PDF
        </a>
      </p>
    </Layout>
  );
}
