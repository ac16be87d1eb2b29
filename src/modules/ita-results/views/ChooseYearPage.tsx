import { Layout } from '../../../ui/Layout.js';
import { Button, Select } from '../../../ui/components.js';
import type { PageContext } from '../../../ui/context.js';
import { messages, tr } from '../../../ui/i18n.js';
import { formatters } from './format.js';

const M = messages({
  title: { th: 'บันทึกผลการประเมิน ITA ปีใหม่', en: 'Enter a new year of ITA results' },
  back: { th: 'ผลการประเมินทุกปี', en: 'All years' },
  year: { th: 'ปีงบประมาณที่ประเมิน', en: 'Assessed fiscal year' },
  hint: { th: 'เลือกได้เฉพาะปีที่มีแคตตาล็อก ITA ในระบบ ปีที่บันทึกแล้วจะเปิดหน้าแก้ไข', en: 'Only years with an ITA catalogue; a year already entered opens for editing.' },
  entered: { th: 'บันทึกแล้ว', en: 'entered' },
  next: { th: 'ต่อไป', en: 'Continue' },
});

/** A GET form: choosing a year needs no CSRF token and works without JavaScript. */
export function ChooseYearPage({ ctx, years, entered }: { ctx: PageContext; years: number[]; entered: number[] }) {
  const L = ctx.locale;
  const f = formatters(ctx);
  const latestFree = [...years].reverse().find((y) => !entered.includes(y)) ?? years[years.length - 1];
  return (
    <Layout ctx={ctx} title={tr(L, M.title)}>
      <p>
        <a href="/admin/results">{tr(L, M.back)}</a>
      </p>
      <h1>{tr(L, M.title)}</h1>
      <form method="get" action="/admin/results/new">
        <Select
          name="year"
          label={tr(L, M.year)}
          hint={tr(L, M.hint)}
          value={latestFree !== undefined ? String(latestFree) : undefined}
          options={[...years].reverse().map((y) => ({ value: String(y), label: `${f.text(y)}${entered.includes(y) ? ` (${tr(L, M.entered)})` : ''}` }))}
        />
        <Button>{tr(L, M.next)}</Button>
      </form>
    </Layout>
  );
}
