/**
 * Options of the measures document before download: the fiscal year in the title (default the
 * year after the results), the date of issue (default today) and the signer, from the agency's
 * executives (O2). A GET form: each button sends the same fields to the DOCX or PDF download.
 */
import { Layout } from '../../../ui/Layout.js';
import { DateInput, Select } from '../../../ui/components.js';
import type { PageContext } from '../../../ui/context.js';
import { withDigits } from '../../../shared/thai.js';

export function DocumentOptionsPage({ ctx, year, signers }: { ctx: PageContext; year: number; signers: { id: string; nameTh: string; positionTh: string }[] }) {
  const digits = ctx.agency?.digits ?? 'thai';
  const n = (v: number) => withDigits(String(v), digits);
  const title = `ตัวเลือกเอกสารมาตรการส่งเสริมคุณธรรมและความโปร่งใส (จากผลการประเมินปี ${n(year)})`;
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <form method="get" action={`/admin/documents/${year}/measures.docx`} class="document-options">
        <Select
          name="titleYear"
          label="ปีงบประมาณในชื่อเอกสาร"
          hint={`ปกติเป็นปีถัดจากปีผลการประเมิน (พ.ศ. ${n(year + 1)}) ซึ่งเป็นปีที่ดำเนินการตามมาตรการ`}
          value={String(year + 1)}
          options={[year, year + 1, year + 2].map((y) => ({ value: String(y), label: `พ.ศ. ${n(y)}` }))}
        />
        <DateInput name="issuedOn" label="วันที่จัดทำเอกสาร" hint="เว้นว่างเพื่อใช้วันที่ดาวน์โหลด" digits={digits} />
        <Select
          name="signer"
          label="ผู้ลงนาม"
          hint={signers.length ? 'เลือกจากข้อมูลผู้บริหารของหน่วยงาน เอกสารจะมีช่องลงนามตามแบบหนังสือราชการ' : 'ยังไม่มีข้อมูลผู้บริหาร เพิ่มได้ที่หน้าข้อมูลหน่วยงานหรือรายการ OIT ข้อมูลผู้บริหาร'}
          includeEmpty="ไม่ใส่ช่องลงนาม"
          options={signers.map((s) => ({ value: s.id, label: `${s.nameTh} — ${s.positionTh}` }))}
        />
        <div class="actions">
          <button type="submit" class="button button-primary">ดาวน์โหลด DOCX (แก้ไขได้)</button>
          <button type="submit" class="button button-secondary" formaction={`/admin/documents/${year}/measures.pdf`}>
            ดาวน์โหลด PDF
          </button>
        </div>
      </form>
    </Layout>
  );
}
