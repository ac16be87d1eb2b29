/** Self-diagnosis staff pages: rounds and trend, a round's results by unit, link slips, prediction. */
import type { PageContext } from '../../../ui/context.js';
import { Layout } from '../../../ui/Layout.js';
import { Button, CsrfField, DataTable, Select, Tag, TextArea, TextField, errorFor } from '../../../ui/components.js';
import type { FieldError } from '../../../shared/errors.js';
import { formatInteger, formatNumber, withDigits } from '../../../shared/thai.js';
import { TOOL_LABELS, type Round, type RoundView, type SelfdiagService, type Tool } from '../service.js';
import { uncertaintyLines } from '../domain/predict.js';

const digitsOf = (ctx: PageContext) => ctx.agency?.digits ?? 'arabic';
const BASE = '/admin/self-diagnosis';
type Trend = Awaited<ReturnType<SelfdiagService['trend']>>;
type Prediction = Awaited<ReturnType<SelfdiagService['predict']>>;

export function SelfdiagIndexPage(props: {
  ctx: PageContext;
  rounds: (Round & { responses: number })[];
  trends: Record<Tool, Trend>;
  year: number;
  values?: Record<string, string>;
  errors?: FieldError[];
}) {
  const { ctx, values = {}, errors } = props;
  const d = digitsOf(ctx);
  return (
    <Layout ctx={ctx} title="ประเมินตนเองก่อน ITA" errors={errors}>
      <h1>ประเมินตนเองก่อน ITA (IIT/EIT)</h1>
      <p class="lead">
        ถามบุคลากร (IIT) และผู้รับบริการ (EIT) ด้วยคำถามแบบเดียวกับ ป.ป.ช. ก่อนการประเมินจริง ลิงก์ตอบได้ครั้งเดียว คำตอบไม่ผูกกับตัวผู้ตอบ และแสดงผลรายหน่วยงานย่อยเฉพาะที่มีผู้ตอบถึงเกณฑ์
      </p>
      <p>
        <a href={`${BASE}/prediction`}>ดูผลคาดการณ์คะแนน ITA ปี {formatInteger(props.year, d)}</a>
      </p>
      <DataTable caption="รอบการสำรวจ" head={['รอบ', 'แบบวัด', 'ผู้ตอบ', 'เกณฑ์ขั้นต่ำ']}>
        {props.rounds.map((r) => (
          <tr>
            <td>
              <a href={`${BASE}/rounds/${r.id}`}>{r.title}</a>
            </td>
            <td>{TOOL_LABELS[r.tool]}</td>
            <td>{formatInteger(r.responses, d)}</td>
            <td>{formatInteger(r.threshold, d)} คน</td>
          </tr>
        ))}
      </DataTable>
      {(['IIT', 'EIT'] as const).map((tool) =>
        props.trends[tool].length ? (
          <DataTable caption={`แนวโน้มรายไตรมาส ${TOOL_LABELS[tool]}`} head={['รอบ', 'ผู้ตอบที่นำมาคิด', 'คะแนนเครื่องมือ (คาดการณ์)']}>
            {props.trends[tool].map((t) => (
              <tr>
                <td>{t.title}</td>
                <td>{formatInteger(t.responses, d)}</td>
                <td>{t.score !== undefined ? formatNumber(t.score, d, 2) : 'ผู้ตอบยังไม่ถึงเกณฑ์'}</td>
              </tr>
            ))}
          </DataTable>
        ) : null,
      )}
      <form method="post" action={`${BASE}/rounds`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <h2>เริ่มรอบการสำรวจใหม่</h2>
        <Select name="tool" label="แบบวัด" value={values.tool ?? 'IIT'} error={errorFor(errors, 'tool')} options={(['IIT', 'EIT'] as const).map((t) => ({ value: t, label: TOOL_LABELS[t] }))} />
        <TextField name="fiscalYear" label="ปีงบประมาณ (พ.ศ.)" width="short" inputmode="numeric" value={values.fiscalYear ?? String(props.year)} error={errorFor(errors, 'fiscalYear')} />
        <Select name="quarter" label="ไตรมาส" value={values.quarter ?? '1'} error={errorFor(errors, 'quarter')} options={[1, 2, 3, 4].map((q) => ({ value: String(q), label: `ไตรมาส ${q}` }))} />
        <TextField name="threshold" label="จำนวนผู้ตอบขั้นต่ำที่จะแสดงผลรายหน่วย (คน)" width="short" inputmode="numeric" value={values.threshold ?? '5'} error={errorFor(errors, 'threshold')} hint="หน่วยที่มีผู้ตอบน้อยกว่านี้จะไม่แสดงผล เพื่อไม่ให้ระบุตัวผู้ตอบได้" />
        <TextArea
          name="extraQuestions"
          label="คำถามที่หน่วยงานเพิ่มเอง (ไม่บังคับ)"
          hint='บรรทัดละหนึ่งข้อ รูปแบบ "ตัวชี้วัด|ข้อความคำถาม" เช่น 6|เจ้าหน้าที่ให้บริการตามขั้นตอนที่ประกาศไว้ ตัวชี้วัด IIT คือ 1–5 และ EIT คือ 6–8 (ใช้เมื่อแคตตาล็อกยังไม่มีข้อความคำถามของ ป.ป.ช.)'
          value={values.extraQuestions}
          error={errorFor(errors, 'extraQuestions')}
          rows={4}
        />
        <Button>เริ่มรอบการสำรวจ</Button>
      </form>
    </Layout>
  );
}

export function RoundPage(props: { ctx: PageContext; view: RoundView; units: string[]; values?: Record<string, string>; errors?: FieldError[] }) {
  const { ctx, view, values = {}, errors } = props;
  const { round, result } = view;
  const d = digitsOf(ctx);
  const nos = round.tool === 'IIT' ? ['1', '2', '3', '4', '5'] : ['6', '7', '8'];
  const issuedOf = (unit: string) => view.issued.find((i) => i.unit === unit)?.issued;
  const score = (v: number | undefined) => (v === undefined ? '–' : formatNumber(v, d, 2));
  return (
    <Layout ctx={ctx} title={round.title} errors={errors}>
      <p>
        <a href={BASE}>กลับไปรายการรอบการสำรวจ</a>
      </p>
      <h1>{round.title}</h1>
      {round.provisional && (
        <div class="notice notice-warn">
          ข้อความคำถามและวิธีให้คะแนนเป็นข้อมูลชั่วคราว
          {round.catalogueYear && round.catalogueYear !== round.fiscalYear ? ` (ใช้ข้อความคำถามของปี ${withDigits(String(round.catalogueYear), d)} เพราะแคตตาล็อกปี ${withDigits(String(round.fiscalYear), d)} ยังไม่มีข้อความคำถาม)` : ''}
          {' '}วิธีให้คะแนนตามแบบจำลองแบบวัดปี {withDigits('2564', d)} ซึ่งยังไม่ได้ยืนยันกับ ป.ป.ช. ผลที่ได้จึงเป็นการคาดการณ์
        </div>
      )}
      <p>
        ผู้ตอบที่นำมาคิดผลรวม {formatInteger(result.overall.responses, d)} คน · แสดงผลรายหน่วยเมื่อมีผู้ตอบอย่างน้อย {formatInteger(round.threshold, d)} คน
        {view.margin !== undefined && <> · ความคลาดเคลื่อนโดยประมาณ ±{formatInteger(view.margin, d)} คะแนน (ความเชื่อมั่นร้อยละ 95)</>}
      </p>
      {result.overall.withheld > 0 && (
        <p class="hint">มีคำตอบ {formatInteger(result.overall.withheld, d)} รายการจากหน่วยที่ผู้ตอบไม่ถึงเกณฑ์ ไม่นำมารวม เพื่อไม่ให้คำนวณย้อนหาผลของหน่วยนั้นได้</p>
      )}
      <DataTable caption="ผลรายตัวชี้วัด (คาดการณ์) เทียบกับผลทางการปีก่อน" head={['', ...nos.map((n) => `ตัวชี้วัด ${n}`), 'เครื่องมือ']}>
        <tr>
          <th scope="row">ผลรวมทั้งหน่วยงาน</th>
          {nos.map((n) => (
            <td class="num">{score(result.overall.indicators?.[n])}</td>
          ))}
          <td class="num">{score(result.overall.tool)}</td>
        </tr>
        {view.lastOfficial && (
          <tr>
            <th scope="row">ผลทางการปี {formatInteger(view.lastOfficial.year, d)}</th>
            {nos.map((n) => (
              <td class="num">{score(view.lastOfficial!.indicators[n])}</td>
            ))}
            <td class="num">–</td>
          </tr>
        )}
      </DataTable>
      <DataTable caption="ผลรายหน่วยงานย่อย" head={['หน่วยงานย่อย', 'ออกลิงก์', 'ผู้ตอบ', ...nos.map((n) => `ตัวชี้วัด ${n}`)]}>
        {result.units.map((u) => (
          <tr>
            <th scope="row">{u.unit}</th>
            <td class="num">{issuedOf(u.unit) !== undefined ? formatInteger(issuedOf(u.unit)!, d) : '–'}</td>
            <td class="num">{formatInteger(u.responses, d)}</td>
            {u.hidden ? (
              <td colSpan={nos.length}>
                <Tag tone="warn">ไม่แสดงผล</Tag> ผู้ตอบน้อยกว่า {formatInteger(round.threshold, d)} คน
              </td>
            ) : (
              nos.map((n) => <td class="num">{score(u.indicators?.[n])}</td>)
            )}
          </tr>
        ))}
      </DataTable>
      {view.weakest.length > 0 && (
        <>
          <h2>ข้อที่ได้คะแนนต่ำที่สุด และแผนที่แก้ไขเรื่องนั้น</h2>
          <ol>
            {view.weakest.map((w) => (
              <li>
                <strong>{w.code}</strong> ({formatNumber(w.score, d, 2)} คะแนน) {w.text}
                <div class="hint">
                  {w.planRows.length
                    ? `แผนที่เกี่ยวข้อง: ${w.planRows.map((p) => `ข้อ ${p.order} ${p.weaknessTh}`).join('; ')}`
                    : 'ยังไม่มีแถวในแผนปรับปรุงที่ตอบข้อนี้หรือตัวชี้วัดนี้ ควรเพิ่มในแผน'}
                </div>
              </li>
            ))}
          </ol>
          <p>
            <a href="/admin/plan">ไปที่แผนปรับปรุง</a>
          </p>
        </>
      )}
      <p class="hint">ข้อเสนอแนะแบบข้อความอิสระไม่แสดงรายคน ดูได้เฉพาะจำนวนผู้ที่เขียน</p>
      {round.closed ? (
        <div class="notice notice-info" data-round="closed">
          ปิดรอบการสำรวจแล้ว ลิงก์ที่ยังไม่ได้ใช้ตอบไม่ได้อีก ผลข้างต้นเป็นผลสุดท้ายของรอบนี้
        </div>
      ) : (
        <>
      <form method="post" action={`${BASE}/rounds/${round.id}/links`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <h2>ออกลิงก์ตอบแบบสำรวจ (ใช้ได้ครั้งเดียว)</h2>
        <p class="hint">ลิงก์และคิวอาร์โค้ดแสดงครั้งเดียวหลังกดปุ่ม ให้พิมพ์แจกโดยไม่บันทึกว่าใครได้ลิงก์ใด ระบบเก็บเพียงชื่อหน่วยงานย่อยกับลิงก์</p>
        <Select name="unit" label="หน่วยงานย่อย" value={values.unit ?? ''} includeEmpty="เลือกหน่วยงานย่อย" error={errorFor(errors, 'unit')} options={props.units.map((u) => ({ value: u, label: u }))} />
        <TextField name="count" label="จำนวนลิงก์" width="short" inputmode="numeric" value={values.count ?? '10'} error={errorFor(errors, 'count')} />
        <Button>ออกลิงก์และคิวอาร์โค้ด</Button>
      </form>
      <form method="post" action={`${BASE}/rounds/${round.id}/close`}>
        <CsrfField token={ctx.csrfToken} />
        <h2>ปิดรอบการสำรวจ</h2>
        <p class="hint">เมื่อปิดแล้ว ลิงก์ที่ยังไม่ได้ใช้จะตอบไม่ได้ (ผู้ตอบจะเห็นข้อความว่าปิดรับคำตอบแล้ว) และผลจะไม่เปลี่ยนอีก ควรดูผลหลังปิดรอบ เพื่อไม่ให้ใครอ่านคำตอบของคนที่เพิ่งตอบได้จากผลที่เปลี่ยนไป</p>
        <Button variant="warning">ปิดรอบการสำรวจ</Button>
      </form>
        </>
      )}
      <p class="actions">
        <a class="button button-secondary" href={`${BASE}/rounds/${round.id}/results.csv`}>ดาวน์โหลดผลรายหน่วย (CSV)</a>
      </p>
      <p class="hint">ไม่มีการดาวน์โหลดคำตอบรายคน ไฟล์มีเฉพาะผลรายหน่วยที่แสดงในหน้านี้ หน่วยที่ผู้ตอบไม่ถึงเกณฑ์มีเพียงจำนวน</p>
    </Layout>
  );
}

export function LinkSlipsPage({ ctx, round, unit, slips }: { ctx: PageContext; round: Round; unit: string; slips: { url: string; qr: string }[] }) {
  return (
    <Layout ctx={ctx} title={`ลิงก์ตอบแบบสำรวจ ${unit}`}>
      <h1>ลิงก์ตอบแบบสำรวจ: {unit}</h1>
      <div class="notice notice-warn">ลิงก์ชุดนี้แสดงครั้งเดียว พิมพ์หรือบันทึกเป็น PDF ตอนนี้ แต่ละลิงก์ตอบได้หนึ่งครั้ง ห้ามจดว่าใครได้ลิงก์ใด</div>
      <p>
        <a href={`${BASE}/rounds/${round.id}`}>กลับไปหน้ารอบการสำรวจ</a>
      </p>
      {slips.map((s, i) => (
        <div class="slip">
          <p>
            <strong>{round.title}</strong> · ใบที่ {i + 1}
          </p>
          <div class="qr" role="img" aria-label={`คิวอาร์โค้ดลิงก์แบบสำรวจใบที่ ${i + 1}`} dangerouslySetInnerHTML={{ __html: s.qr }} />
          <p class="mono break" data-verbatim>{s.url}</p>
        </div>
      ))}
    </Layout>
  );
}

const SOURCE_LABELS = { 'self-diagnosis': 'ประเมินตนเอง', 'oit-readiness': 'ความพร้อม OIT', 'last-official': 'ผลทางการปีก่อน', missing: 'ไม่มีข้อมูล (นับ 0)' } as const;

export function PredictionPage({ ctx, p }: { ctx: PageContext; p: Prediction }) {
  const d = digitsOf(ctx);
  const nos = Object.keys(p.base.indicators).map(Number);
  return (
    <Layout ctx={ctx} title={`ผลคาดการณ์ ITA ปี ${p.year}`}>
      <h1>ผลคาดการณ์ ITA ปี {formatInteger(p.year, d)}</h1>
      <div class="cards">
        <div class="card">
          <div class="card-label">คะแนนรวมคาดการณ์</div>
          <div class="card-value">{formatNumber(p.base.total, d, 2)}</div>
        </div>
        <div class="card">
          <div class="card-label">ระดับคาดการณ์</div>
          <div class="card-value">{withDigits(p.base.levelLabel, d)}</div>
        </div>
      </div>
      <h2>ความไม่แน่นอนของการคาดการณ์</h2>
      <ul>
        {uncertaintyLines({ samples: p.samples, catalogueComplete: p.catalogueStatus === 'complete' }).map((line) => (
          <li>{withDigits(line, d)}</li>
        ))}
      </ul>
      <DataTable caption="คะแนนรายตัวชี้วัดที่ใช้คาดการณ์" head={['ตัวชี้วัด', 'คะแนน', 'ที่มา']}>
        {nos.map((n) => (
          <tr>
            <td>{formatInteger(n, d)}</td>
            <td class="num">{formatNumber(p.base.indicators[n]!, d, 2)}</td>
            <td>{SOURCE_LABELS[p.base.sources[n]!]}</td>
          </tr>
        ))}
      </DataTable>
      <h2>ถ้าทำรายการ OIT เพิ่ม</h2>
      {p.suggested ? (
        <p>
          ถ้าทำ {p.suggested.codes.join(' และ ')} ให้ครบ: +{formatNumber(p.suggested.gain, d, 2)} คะแนน ระดับ {withDigits(p.base.levelLabel, d)} → {withDigits(p.suggested.levelLabel, d)}
        </p>
      ) : (
        <p>รายการ OIT ครบทุกข้อแล้ว</p>
      )}
      {p.incomplete.length > 0 && (
        <form method="get" action={`${BASE}/prediction`}>
          <input type="hidden" name="year" value={String(p.year)} />
          <fieldset class="fieldset">
            <legend>เลือกรายการที่จะทำให้ครบ</legend>
            {p.incomplete.map((c) => (
              <div class="checkbox">
                <input type="checkbox" id={`c-${c}`} name="complete" value={c} checked={p.chosen?.codes.includes(c)} />
                <label for={`c-${c}`}>{c}</label>
              </div>
            ))}
          </fieldset>
          <Button variant="secondary">คำนวณใหม่</Button>
        </form>
      )}
      {p.chosen && (
        <p role="status">
          ถ้าทำ {p.chosen.codes.join(', ')} ให้ครบ: คะแนนรวม {formatNumber(p.chosen.total, d, 2)} (+{formatNumber(p.chosen.gain, d, 2)}) ระดับ {withDigits(p.base.levelLabel, d)} → {withDigits(p.chosen.levelLabel, d)}
        </p>
      )}
    </Layout>
  );
}
