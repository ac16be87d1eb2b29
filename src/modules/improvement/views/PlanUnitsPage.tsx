/**
 * The agency's responsible unit for each kind of work in drafted plans: set once, used by every
 * later draft (rows already drafted keep their units; officers edit those row by row).
 */
import { Layout } from '../../../ui/Layout.js';
import type { PageContext } from '../../../ui/context.js';
import { messages, tr } from '../../../ui/i18n.js';
import { Button, CsrfField, Select, errorFor } from '../../../ui/components.js';
import type { FieldError } from '../../../shared/errors.js';
import type { UnitDefaultView } from '../service.js';

const M = messages({
  title: { th: 'หน่วยงานผู้รับผิดชอบตามประเภทงาน', en: 'Responsible units by kind of work' },
  intro: {
    th: 'เมื่อร่างแผนปรับปรุง ระบบจะกำหนดผู้รับผิดชอบแต่ละแถวตามประเภทงานด้านล่าง เลือกครั้งเดียว ระบบจะจำไว้ใช้กับการร่างแผนครั้งต่อไป (แถวที่ร่างไว้แล้วไม่เปลี่ยน)',
    en: 'Drafted plan rows get their responsible unit by the kind of work below. Choose once; later drafts use it (rows already drafted keep theirs).',
  },
  automatic: { th: 'ให้ระบบเลือกตามชื่อหน่วยงาน', en: 'Choose by unit name' },
  now: { th: 'ขณะนี้ใช้', en: 'Now used' },
  none: { th: 'ยังไม่มีหน่วยงานที่ตรงกัน', en: 'no matching unit' },
  save: { th: 'บันทึก', en: 'Save' },
  back: { th: 'กลับไปหน้าแผนปรับปรุง', en: 'Back to the plans' },
});

export function PlanUnitsPage({ ctx, kinds, units, values, errors }: { ctx: PageContext; kinds: UnitDefaultView[]; units: string[]; values?: Record<string, string>; errors?: FieldError[] }) {
  const L = ctx.locale;
  return (
    <Layout ctx={ctx} title={tr(L, M.title)} errors={errors}>
      <h1>{tr(L, M.title)}</h1>
      <p>{tr(L, M.intro)}</p>
      <form method="post" action="/admin/plan/units" novalidate>
        <CsrfField token={ctx.csrfToken} />
        {kinds.map((k) => (
          <Select
            name={k.kind}
            label={k.labelTh}
            hint={`${tr(L, M.now)}: ${k.effective ?? tr(L, M.none)}`}
            options={units.map((u) => ({ value: u, label: u }))}
            value={values ? (values[k.kind] ?? '') : k.chosen}
            includeEmpty={tr(L, M.automatic)}
            error={errorFor(errors, k.kind)}
          />
        ))}
        <Button>{tr(L, M.save)}</Button>
      </form>
      <p>
        <a href="/admin/plan">{tr(L, M.back)}</a>
      </p>
    </Layout>
  );
}
