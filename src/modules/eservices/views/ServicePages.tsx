/** Staff pages of the service catalogue: services with templates to switch on, and one service's settings and form. */
import type { PageContext } from '../../../ui/context.js';
import { Layout } from '../../../ui/Layout.js';
import { Button, CsrfField, DataTable, Select, Tag, TextArea, TextField, errorFor } from '../../../ui/components.js';
import type { FieldError } from '../../../shared/errors.js';
import { formatInteger } from '../../../shared/thai.js';
import { CATEGORIES, CATEGORY_LABELS } from '../domain/states.js';
import { FIELD_TYPES, FIELD_TYPE_LABELS } from '../domain/fields.js';
import type { ServiceTemplate } from '../domain/templates.js';
import type { Service } from '../service.js';
import { EserviceTabs } from './StaffPages.js';

type Named = { id: string; name: string };

export function ServicesPage({ ctx, services, templates, slug }: { ctx: PageContext; services: Service[]; templates: readonly ServiceTemplate[]; slug: string }) {
  const d = ctx.agency?.digits ?? 'arabic';
  return (
    <Layout ctx={ctx} title="งานบริการและแบบฟอร์ม">
      <h1>งานบริการและแบบฟอร์มคำขอ</h1>
      <EserviceTabs />
      <p>
        หน้าบริการออนไลน์สำหรับประชาชน: <a href={`/a/${slug}/eservice`}>/a/{slug}/eservice</a> (นำลิงก์นี้ไปวางบนเว็บไซต์หลักของหน่วยงาน)
      </p>
      <DataTable caption="งานบริการของหน่วยงาน" head={['งานบริการ', 'ประเภท', 'ระยะเวลา (วัน)', 'จำนวนช่อง', 'สถานะ']}>
        {services.map((s) => (
          <tr>
            <td>
              <a href={`/admin/eservices/services/${s.id}`}>{s.nameTh}</a>
            </td>
            <td>{CATEGORY_LABELS[s.category]}</td>
            <td>{formatInteger(s.timeLimitDays, d)}</td>
            <td>{formatInteger(s.fields.length, d)}</td>
            <td>{s.enabled ? <Tag tone="good">เปิดรับคำขอ</Tag> : <Tag>ปิด</Tag>}</td>
          </tr>
        ))}
      </DataTable>
      {ctx.can('eservice.manage') && (
        <>
          <h2>เปิดใช้งานบริการจากแม่แบบ</h2>
          <p class="hint">หน่วยงานได้สำเนาของแม่แบบไปแก้ไขได้เอง</p>
          {templates.map((t) => (
            <form method="post" action="/admin/eservices/services/enable" class="template-row">
              <CsrfField token={ctx.csrfToken} />
              <input type="hidden" name="template" value={t.key} />
              <strong>{t.nameTh}</strong> ({CATEGORY_LABELS[t.category]}) — {t.descriptionTh} <Button variant="secondary">เปิดใช้งาน</Button>
            </form>
          ))}
        </>
      )}
    </Layout>
  );
}

const BLANK_ROWS = 3;

export function ServiceEditPage(props: { ctx: PageContext; service: Service; units: Named[]; values?: Record<string, string>; errors?: FieldError[] }) {
  const { ctx, service: s } = props;
  const v = props.values ?? serviceValues(s);
  const e = (name: string) => errorFor(props.errors, name);
  const rows = Math.max(s.fields.length, Object.keys(v).filter((k) => /^fields\.\d+\.key$/.test(k)).length - BLANK_ROWS) + BLANK_ROWS;
  return (
    <Layout ctx={ctx} title={`แก้ไข ${s.nameTh}`} errors={props.errors}>
      <p>
        <a href="/admin/eservices/services">← งานบริการทั้งหมด</a>
      </p>
      <h1>{s.nameTh}</h1>
      <form method="post" action={`/admin/eservices/services/${s.id}`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextField name="nameTh" label="ชื่องานบริการ" value={v.nameTh} error={e('nameTh')} />
        <Select name="category" label="ประเภท" value={v.category} error={e('category')} options={CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] }))} />
        <TextArea name="descriptionTh" label="คำอธิบาย" value={v.descriptionTh} error={e('descriptionTh')} rows={2} />
        <TextArea name="documentsTh" label="เอกสารที่ต้องใช้" value={v.documentsTh} error={e('documentsTh')} rows={2} />
        <TextField name="feeTh" label="ค่าธรรมเนียม" value={v.feeTh} error={e('feeTh')} />
        <TextField name="timeLimitDays" label="ระยะเวลาดำเนินการตามกฎหมาย (วัน)" value={v.timeLimitDays} error={e('timeLimitDays')} inputmode="numeric" width="short" />
        <Select name="unitId" label="หน่วยงานย่อยที่รับผิดชอบ" value={v.unitId} error={e('unitId')} includeEmpty="— ยังไม่กำหนด —" options={props.units.map((u) => ({ value: u.id, label: u.name }))} />
        <TextArea name="purposeTh" label="วัตถุประสงค์การใช้ข้อมูลส่วนบุคคล (แสดงต่อผู้ยื่นคำขอ)" value={v.purposeTh} error={e('purposeTh')} rows={2} />
        <TextField name="retentionDays" label="ระยะเวลาเก็บรักษาข้อมูลส่วนบุคคลหลังปิดเรื่อง (วัน)" value={v.retentionDays} error={e('retentionDays')} inputmode="numeric" width="short" />
        <div class="checkbox">
          <input type="checkbox" id="f-enabled" name="enabled" value="1" checked={v.enabled === '1'} />
          <label for="f-enabled">เปิดรับคำขอทางออนไลน์</label>
        </div>
        <h2>ช่องในแบบฟอร์มคำขอ</h2>
        {e("fields") && <p class="error-message">{e("fields")!}</p>}
        <p class="hint">เว้นรหัสช่องว่างเพื่อลบช่อง ตัวเลือกใส่บรรทัดละหนึ่งข้อ (เฉพาะช่องแบบตัวเลือก)</p>
        {Array.from({ length: rows }, (_, i) => (
          <fieldset class="field-row">
            <legend>ช่องที่ {i + 1}</legend>
            <TextField name={`fields.${i}.key`} label="รหัสช่อง (อังกฤษตัวเล็ก)" value={v[`fields.${i}.key`]} error={e(`fields.${i}.key`)} />
            <TextField name={`fields.${i}.label`} label="ชื่อช่อง" value={v[`fields.${i}.label`]} error={e(`fields.${i}.label`)} />
            <Select name={`fields.${i}.type`} label="ชนิด" value={v[`fields.${i}.type`] ?? 'text'} error={e(`fields.${i}.type`)} options={FIELD_TYPES.map((t) => ({ value: t, label: FIELD_TYPE_LABELS[t] }))} />
            <Select name={`fields.${i}.required`} label="ต้องกรอก" value={v[`fields.${i}.required`] ?? '0'} options={[{ value: '1', label: 'ต้องกรอก' }, { value: '0', label: 'ไม่บังคับ' }]} />
            <TextArea name={`fields.${i}.options`} label="ตัวเลือก" value={v[`fields.${i}.options`]} error={e(`fields.${i}.options`)} rows={2} />
          </fieldset>
        ))}
        <Button>บันทึก</Button>
      </form>
    </Layout>
  );
}

export function serviceValues(s: Service): Record<string, string> {
  const out: Record<string, string> = {
    nameTh: s.nameTh,
    category: s.category,
    descriptionTh: s.descriptionTh,
    documentsTh: s.documentsTh,
    feeTh: s.feeTh,
    timeLimitDays: String(s.timeLimitDays),
    unitId: s.unitId ?? '',
    purposeTh: s.purposeTh,
    retentionDays: String(s.retentionDays),
    enabled: s.enabled ? '1' : '',
  };
  s.fields.forEach((f, i) => {
    out[`fields.${i}.key`] = f.key;
    out[`fields.${i}.label`] = f.label;
    out[`fields.${i}.type`] = f.type;
    out[`fields.${i}.required`] = f.required ? '1' : '0';
    out[`fields.${i}.options`] = (f.options ?? []).join('\n');
  });
  return out;
}
