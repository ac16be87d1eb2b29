/** The readiness view of a year: every item in catalogue order with who, when and what is missing. */
import { Layout } from '../../../ui/Layout.js';
import { CatalogueCaveatNotice } from '../../catalogue/index.js';
import { DataTable } from '../../../ui/components.js';
import type { PageContext } from '../../../ui/context.js';
import { messages, tr } from '../../../ui/i18n.js';
import type { ItemState, YearView } from '../service.js';
import { StatusTag, dateTh } from './parts.js';

const M = messages({
  title: { th: 'การเปิดเผยข้อมูลสาธารณะ (OIT)', en: 'Open data (OIT)' },
  fy: { th: 'ปีงบประมาณ', en: 'Fiscal year' },
  readiness: { th: 'ความพร้อม', en: 'Readiness' },
  readinessHint: {
    th: 'ร้อยละขององค์ประกอบทุกข้อที่ครบแล้ว (ตรวจด้วยเครื่องหรือยืนยันโดยเจ้าหน้าที่)',
    en: 'Share of all elements satisfied (machine-checked or declared)',
  },
  complete: { th: 'รายการที่ครบทุกองค์ประกอบ', en: 'Items complete' },
  published: { th: 'รายการที่เผยแพร่แล้ว', en: 'Items published' },
  items: { th: 'รายการ OIT', en: 'OIT items' },
  code: { th: 'ข้อ', en: 'Item' },
  item: { th: 'รายการ', en: 'Title' },
  status: { th: 'สถานะ', en: 'Status' },
  who: { th: 'ผู้รับผิดชอบ', en: 'Responsible' },
  due: { th: 'กำหนดส่ง', en: 'Due' },
  missing: { th: 'สิ่งที่ยังขาด', en: 'Missing' },
  none: { th: 'ครบแล้ว', en: 'Complete' },
  unassigned: { th: 'ยังไม่มอบหมาย', en: 'Not assigned' },
  defaultDue: { th: '(ตามปฏิทิน ITA)', en: '(ITA calendar)' },
  publicPage: { th: 'หน้าเผยแพร่สาธารณะของปีนี้', en: 'Public page of this year' },
  csv: { th: 'ส่งออกรายการลิงก์สำหรับ ITAS (CSV)', en: 'Export for ITAS (CSV)' },
  xlsx: { th: 'ส่งออกรายการลิงก์สำหรับ ITAS (Excel)', en: 'Export for ITAS (Excel)' },
  years: { th: 'ปีอื่น', en: 'Other years' },
  carry: { th: 'เริ่มปีนี้จากหลักฐานของปีก่อน', en: 'Start this year from last year' },
  audit: { th: 'ตรวจหน้าเผยแพร่แบบผู้ประเมิน', en: 'Self-audit the public pages' },
  import: { th: 'นำเข้าลิงก์จากเว็บไซต์ OIT เดิม', en: 'Import links from an existing site' },
  mine: { th: 'แสดงเฉพาะรายการที่ฉันรับผิดชอบ', en: 'Show only my items' },
  all: { th: 'แสดงทุกรายการ', en: 'Show all items' },
});

export function YearPage({ ctx, view, years, mine, onlyMine }: { ctx: PageContext; view: YearView; years: number[]; mine: (s: ItemState) => boolean; onlyMine: boolean }) {
  const L = ctx.locale;
  const title = `${tr(L, M.title)} ${tr(L, M.fy)} ${view.year}`;
  const complete = view.items.filter((i) => i.result.complete).length;
  const published = view.items.filter((i) => i.status === 'published').length;
  const shown = onlyMine ? view.items.filter(mine) : view.items;
  const base = `/admin/oit/${view.year}`;
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <CatalogueCaveatNotice ctx={ctx} catalogue={view.catalogue} focus="oit" />
      <div class="cards">
        <div class="card">
          <div class="card-value" id="readiness-score">{view.readiness}%</div>
          <div class="card-label">{tr(L, M.readiness)}</div>
          <div class="hint">{tr(L, M.readinessHint)}</div>
        </div>
        <div class="card">
          <div class="card-value">
            {complete}/{view.items.length}
          </div>
          <div class="card-label">{tr(L, M.complete)}</div>
        </div>
        <div class="card">
          <div class="card-value">
            {published}/{view.items.length}
          </div>
          <div class="card-label">{tr(L, M.published)}</div>
        </div>
      </div>
      <ul class="actions list-plain">
        {ctx.agency && (
          <li>
            <a href={`/a/${ctx.agency.slug}/oit/${view.year}`}>{tr(L, M.publicPage)}</a>
          </li>
        )}
        <li>
          <a href={`${base}/export.csv`}>{tr(L, M.csv)}</a>
        </li>
        <li>
          <a href={`${base}/export.xlsx`}>{tr(L, M.xlsx)}</a>
        </li>
        {ctx.can('oit.manage') && (
          <>
            <li>
              <a href={`${base}/audit`}>{tr(L, M.audit)}</a>
            </li>
            <li>
              <a href="/admin/oit/import">{tr(L, M.import)}</a>
            </li>
          </>
        )}
        {ctx.can('oit.manage') && years.includes(view.year - 1) && (
          <li>
            <a href={`${base}/carry-over`}>{tr(L, M.carry)}</a>
          </li>
        )}
        <li>
          <a href={onlyMine ? base : `${base}?mine=1`}>{tr(L, onlyMine ? M.all : M.mine)}</a>
        </li>
      </ul>
      {years.length > 1 && (
        <nav aria-label={tr(L, M.years)}>
          {tr(L, M.years)}:{' '}
          {years.map((y) => (
            <>
              {y === view.year ? <strong>{y}</strong> : <a href={`/admin/oit/${y}`}>{y}</a>}{' '}
            </>
          ))}
        </nav>
      )}
      <DataTable caption={tr(L, M.items)} head={[tr(L, M.code), tr(L, M.item), tr(L, M.status), tr(L, M.who), tr(L, M.due), tr(L, M.missing)]}>
        {shown.map((s) => (
          <tr id={`item-${s.code}`}>
            <td>
              <a href={`${base}/${s.code}`}>{s.code}</a>
            </td>
            <td>{s.item.titleTh}</td>
            <td>
              <StatusTag status={s.status} locale={L} />
            </td>
            <td>
              {s.unit || s.assignees.length ? (
                <>
                  {s.unit?.nameTh}
                  {s.unit && s.assignees.length ? ': ' : ''}
                  {s.assignees.map((a) => a.displayName).join(', ')}
                </>
              ) : (
                <span class="hint">{tr(L, M.unassigned)}</span>
              )}
            </td>
            <td>
              {dateTh(s.dueDate, L)} {s.dueDateIsDefault && <span class="hint">{tr(L, M.defaultDue)}</span>}
            </td>
            <td>
              {s.result.missing.length === 0 ? (
                <span class="tag tag-good">{tr(L, M.none)}</span>
              ) : (
                <ul class="missing">
                  {s.result.missing.map((m) => (
                    <li>{m}</li>
                  ))}
                </ul>
              )}
            </td>
          </tr>
        ))}
      </DataTable>
    </Layout>
  );
}

const YM = messages({
  title: { th: 'การเปิดเผยข้อมูลสาธารณะ (OIT)', en: 'Open data (OIT)' },
  pick: { th: 'เลือกปีงบประมาณ', en: 'Choose a fiscal year' },
  fy: { th: 'ปีงบประมาณ', en: 'Fiscal year' },
});

export function YearsPage({ ctx, years }: { ctx: PageContext; years: number[] }) {
  const L = ctx.locale;
  return (
    <Layout ctx={ctx} title={tr(L, YM.title)}>
      <h1>{tr(L, YM.title)}</h1>
      <h2>{tr(L, YM.pick)}</h2>
      <ul>
        {years.map((y) => (
          <li>
            <a href={`/admin/oit/${y}`}>
              {tr(L, YM.fy)} {y}
            </a>
          </li>
        ))}
      </ul>
    </Layout>
  );
}
