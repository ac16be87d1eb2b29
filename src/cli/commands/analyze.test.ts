import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../main.js';
import { fy2565Catalogue } from '../../modules/ita-results/domain/test-fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'prongsai-analyze-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const seedText = readFileSync(new URL('../../modules/ita-results/domain/fixtures/seed-fy2565.json', import.meta.url), 'utf8');
const seed = () => JSON.parse(seedText) as Record<string, any>;

let n = 0;
function write(content: unknown): string {
  const file = join(dir, `input-${++n}.json`);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return file;
}

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n'), outCalls: out.length };
}

const FAILED = ['O2', 'O11', 'O12', 'O17', 'O20', 'O27', 'O39', 'O40', 'O42', 'O43'];

describe('cli analyze --json with the shipped FY2565 catalogue', () => {
  it('prints one JSON object with the seed analysis and exits 0', async () => {
    const r = await cli('analyze', write(seedText), '--json');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.outCalls).toBe(1);
    const j = JSON.parse(r.out);
    expect(j.fiscalYear).toBe(2565);
    expect(j.agencyName).toBe('เทศบาลตำบลปรุใหญ่');
    expect(j.total).toEqual({ computed: 65.67, exact: 65.6656, official: 65.66, difference: -0.0056 });
    expect(j.level).toBe('C');
    expect(j.levelOfficial).toBe('C');
    expect(j.tools).toEqual({ IIT: 78.63, EIT: 76.61, OIT: 47.73 });
    expect(j.lowestPerTool).toEqual({ IIT: 5, EIT: 8, OIT: 10 });
    expect(j.lowestDetail.IIT).toMatchObject({ indicator: 5, score: 74.62 });
    expect(j.lowestDetail.EIT).toMatchObject({ indicator: 8, score: 74.22 });
    expect(j.lowestDetail.OIT).toMatchObject({ indicator: 10, score: 18.75 });
    expect(j.strengths).toEqual([1, 3, 6]);
    expect(j.failedOit.map((f: { code: string }) => f.code)).toEqual(FAILED);
    expect(j.failedOit[0]).toMatchObject({ code: 'O2', reason: expect.stringContaining('ผู้บริหาร'), recommendation: expect.any(String) });
    expect(j.flags).toEqual([]);
    expect(j.passed).toBe(false);
    expect(j.gapToPass).toBe(19.34);
  });

  it('reports flags, e.g. an official total that rounding does not explain', async () => {
    const raw = seed();
    raw.official.score = 65.65;
    const j = JSON.parse((await cli('analyze', write(raw), '--json')).out);
    expect(j.flags.map((f: { code: string }) => f.code)).toEqual(['TOTAL_MISMATCH']);
    expect(j.flags[0].message).toMatch(/[\u0E00-\u0E7F]/);
  });
});

describe('cli analyze --catalogue (a draft or corrected catalogue file)', () => {
  it('analyses against the given catalogue', async () => {
    const cat = join(dir, 'catalogue.json');
    writeFileSync(cat, JSON.stringify(fy2565Catalogue()));
    const r = await cli('analyze', write(seedText), '--json', '--catalogue', cat);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.total.computed).toBe(65.67);
    expect(j.failedOit[0]).toEqual({
      code: 'O2',
      titleTh: 'ข้อมูลผู้บริหาร',
      indicator: 9,
      subIndicator: '9.1',
      reason: expect.any(String),
      recommendation: 'เผยแพร่ ข้อมูลผู้บริหาร ให้ครบองค์ประกอบ',
    });
  });

  it('rejects a broken catalogue file in Thai', async () => {
    const cat = write({ fiscalYear: 2565 });
    const r = await cli('analyze', write(seedText), '--catalogue', cat);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`ไฟล์แคตตาล็อก "${cat}" ไม่ถูกต้อง:`);
  });
});

describe('cli analyze: readable summary', () => {
  it('prints a Thai summary without --json', async () => {
    const r = await cli('analyze', write(seedText));
    expect(r.code).toBe(0);
    expect(r.out).toContain('ผลการประเมิน ITA ปีงบประมาณ 2565 — เทศบาลตำบลปรุใหญ่');
    expect(r.out).toContain('คะแนนรวมที่คำนวณจากตัวชี้วัด: 65.67 (ค่าจริง 65.6656) ระดับ C');
    expect(r.out).toContain('คะแนนที่ประกาศ: 65.66 (ต่างจากค่าที่คำนวณ -0.0056) ระดับ C');
    expect(r.out).toContain('ยังไม่ผ่านเกณฑ์ 85.00 คะแนน (ขาดอีก 19.34 คะแนน)');
    expect(r.out).toContain('IIT: ตัวชี้วัดที่ 5 การแก้ไขปัญหาการทุจริต 74.62');
    expect(r.out).toContain('ข้อ OIT ที่ไม่ผ่าน (10 ข้อ):');
  });
});

describe('cli analyze: errors go to stderr in Thai with exit code 1', () => {
  it('names the field of a score out of range', async () => {
    const raw = seed();
    raw.indicators['3'] = 120;
    const r = await cli('analyze', write(raw), '--json');
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toContain('(1 รายการ)');
    expect(r.err).toContain('ช่อง indicators.3: คะแนนต้องอยู่ระหว่าง 0 ถึง 100 (ได้ 120)');
  });

  it('a year without a catalogue', async () => {
    const r = await cli('analyze', write({ ...seed(), fiscalYear: 2580 }), '--json');
    expect(r.code).toBe(1);
    expect(r.err).toContain('ช่อง fiscalYear: ไม่มีแคตตาล็อกของปีงบประมาณ 2580');
  });

  it('a missing file', async () => {
    const missing = join(dir, 'nope.json');
    const r = await cli('analyze', missing, '--json');
    expect(r).toMatchObject({ code: 1, out: '', err: `ไม่พบไฟล์ผลการประเมิน "${missing}"` });
  });

  it('a file that is not JSON', async () => {
    const file = write('{ "fiscalYear": 2565,');
    const r = await cli('analyze', file, '--json');
    expect(r.code).toBe(1);
    expect(r.err).toContain(`ไฟล์ผลการประเมิน "${file}" ไม่ใช่ JSON ที่ถูกต้อง`);
  });

  it('a directory instead of a file', async () => {
    const r = await cli('analyze', dir);
    expect(r.code).toBe(1);
    expect(r.err).toContain('เป็นโฟลเดอร์');
  });

  it('no file given: usage and exit 2', async () => {
    const r = await cli('analyze', '--json');
    expect(r.code).toBe(2);
    expect(r.err).toContain('วิธีใช้: npm run cli -- analyze');
  });

  it('a JSON file with a BOM is read', async () => {
    const r = await cli('analyze', write(`\uFEFF${seedText}`), '--json');
    expect(r.code).toBe(0);
  });
});
