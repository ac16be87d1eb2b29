import { Layout } from '../../../ui/Layout.js';
import type { PageContext } from '../../../ui/context.js';
import { messages, tr } from '../../../ui/i18n.js';
import { withDigits } from '../../../shared/thai.js';
import { PLAN_MESSAGES_UI } from './PlanPage.js';

const M = messages({
  none: { th: 'ยังไม่มีผลการประเมิน ITA กรุณาบันทึกหรือนำเข้าผลการประเมินก่อน', en: 'No ITA results yet. Enter or import results first.' },
  enter: { th: 'ไปที่ผลการประเมิน ITA', en: 'Go to ITA results' },
  results: { th: 'ผลการประเมินปี', en: 'Results of' },
  rows: { th: 'แถว', en: 'rows' },
  noPlan: { th: 'ยังไม่มีแผน', en: 'no plan yet' },
  units: { th: 'กำหนดหน่วยงานผู้รับผิดชอบตามประเภทงาน (ใช้เมื่อร่างแผน)', en: 'Set responsible units by kind of work (used by drafts)' },
});

export function PlanIndexPage({ ctx, years }: { ctx: PageContext; years: { year: number; rows: number | null }[] }) {
  const L = ctx.locale;
  const d = (n: number) => withDigits(String(n), ctx.agency?.digits ?? 'thai');
  return (
    <Layout ctx={ctx} title={tr(L, PLAN_MESSAGES_UI.title)}>
      <h1>{tr(L, PLAN_MESSAGES_UI.title)}</h1>
      {years.length === 0 ? (
        <p>
          {tr(L, M.none)} <a href="/admin/results">{tr(L, M.enter)}</a>
        </p>
      ) : (
        <ul>
          {years.map((y) => (
            <li>
              <a href={`/admin/plan/${y.year}`}>
                {tr(L, M.results)} {d(y.year)}
              </a>{' '}
              — {y.rows === null ? tr(L, M.noPlan) : `${d(y.rows)} ${tr(L, M.rows)}`}
            </li>
          ))}
        </ul>
      )}
      <p>
        <a href="/admin/plan/units">{tr(L, M.units)}</a>
      </p>
    </Layout>
  );
}
