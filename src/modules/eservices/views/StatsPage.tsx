/** The statistics of a round as a page: staff (with downloads and "attach to OIT") and public. */
import type { PageContext } from '../../../ui/context.js';
import { Layout } from '../../../ui/Layout.js';
import { Button, CsrfField, DataTable, Select } from '../../../ui/components.js';
import { formatInteger, formatNumber, formatThaiDate } from '../../../shared/thai.js';
import { CATEGORY_LABELS } from '../domain/states.js';
import { MIN_SATISFACTION_SERVICES, roundLabel, type EserviceStats } from '../domain/stats.js';
import { EserviceTabs } from './StaffPages.js';

export function StatsTables({ ctx, stats }: { ctx: PageContext; stats: EserviceStats }) {
  const d = ctx.agency?.digits ?? 'arabic';
  const n = (v: number) => formatInteger(v, d);
  const share = (v: number | undefined) => (v === undefined ? '–' : `${formatNumber(v * 100, d, 1)}%`);
  const dec = (v: number | undefined) => (v === undefined ? '–' : formatNumber(v, d, 1));
  return (
    <>
      <p>
        {formatThaiDate(stats.range.from, { digits: d })} – {formatThaiDate(stats.range.to, { digits: d })}: คำขอทั้งหมด <strong data-stat="total">{n(stats.total)}</strong> เรื่อง · เสร็จภายในกำหนด {share(stats.withinLimitShare)} · เวลาเฉลี่ย {dec(stats.meanDays)} วัน
      </p>
      <DataTable caption="คำขอแยกตามงานบริการ" head={['งานบริการ', 'ประเภท', 'ทั้งหมด', 'เสร็จสิ้น', 'ไม่อนุมัติ/ยุติ', 'ค้าง', 'เวลาเฉลี่ย (วัน)', 'ภายในกำหนด', 'ผู้ตอบแบบสำรวจ', 'ความพึงพอใจ (เต็ม 100)']}>
        {stats.services.map((s) => (
          <tr>
            <td>{s.name}</td>
            <td>{CATEGORY_LABELS[s.category]}</td>
            <td>{n(s.total)}</td>
            <td>{n(s.done)}</td>
            <td>{n(s.rejected)}</td>
            <td>{n(s.open)}</td>
            <td>{dec(s.meanDays)}</td>
            <td>{share(s.withinLimitShare)}</td>
            <td>{n(s.satisfaction?.responses ?? 0)}</td>
            <td>{dec(s.satisfaction?.score)}</td>
          </tr>
        ))}
      </DataTable>
      <DataTable caption="คำขอแยกตามช่องทาง" head={['ช่องทาง', 'จำนวน']}>
        {stats.channels.map((c) => (
          <tr>
            <td>{c.label}</td>
            <td>{n(c.total)}</td>
          </tr>
        ))}
      </DataTable>
      <DataTable caption="คำขอแยกตามสถานะ" head={['สถานะ', 'จำนวน']}>
        {stats.states.map((s) => (
          <tr>
            <td>{s.label}</td>
            <td>{n(s.total)}</td>
          </tr>
        ))}
      </DataTable>
      <p>
        ความพึงพอใจ: ผู้ตอบ {n(stats.satisfaction.responses)} คน จาก {n(stats.satisfaction.services)} งานบริการ คะแนนรวม {dec(stats.satisfaction.score)} จาก 100
      </p>
      {stats.units.length > 0 && (
        <DataTable caption="ความพึงพอใจแยกตามหน่วยงานย่อยที่รับผิดชอบ" head={['หน่วยงานย่อย', 'ผู้ตอบแบบสำรวจ', 'ความพึงพอใจ (เต็ม 100)']}>
          {stats.units.map((u) => (
            <tr data-unit={u.unitId}>
              <td>{u.name}</td>
              <td>{n(u.responses)}</td>
              <td>{dec(u.score)}</td>
            </tr>
          ))}
        </DataTable>
      )}
      {stats.satisfaction.services < MIN_SATISFACTION_SERVICES && (
        <div class="notice notice-warn">มีผลความพึงพอใจ {n(stats.satisfaction.services)} งานบริการ องค์ประกอบของ OIT กำหนดอย่างน้อย {n(MIN_SATISFACTION_SERVICES)} งานบริการ</div>
      )}
    </>
  );
}

export function StatsPage({ ctx, stats, years }: { ctx: PageContext; stats: EserviceStats; years: number[] }) {
  const d = ctx.agency?.digits ?? 'arabic';
  const base = `/admin/eservices/stats/${stats.year}/${stats.round}`;
  return (
    <Layout ctx={ctx} title="สถิติการให้บริการ E-Service">
      <h1>สถิติการให้บริการและความพึงพอใจ</h1>
      <EserviceTabs />
      <form method="get" action="/admin/eservices/stats">
        <Select name="year" label="ปีงบประมาณ" value={String(stats.year)} options={years.map((y) => ({ value: String(y), label: formatInteger(y, d).replace(/,/g, '') }))} />
        <Select name="round" label="รอบรายงาน" value={String(stats.round)} options={[{ value: '6', label: 'รอบ 6 เดือน' }, { value: '12', label: 'รอบ 12 เดือน' }]} />
        <Button variant="secondary">แสดง</Button>
      </form>
      <h2>{roundLabel(stats.year, stats.round)}</h2>
      <StatsTables ctx={ctx} stats={stats} />
      <p class="actions">
        <a class="button button-secondary" href={`${base}.docx`}>ดาวน์โหลด Word (DOCX)</a>
        <a class="button button-secondary" href={`${base}.pdf`}>ดาวน์โหลด PDF</a>
        <a class="button button-secondary" href={`${base}.csv`}>ดาวน์โหลด CSV</a>
      </p>
      {ctx.can('eservice.manage') && (
        <form method="post" action={`${base}/attach`}>
          <CsrfField token={ctx.csrfToken} />
          <Button>แนบรายงานเป็นหลักฐาน OIT</Button>
        </form>
      )}
    </Layout>
  );
}

export function PublicStatsPage({ ctx, stats }: { ctx: PageContext; stats: EserviceStats }) {
  return (
    <Layout ctx={ctx} title="สถิติการให้บริการ" variant="public">
      <h1>สถิติการให้บริการและผลสำรวจความพึงพอใจ</h1>
      <h2>{roundLabel(stats.year, stats.round)}</h2>
      <StatsTables ctx={ctx} stats={stats} />
    </Layout>
  );
}
