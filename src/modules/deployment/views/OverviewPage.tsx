/**
 * /deployment/overview: the national summary (one line per province) or, with a province or type
 * chosen, every agency's latest ITA result and level, OIT progress of the year and plan status,
 * sortable by any column, exportable as CSV or XLSX. Filters are a GET form: works without JavaScript.
 */
import { Layout } from '../../../ui/Layout.js';
import { Button, DataTable, Select, Tag } from '../../../ui/components.js';
import type { PageContext } from '../../../ui/context.js';
import { messages, tr } from '../../../ui/i18n.js';
import { formatNumber, withDigits } from '../../../shared/thai.js';
import { PROVINCES_TH } from '../../../shared/provinces.js';
import { AGENCY_TYPES } from '../../agencies/index.js';
import type { OverviewData } from '../overview.js';
import type { OverviewQuery } from '../schemas.js';
import type { SortKey } from '../domain/overview.js';

const M = messages({
  title: { th: 'ภาพรวมระดับจังหวัด', en: 'Province view' },
  national: { th: 'สรุประดับประเทศ (รายจังหวัด)', en: 'National summary (by province)' },
  lead: {
    th: 'ผล ITA ล่าสุดและระดับของทุกหน่วยงาน ความคืบหน้าการเปิดเผยข้อมูล (OIT) ของปีงบประมาณ และสถานะแผนปรับปรุง',
    en: 'Every agency’s latest ITA result and level, OIT progress of the fiscal year and improvement plan status.',
  },
  filter: { th: 'กรองข้อมูล', en: 'Filter' },
  province: { th: 'จังหวัด', en: 'Province' },
  allProvinces: { th: 'ทุกจังหวัด', en: 'All provinces' },
  type: { th: 'ประเภทหน่วยงาน', en: 'Agency type' },
  allTypes: { th: 'ทุกประเภท', en: 'All types' },
  show: { th: 'แสดง', en: 'Show' },
  csv: { th: 'ดาวน์โหลด CSV', en: 'Download CSV' },
  xlsx: { th: 'ดาวน์โหลด Excel (XLSX)', en: 'Download Excel (XLSX)' },
  caption: { th: 'หน่วยงาน {n} แห่ง', en: '{n} agencies' },
  name: { th: 'หน่วยงาน', en: 'Agency' },
  year: { th: 'ปีผล ITA', en: 'ITA year' },
  total: { th: 'คะแนน ITA', en: 'ITA score' },
  level: { th: 'ระดับ', en: 'Level' },
  oit: { th: 'OIT ปี {y} เผยแพร่แล้ว', en: 'OIT {y} published' },
  plan: { th: 'แผนปรับปรุง', en: 'Plan' },
  report: { th: 'รายงานผลตามมาตรการ', en: 'Measures report' },
  reportRound: { th: 'รอบ {r} เดือน ปี {y}', en: '{r}-month round, FY {y}' },
  status: { th: 'สถานะ', en: 'Status' },
  passed: { th: 'ผ่าน', en: 'Pass' },
  failed: { th: 'ไม่ผ่าน', en: 'Below' },
  computed: { th: '(คำนวณ)', en: '(computed)' },
  none: { th: 'ยังไม่มี', en: 'None' },
  planRows: { th: '{n} แถว (ผลปี {y})', en: '{n} rows (results {y})' },
  suspended: { th: 'ระงับชั่วคราว', en: 'Suspended' },
  agencies: { th: 'หน่วยงาน', en: 'Agencies' },
  withResults: { th: 'มีผล ITA', en: 'With results' },
  passCount: { th: 'ผ่านเกณฑ์', en: 'Passed' },
  meanTotal: { th: 'คะแนนเฉลี่ย', en: 'Mean score' },
  meanOit: { th: 'OIT เผยแพร่เฉลี่ย (%)', en: 'Mean OIT published (%)' },
  withPlan: { th: 'มีแผนปรับปรุง', en: 'With a plan' },
  withReport: { th: 'มีรายงานผลตามมาตรการ', en: 'With a measures report' },
});

const qs = (q: Record<string, string | number | undefined>) =>
  Object.entries(q)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
    .join('&');

export function OverviewPage({ ctx, data, query }: { ctx: PageContext; data: OverviewData; query: OverviewQuery }) {
  const L = ctx.locale;
  const d = ctx.agency?.digits ?? 'thai';
  const base = { province: query.province, type: query.type, year: query.year };
  const filtered = !!(query.province || query.type);
  const sortLink = (key: SortKey, label: string) => {
    const active = query.sort === key;
    const dir = active && query.dir === 'asc' ? 'desc' : 'asc';
    return (
      <a href={`/deployment/overview?${qs({ ...base, sort: key, dir })}`}>
        {label}
        {active ? (query.dir === 'asc' ? ' ▲' : ' ▼') : ''}
      </a>
    );
  };
  const exportQuery = qs({ ...base, sort: query.sort, dir: query.dir });
  return (
    <Layout ctx={ctx} title={tr(L, filtered ? M.title : M.national)}>
      <h1>{filtered ? `${tr(L, M.title)}${query.province ? `: ${query.province}` : ''}` : tr(L, M.national)}</h1>
      <p class="lead">{tr(L, M.lead)}</p>
      <form method="get" action="/deployment/overview" class="filters">
        <fieldset>
          <legend>{tr(L, M.filter)}</legend>
          <Select name="province" label={tr(L, M.province)} value={query.province ?? ''} includeEmpty={tr(L, M.allProvinces)} options={PROVINCES_TH.map((p) => ({ value: p, label: p }))} />
          <Select name="type" label={tr(L, M.type)} value={query.type ?? ''} includeEmpty={tr(L, M.allTypes)} options={AGENCY_TYPES.map((t) => ({ value: t.code, label: t.labelTh }))} />
        </fieldset>
        <Button variant="secondary">{tr(L, M.show)}</Button>
      </form>
      <p>
        <a href={`/deployment/overview.csv?${exportQuery}`}>{tr(L, M.csv)}</a> · <a href={`/deployment/overview.xlsx?${exportQuery}`}>{tr(L, M.xlsx)}</a>
      </p>
      {!filtered ? (
        <DataTable
          caption={tr(L, M.national)}
          head={[tr(L, M.province), tr(L, M.agencies), tr(L, M.withResults), tr(L, M.passCount), tr(L, M.meanTotal), tr(L, M.meanOit), tr(L, M.withPlan), tr(L, M.withReport)]}
        >
          {data.provinces.map((p) => (
            <tr>
              <td>
                <a href={`/deployment/overview?${qs({ province: p.province, year: query.year })}`}>{p.province}</a>
              </td>
              <td class="num">{formatNumber(p.agencies, d, 0)}</td>
              <td class="num">{formatNumber(p.withResults, d, 0)}</td>
              <td class="num">{formatNumber(p.passed, d, 0)}</td>
              <td class="num">{p.meanTotal === null ? tr(L, M.none) : formatNumber(p.meanTotal, d, 2)}</td>
              <td class="num">{formatNumber(p.meanOitPercent, d, 1)}</td>
              <td class="num">{formatNumber(p.withPlan, d, 0)}</td>
              <td class="num">{formatNumber(p.withReport, d, 0)}</td>
            </tr>
          ))}
        </DataTable>
      ) : (
        <DataTable
          caption={tr(L, M.caption).replace('{n}', formatNumber(data.rows.length, d, 0))}
          head={[
            sortLink('name', tr(L, M.name)),
            sortLink('type', tr(L, M.type)),
            sortLink('year', tr(L, M.year)),
            sortLink('total', tr(L, M.total)),
            sortLink('level', tr(L, M.level)),
            sortLink('oit', tr(L, M.oit).replace('{y}', withDigits(String(data.oitYear), d))),
            sortLink('plan', tr(L, M.plan)),
            sortLink('report', tr(L, M.report)),
          ]}
        >
          {data.rows.map((r) => (
            <tr>
              <td>
                <a href={`/deployment/agencies/${r.agencyId}`}>{r.name}</a>
                {r.status === 'suspended' && (
                  <>
                    {' '}
                    <Tag tone="warn">{tr(L, M.suspended)}</Tag>
                  </>
                )}
              </td>
              <td>{r.typeTh}</td>
              <td class="num">{r.result ? withDigits(String(r.result.fiscalYear), d) : tr(L, M.none)}</td>
              <td class="num">
                {r.result ? `${formatNumber(r.result.total, d, 2)}${r.result.source === 'computed' ? ` ${tr(L, M.computed)}` : ''}` : ''}
              </td>
              <td>{r.result && <Tag tone={r.result.passed ? 'good' : 'bad'}>{`${r.result.levelTh} · ${tr(L, r.result.passed ? M.passed : M.failed)}`}</Tag>}</td>
              <td class="num">{r.oit ? `${formatNumber(r.oit.published, d, 0)}/${formatNumber(r.oit.total, d, 0)} (${formatNumber(r.oit.publishedPercent, d, 1)}%)` : formatNumber(0, d, 0)}</td>
              <td>
                {r.plan
                  ? tr(L, M.planRows).replace('{n}', formatNumber(r.plan.rows, d, 0)).replace('{y}', withDigits(String(r.plan.resultsYear), d))
                  : tr(L, M.none)}
              </td>
              <td>
                {r.report
                  ? tr(L, M.reportRound).replace('{r}', withDigits(String(r.report.round), d)).replace('{y}', withDigits(String(r.report.fiscalYear), d))
                  : tr(L, M.none)}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </Layout>
  );
}
