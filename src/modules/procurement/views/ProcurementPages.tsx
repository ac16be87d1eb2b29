/** Staff and public pages of the contract register, the monthly summary (แบบ สขร.๑) and the annual report. */
import { Layout } from '../../../ui/Layout.js';
import { Button, CsrfField, DataTable, Select, Tag, TextArea, TextField } from '../../../ui/components.js';
import type { PageContext } from '../../../ui/context.js';
import type { FieldError } from '../../../shared/errors.js';
import { formatThaiDateTime, withDigits, type DigitStyle } from '../../../shared/thai.js';
import type { Contract } from '../domain/types.js';
import { FIELDS, FIELD_LABELS, REQUIRED_FIELDS, type ColumnMap } from '../domain/import-table.js';
import { SKR1_COLUMNS, money, monthLabel, skr1Cells, type AnnualAnalysis, type MonthlySummary } from '../domain/summaries.js';

const digitsOf = (ctx: PageContext): DigitStyle => ctx.agency?.digits ?? 'thai';

export function RegisterPage(props: {
  ctx: PageContext;
  year: number;
  years: number[];
  contracts: Contract[];
  /** `publishedAt`: when the month's form was last attached to OIT (ISO), if ever. */
  months: { month: string; count: number; started: boolean; publishedAt: string | null }[];
  apiConfigured: boolean;
  sync: { state: string; fetched: number; nextOffset: number; lastError: string | null; deptCode: string } | null;
  errors?: FieldError[];
}) {
  const { ctx, year } = props;
  const d = digitsOf(ctx);
  const n = (v: number) => withDigits(String(v), d);
  const title = `ทะเบียนการจัดซื้อจัดจ้าง ปีงบประมาณ ${n(year)}`;
  return (
    <Layout ctx={ctx} title={title} errors={props.errors}>
      <h1>{title}</h1>
      {props.years.length > 1 && (
        <nav aria-label="ปีงบประมาณ" class="year-nav">
          {props.years.map((y) => (y === year ? <strong aria-current="page">{n(y)}</strong> : <a href={`/admin/procurement/${y}`}>{n(y)}</a>))}
        </nav>
      )}
      <h2>สรุปผลการจัดซื้อจัดจ้างรายเดือน (แบบ สขร.๑)</h2>
      <ul class="count-list" id="procurement-months">
        {props.months.map((m) => (
          <li>
            <a href={`/admin/procurement/${year}/${m.month}`}>{monthLabel(m.month, d)}</a>{' '}
            {m.count ? <Tag tone="good">{n(m.count)} รายการ</Tag> : m.started ? <Tag tone="warn">ไม่มีการจัดซื้อจัดจ้าง</Tag> : <Tag>ยังไม่ถึงเดือน</Tag>}
            {m.publishedAt && <span class="hint"> แนบเป็นหลักฐาน OIT แล้ว {formatThaiDateTime(m.publishedAt, d)}</span>}
          </li>
        ))}
      </ul>
      <form method="post" action={`/admin/procurement/${year}/publish`}>
        <CsrfField token={ctx.csrfToken} />
        <p>ระบบแนบสรุปผลรายเดือน (PDF) ของเดือนที่สิ้นสุดแล้วเป็นหลักฐาน OIT เองหลังการนำเข้าหรือดึงข้อมูลทุกครั้ง (เฉพาะเดือนที่มีการเปลี่ยนแปลง) ปุ่มนี้แนบใหม่ทุกเดือนที่เริ่มแล้ว รวมเดือนปัจจุบัน</p>
        <Button variant="secondary">แนบเป็นหลักฐาน OIT</Button>
      </form>
      <p>
        <a href={`/admin/procurement/${year}/annual`}>รายงานผลการจัดซื้อจัดจ้างประจำปี {n(year)}</a>
      </p>

      <h2>นำเข้าจากไฟล์ (CSV หรือ XLSX)</h2>
      <form method="post" action={`/admin/procurement/${year}/import`} enctype="multipart/form-data">
        <CsrfField token={ctx.csrfToken} />
        <div class="field">
          <label class="label" for="f-file">ไฟล์ทะเบียนคุมหรือไฟล์ที่ส่งออกจากระบบ e-GP</label>
          <div class="hint" id="f-file-hint">ต้องมีคอลัมน์ {REQUIRED_FIELDS.map((f) => FIELD_LABELS[f]).join(', ')} และวันที่สัญญาหรือวันที่ประกาศ ถ้าชื่อคอลัมน์ไม่ตรง ระบบจะให้เลือกคอลัมน์ครั้งเดียวและจำไว้</div>
          <input class="input" type="file" id="f-file" name="file" accept=".csv,.xlsx" aria-describedby="f-file-hint" />
        </div>
        <Button>นำเข้า</Button>
      </form>

      <h2>ดึงจากระบบข้อมูลการใช้จ่ายภาครัฐ (e-GP)</h2>
      {props.apiConfigured ? (
        <form method="post" action={`/admin/procurement/${year}/sync`}>
          <CsrfField token={ctx.csrfToken} />
          <TextField name="deptCode" label="รหัสหน่วยงานในระบบ e-GP (dept_code)" value={props.sync?.deptCode ?? ''} width="short" inputmode="numeric" />
          {props.sync && (
            <p id="sync-state">
              ครั้งล่าสุด: {props.sync.state === 'done' ? 'ดึงครบแล้ว' : props.sync.state === 'failed' ? 'ไม่สำเร็จ (จะทำต่อจากที่ค้างไว้)' : 'กำลังดึง'} {n(props.sync.fetched)} รายการ
              {props.sync.lastError ? ` — ${props.sync.lastError}` : ''}
            </p>
          )}
          <Button variant="secondary">ดึงข้อมูลสัญญา</Button>
        </form>
      ) : (
        <p>ยังไม่ได้ตั้งค่ากุญแจ API (ผู้ดูแลระบบกำหนด GOVSPENDING_API_KEY ที่เครื่องแม่ข่าย)</p>
      )}

      <h2>แผนการจัดซื้อจัดจ้างประจำปี</h2>
      <form method="post" action={`/admin/procurement/${year}/plan`} enctype="multipart/form-data">
        <CsrfField token={ctx.csrfToken} />
        <div class="field">
          <label class="label" for="f-plan">ไฟล์แผน (คอลัมน์ ชื่อโครงการ, งบประมาณ, วิธีจัดหา)</label>
          <input class="input" type="file" id="f-plan" name="plan" accept=".csv,.xlsx" />
        </div>
        <Button variant="secondary">นำเข้าแผน</Button>
      </form>

      <h2>รายการทั้งหมด</h2>
      {props.contracts.length === 0 ? (
        <p>ยังไม่มีรายการจัดซื้อจัดจ้างในปีนี้</p>
      ) : (
        <DataTable caption={`รายการจัดซื้อจัดจ้าง ${n(props.contracts.length)} รายการ`} head={['เลขที่โครงการ', 'งาน', 'วิธี', 'ผู้ได้รับการคัดเลือก', 'ราคาที่ตกลง (บาท)', 'ที่มา']}>
          {props.contracts.map((c) => (
            <tr>
              <td>{withDigits(c.projectNo, d)}</td>
              <td>{c.titleTh}</td>
              <td>{c.method}</td>
              <td>{c.winner}</td>
              <td class="num">{money(c.agreedPrice, d)}</td>
              <td>{c.sources.map((s) => (s === 'api' ? 'e-GP API' : 'ไฟล์')).join(' + ')}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </Layout>
  );
}

export function MappingPage(props: { ctx: PageContext; year: number; token: string; headers: string[]; mapping: ColumnMap; missing: string[]; errors?: FieldError[] }) {
  const { ctx } = props;
  const options = props.headers.map((h, i) => ({ value: String(i + 1), label: h || `คอลัมน์ที่ ${i + 1}` }));
  return (
    <Layout ctx={ctx} title="เลือกคอลัมน์ของไฟล์" errors={props.errors}>
      <h1>เลือกคอลัมน์ของไฟล์</h1>
      <p>ระบบไม่รู้จักบางคอลัมน์ของไฟล์นี้ กรุณาเลือกว่าข้อมูลแต่ละอย่างอยู่ในคอลัมน์ใด ระบบจะจำไว้สำหรับไฟล์รูปแบบเดียวกันครั้งต่อไป</p>
      <form method="post" action={`/admin/procurement/${props.year}/import/map`}>
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="token" value={props.token} />
        {FIELDS.map((f) => (
          <Select
            name={f}
            label={`${FIELD_LABELS[f]}${REQUIRED_FIELDS.includes(f) ? ' (จำเป็น)' : ''}`}
            options={options}
            value={props.mapping[f] !== undefined ? String(props.mapping[f]! + 1) : ''}
            includeEmpty="— ไม่มีในไฟล์ —"
            error={props.missing.includes(f) ? `กรุณาเลือกคอลัมน์ "${FIELD_LABELS[f]}"` : undefined}
          />
        ))}
        <Button>นำเข้าด้วยคอลัมน์นี้</Button>
      </form>
    </Layout>
  );
}

function Skr1Table({ s, d }: { s: MonthlySummary; d: DigitStyle }) {
  return (
    <DataTable caption={`แบบ สขร.๑ เดือน${monthLabel(s.month, d)}`} head={[...SKR1_COLUMNS]}>
      {s.empty ? (
        <tr>
          <td colSpan={9}>ไม่มีการจัดซื้อจัดจ้างในเดือน{monthLabel(s.month, d)}</td>
        </tr>
      ) : (
        s.rows.map((r) => (
          <tr>
            {skr1Cells(r, d).map((t) => (
              <td>
                {t.split('\n').map((line, i) => (i ? [<br />, line] : line))}
              </td>
            ))}
          </tr>
        ))
      )}
      {!s.empty && (
        <tr>
          <td></td>
          <td>
            <strong>รวม {withDigits(String(s.totals.count), d)} รายการ</strong>
          </td>
          <td>
            <strong>{money(s.totals.budget, d)}</strong>
          </td>
          <td>
            <strong>{money(s.totals.referencePrice, d)}</strong>
          </td>
          <td colSpan={2}></td>
          <td>
            <strong>รวมราคาที่ตกลง {money(s.totals.agreedPrice, d)} บาท</strong>
          </td>
          <td colSpan={2}></td>
        </tr>
      )}
    </DataTable>
  );
}

export function MonthPage(props: { ctx: PageContext; summary: MonthlySummary; downloadBase: string; publicUrl?: string; staff: boolean }) {
  const { ctx, summary: s } = props;
  const d = digitsOf(ctx);
  const title = `สรุปผลการดำเนินการจัดซื้อจัดจ้างในรอบเดือน${monthLabel(s.month, d)}`;
  return (
    <Layout ctx={ctx} title={title} variant={props.staff ? 'staff' : 'public'}>
      <h1>{title}</h1>
      <p>แบบ สขร.๑ {ctx.agency?.nameTh} ปีงบประมาณ พ.ศ. {withDigits(String(s.fiscalYear), d)}</p>
      <Skr1Table s={s} d={d} />
      <p>
        ดาวน์โหลด: <a href={`${props.downloadBase}?format=pdf`}>PDF</a> · <a href={`${props.downloadBase}?format=docx`}>DOCX</a>
        {props.publicUrl && (
          <>
            {' '}
            · <a href={props.publicUrl}>หน้าสาธารณะ</a>
          </>
        )}
      </p>
    </Layout>
  );
}

export function AnnualPage(props: { ctx: PageContext; year: number; analysis: AnnualAnalysis; problems: string; suggestions: string; producedAt: string | null; attachedTo: string[]; errors?: FieldError[] }) {
  const { ctx, analysis: a } = props;
  const d = digitsOf(ctx);
  const n = (v: number) => withDigits(v.toLocaleString('en-US'), d);
  const title = `รายงานผลการจัดซื้อจัดจ้างประจำปีงบประมาณ ${withDigits(String(props.year), d)}`;
  const err = (f: string) => props.errors?.find((e) => e.field === f)?.message;
  return (
    <Layout ctx={ctx} title={title} errors={props.errors}>
      <h1>{title}</h1>
      <p id="annual-totals">
        รวม {n(a.count)} โครงการ ราคาที่ตกลง {money(a.agreedPrice, d)} บาท — e-bidding ร้อยละ {withDigits(a.eBidding.shareOfValue.toFixed(2), d)} ของมูลค่า
      </p>
      <DataTable caption="จำแนกตามวิธี" head={['วิธี', 'จำนวน', 'ราคาที่ตกลง (บาท)', 'ร้อยละ']}>
        {a.byMethod.map((m) => (
          <tr>
            <td>{m.label}</td>
            <td>{n(m.count)}</td>
            <td>{money(m.agreedPrice, d)}</td>
            <td>{withDigits(m.share.toFixed(2), d)}</td>
          </tr>
        ))}
      </DataTable>
      <p>{a.plan ? `เทียบกับแผน: ดำเนินการตามแผน ${n(a.plan.matched)} จาก ${n(a.plan.items)} โครงการ` : 'ยังไม่ได้นำเข้าแผนการจัดซื้อจัดจ้างของปีนี้'}</p>
      {props.producedAt && (
        <p>
          <Tag tone="good">จัดทำแล้ว {formatThaiDateTime(props.producedAt, d)}</Tag> {props.attachedTo.length ? `แนบเป็นหลักฐาน OIT: ${props.attachedTo.join(', ')}` : ''} ·{' '}
          <a href={`/admin/procurement/${props.year}/annual/download?format=pdf`}>PDF</a> · <a href={`/admin/procurement/${props.year}/annual/download?format=docx`}>DOCX</a>
        </p>
      )}
      <form method="post" action={`/admin/procurement/${props.year}/annual`}>
        <CsrfField token={ctx.csrfToken} />
        <TextArea name="problems" label="ปัญหา อุปสรรค" value={props.problems} rows={5} error={err('problems')} />
        <TextArea name="suggestions" label="ข้อเสนอแนะ" value={props.suggestions} rows={5} error={err('suggestions')} />
        <Button>จัดทำรายงานและแนบเป็นหลักฐาน OIT</Button>
      </form>
    </Layout>
  );
}
