/** Public statistics (suppressed) and the guideline with its flowchart, generated from settings. */
import { Layout } from '../../../ui/Layout.js';
import type { PageContext } from '../../../ui/context.js';
import { DataTable } from '../../../ui/components.js';
import { formatThaiDate, withDigits, type DigitStyle } from '../../../shared/thai.js';
import { CATEGORIES, CATEGORY_LABELS, CHANNELS, CHANNEL_LABELS, OUTSIDE_BODIES, OUTSIDE_BODY_LABELS } from '../domain/types.js';
import type { Cell, PublishedStatistics, Round } from '../domain/statistics.js';
import type { Guideline } from '../schemas.js';

export const cellText = (c: Cell, d: DigitStyle): string => withDigits('exact' in c ? String(c.exact) : `${c.from}–${c.to}`, d);
export const roundLabel = (r: Round, fy: number) => (r === '6-month' ? `รอบ 6 เดือน (ต.ค.–มี.ค.) ปีงบประมาณ พ.ศ. ${fy}` : `รอบ 12 เดือน ปีงบประมาณ พ.ศ. ${fy}`);

export function StatisticsView({ s, d }: { s: PublishedStatistics; d: DigitStyle }) {
  return (
    <section aria-labelledby="stats-heading">
      <h2 id="stats-heading">{roundLabel(s.round, s.fiscalYear)}</h2>
      <p class="hint">ช่วงวันที่ {formatThaiDate(s.range.from, { digits: d })} – {formatThaiDate(s.range.to, { digits: d })}</p>
      {s.none ? (
        <p class="lead" id="stats-none">ในรอบนี้ไม่มีเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ</p>
      ) : (
        <>
          <dl class="summary-list" id="stats-totals">
            <div><dt>จำนวนเรื่องทั้งหมด</dt><dd>{cellText(s.total, d)}</dd></div>
            <div><dt>ดำเนินการแล้วเสร็จ</dt><dd>{cellText(s.completed, d)}</dd></div>
            <div><dt>อยู่ระหว่างดำเนินการ</dt><dd>{cellText(s.inProgress, d)}</dd></div>
            <div><dt>ระยะเวลาดำเนินการ (มัธยฐาน)</dt><dd>{s.medianHandlingDays === null ? 'ไม่เผยแพร่ (จำนวนเรื่องน้อย)' : `${withDigits(String(s.medianHandlingDays), d)} วัน`}</dd></div>
          </dl>
          <DataTable caption="จำแนกตามประเภท" head={['ประเภท', 'จำนวน']}>
            {CATEGORIES.map((c) => (<tr><td>{CATEGORY_LABELS[c]}</td><td>{cellText(s.byCategory[c], d)}</td></tr>))}
          </DataTable>
          <DataTable caption="จำแนกตามช่องทาง" head={['ช่องทาง', 'จำนวน']}>
            {CHANNELS.map((c) => (<tr><td>{CHANNEL_LABELS[c]}</td><td>{cellText(s.byChannel[c], d)}</td></tr>))}
          </DataTable>
        </>
      )}
      <p class="hint">เพื่อคุ้มครองผู้แจ้ง จำนวนตั้งแต่ ๑ ถึง {withDigits(String(s.threshold - 1), d)} แสดงเป็นช่วง "{withDigits(`1–${s.threshold - 1}`, d)}"</p>
    </section>
  );
}

export function PublicStatisticsPage({ ctx, slug, stats, years }: { ctx: PageContext; slug: string; stats: PublishedStatistics[]; years: number[] }) {
  const d = ctx.agency?.digits ?? 'thai';
  const title = 'ข้อมูลเชิงสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ';
  return (
    <Layout ctx={ctx} title={title} variant="public">
      <h1>{title}</h1>
      <form method="get" action={`/a/${slug}/report-corruption/statistics`} class="inline-form">
        <label for="f-year" class="label">ปีงบประมาณ</label>{' '}
        <select id="f-year" name="year" class="select">
          {years.map((y) => (<option value={String(y)} selected={stats[0]?.fiscalYear === y}>{withDigits(String(y), d)}</option>))}
        </select>{' '}
        <button type="submit" class="button button-secondary">แสดง</button>
      </form>
      {stats.map((s) => (<StatisticsView s={s} d={d} />))}
      <p>
        ดาวน์โหลด: <a href={`/a/${slug}/report-corruption/statistics.pdf?year=${stats[0]?.fiscalYear ?? ''}`}>PDF</a>
        {' · '}<a href={`/a/${slug}/report-corruption/statistics.docx?year=${stats[0]?.fiscalYear ?? ''}`}>Word (DOCX)</a>
        {' · '}<a href={`/a/${slug}/report-corruption/statistics.csv?year=${stats[0]?.fiscalYear ?? ''}`}>CSV</a>
      </p>
    </Layout>
  );
}

export function GuidelineBody({ g, agencyName, slug, d }: { g: Guideline; agencyName: string; slug: string; d: DigitStyle }) {
  const n = (x: number) => withDigits(String(x), d);
  const steps = [
    `รับเรื่องทางช่องทางต่าง ๆ และออกรหัสติดตามเรื่องให้ผู้แจ้ง`,
    `ผู้รับผิดชอบเรื่องร้องเรียน (${g.responsibleUnit}) พิจารณารับเรื่อง ภายใน ${n(g.acknowledgeDays)} วัน`,
    `ตรวจสอบข้อเท็จจริง หากเรื่องเกี่ยวข้องกับผู้บริหาร เรื่องจะไม่ถูกส่งให้ผู้บริหารท่านนั้น`,
    `สรุปผล (มีมูล / ไม่มีมูล) หรือส่งต่อหน่วยงานที่มีอำนาจ ภายใน ${n(g.concludeDays)} วัน`,
    `แจ้งผลให้ผู้แจ้งทราบผ่านรหัสติดตามเรื่อง และรายงานสถิติทุก ๖ และ ๑๒ เดือน`,
  ];
  return (
    <>
      <h2>๑. วิธีแจ้งเรื่องร้องเรียนการทุจริต</h2>
      <p>บุคคลภายนอกแจ้งเรื่องได้ทางเว็บไซต์ของหน่วยงานที่ /a/{slug}/report-corruption โดยไม่ต้องเปิดเผยตัวตน หรือทางหนังสือ โทรศัพท์ หรือมาด้วยตนเอง ผู้แจ้งจะได้รับรหัสติดตามเรื่อง ๑๖ หลักเพื่อติดตามความคืบหน้า</p>
      <h2>๒. ขั้นตอนการจัดการเรื่อง (แผนผัง)</h2>
      <ol class="flowchart" id="flowchart">
        {steps.map((s, i) => (<li class="flow-step"><span class="flow-no">{n(i + 1)}</span> {s}</li>))}
      </ol>
      <h2>๓. หน่วยงานที่รับผิดชอบ</h2>
      <p>{g.responsibleUnit} {agencyName}</p>
      <h2>๔. ระยะเวลาดำเนินการ</h2>
      <ul>
        <li>พิจารณารับเรื่องภายใน {n(g.acknowledgeDays)} วันนับแต่วันที่ได้รับเรื่อง</li>
        <li>ดำเนินการให้แล้วเสร็จหรือส่งต่อภายใน {n(g.concludeDays)} วันนับแต่วันที่ได้รับเรื่อง</li>
      </ul>
      <h2>๕. ช่องทางการแจ้งเรื่อง</h2>
      <ul>
        <li>เว็บไซต์: /a/{slug}/report-corruption (แยกจากเรื่องร้องเรียนทั่วไป)</li>
        {g.phone && <li>โทรศัพท์: {withDigits(g.phone, d)}</li>}
        {g.address && <li>หนังสือหรือด้วยตนเอง: {g.address}</li>}
        {g.email && <li>อีเมล: {g.email}</li>}
      </ul>
      <h2>๖. หน่วยงานภายนอกที่รับเรื่อง</h2>
      <ul>{OUTSIDE_BODIES.map((b) => (<li>{OUTSIDE_BODY_LABELS[b]}</li>))}</ul>
      <h2>๗. การคุ้มครองผู้แจ้ง</h2>
      <p>ระบบไม่เก็บที่อยู่ IP หรือข้อมูลอุปกรณ์ เนื้อหาถูกเข้ารหัส ตัวตนของผู้แจ้ง (ถ้าให้ไว้) เก็บแยกและเปิดดูได้เฉพาะผู้ที่ได้รับมอบหมาย โดยทุกครั้งถูกบันทึก</p>
    </>
  );
}

export function GuidelinePage({ ctx, slug, g }: { ctx: PageContext; slug: string; g: Guideline }) {
  const title = 'แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ';
  return (
    <Layout ctx={ctx} title={title} variant="public">
      <h1>{title}</h1>
      <p>
        <a href={`/a/${slug}/report-corruption/guideline.docx`}>ดาวน์โหลด DOCX</a> · <a href={`/a/${slug}/report-corruption/guideline.pdf`}>ดาวน์โหลด PDF</a>
      </p>
      <GuidelineBody g={g} agencyName={ctx.agency?.nameTh ?? ''} slug={slug} d={ctx.agency?.digits ?? 'thai'} />
    </Layout>
  );
}
