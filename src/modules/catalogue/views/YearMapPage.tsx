/**
 * Year-to-year map of OIT items: pick two years, see which items persist (and under which code),
 * which were merged into another item, which were dropped and which are new. A GET form, so it
 * works without JavaScript and the URL can be shared.
 */
import { Layout } from '../../../ui/Layout.js';
import { Button, DataTable, Select } from '../../../ui/components.js';
import type { PageContext } from '../../../ui/context.js';
import { messages, tr } from '../../../ui/i18n.js';
import type { Catalogue } from '../domain/schema.js';
import { OIT_ROLE_LABELS } from '../domain/roles.js';
import { YEAR_MAP_MATCH_LABELS, type YearMap, type YearMapItem, type YearMapRow } from '../domain/year-map.js';
import { CatalogueCaveatNotice } from './CaveatNotice.js';
import { numIn } from './shared.js';

const M = messages({
  title: { th: 'เทียบรายการ OIT ระหว่างปี', en: 'OIT items year to year' },
  lead: {
    th: 'ระบบจับคู่รายการตามบทบาทของรายการ (เช่น สถิติเรื่องร้องเรียน มาตรการส่งเสริมคุณธรรม) แล้วจึงตามชื่อ เพราะ ป.ป.ช. เปลี่ยนเลขข้อและชื่อรายการเกือบทุกปี การยกหลักฐานไปปีใหม่ในหน้า OIT ใช้การจับคู่นี้',
    en: 'Items are matched by role, then by title, because NACC renumbers and renames items. Carrying OIT evidence to a new year uses this map.',
  },
  from: { th: 'จากปี', en: 'From' },
  to: { th: 'ไปปี', en: 'To' },
  show: { th: 'แสดง', en: 'Show' },
  persisting: { th: 'รายการที่คงอยู่', en: 'Persisting' },
  merged: { th: 'รายการที่ถูกรวมเข้ากับรายการอื่น', en: 'Merged' },
  dropped: { th: 'รายการที่ตัดออก', en: 'Dropped' },
  added: { th: 'รายการใหม่', en: 'Added' },
  role: { th: 'บทบาท', en: 'Role' },
  match: { th: 'จับคู่โดย', en: 'Matched by' },
  period: { th: 'ช่วงเวลาของหลักฐาน', en: 'Evidence period' },
  none: { th: 'ไม่มี', en: 'None' },
  back: { th: '← แคตตาล็อก ITA รายปี', en: '← ITA catalogue' },
});

const PERIOD_TH = { none: '—', 'current-fy': 'ปีที่ประเมิน', 'first-half': '6 เดือนแรก', 'previous-fy': 'ปีก่อน' } as const;
const roleTh = (r: string | null) => (r ? `${OIT_ROLE_LABELS[r as keyof typeof OIT_ROLE_LABELS] ?? r}` : '—');

export function YearMapPage({ ctx, years, map, to }: { ctx: PageContext; years: number[]; map: YearMap; to: Catalogue }) {
  const L = ctx.locale;
  const n = numIn(ctx);
  const title = `${tr(L, M.title)} ${n(map.fromYear)} → ${n(map.toYear)}`;
  const options = years.map((y) => ({ value: String(y), label: n(y) }));
  const rows = (list: YearMapRow[], caption: string) =>
    list.length === 0 ? (
      <p>{tr(L, M.none)}</p>
    ) : (
      <DataTable caption={caption} head={[n(map.fromYear), n(map.toYear), tr(L, M.role), tr(L, M.match), tr(L, M.period)]}>
        {list.map((r) => (
          <tr>
            <td>{r.fromCode} {r.fromTitle}</td>
            <td>{r.toCode} {r.toTitle}</td>
            <td>{roleTh(r.role)}</td>
            <td>{tr(L, YEAR_MAP_MATCH_LABELS[r.match])}</td>
            <td>
              {PERIOD_TH[r.fromPeriod]} → {PERIOD_TH[r.toPeriod]}
            </td>
          </tr>
        ))}
      </DataTable>
    );
  const items = (list: YearMapItem[]) =>
    list.length === 0 ? <p>{tr(L, M.none)}</p> : <ul>{list.map((i) => <li>{i.code} {i.titleTh} ({roleTh(i.role)})</li>)}</ul>;
  return (
    <Layout ctx={ctx} title={title}>
      <p>
        <a href="/admin/catalogue">{tr(L, M.back)}</a>
      </p>
      <h1>{title}</h1>
      <p class="lead">{tr(L, M.lead)}</p>
      <form method="get" action="/admin/catalogue/map" class="inline-form">
        <Select name="from" label={tr(L, M.from)} options={options} value={String(map.fromYear)} />
        <Select name="to" label={tr(L, M.to)} options={options} value={String(map.toYear)} />
        <Button variant="secondary">{tr(L, M.show)}</Button>
      </form>
      <CatalogueCaveatNotice ctx={ctx} catalogue={to} focus="oit" />
      <h2>{tr(L, M.persisting)} ({n(map.persisting.length)})</h2>
      {rows(map.persisting, tr(L, M.persisting))}
      <h2>{tr(L, M.merged)} ({n(map.merged.length)})</h2>
      {rows(map.merged, tr(L, M.merged))}
      <h2>{tr(L, M.dropped)} ({n(map.dropped.length)})</h2>
      {items(map.dropped)}
      <h2>{tr(L, M.added)} ({n(map.added.length)})</h2>
      {items(map.added)}
    </Layout>
  );
}
