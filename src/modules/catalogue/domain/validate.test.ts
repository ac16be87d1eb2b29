import { describe, it, expect } from 'vitest';
import { parseCatalogue } from './validate.js';
import { readFileSync } from 'node:fs';
import type { Catalogue } from './schema.js';

// Read the data file directly: domain code (tests included) does not reach outside domain/ and shared/.
const fy2565Json: unknown = JSON.parse(readFileSync(new URL('../data/fy2565.json', import.meta.url), 'utf8'));
/** A fresh, valid catalogue to break one thing at a time. */
const valid = (): Catalogue => {
  const r = parseCatalogue(fy2565Json);
  if (!r.ok) throw new Error('fy2565.json is invalid');
  return r.catalogue;
};
const THAI = /[\u0E00-\u0E7F]/;

function errorsOf(raw: unknown) {
  const r = parseCatalogue(raw);
  expect(r.ok).toBe(false);
  if (r.ok) return [];
  for (const e of r.errors) expect(e.message, e.field).toMatch(THAI);
  return r.errors;
}

describe('parseCatalogue', () => {
  it('accepts a valid catalogue and fills defaults', () => {
    const c = valid();
    const raw = JSON.parse(JSON.stringify(c)) as Record<string, unknown>;
    delete raw.strengthThreshold;
    const r = parseCatalogue(raw);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.catalogue.strengthThreshold).toBe(80);
  });

  it('rejects tool weights that do not add up to 100', () => {
    const c = valid();
    c.tools[2]!.weight = 30;
    expect(errorsOf(c)).toEqual([{ field: 'tools', message: expect.stringContaining('100') }]);
  });

  it('rejects a duplicate OIT code, naming the second occurrence', () => {
    const c = valid();
    c.oitItems[10]!.code = 'O10';
    expect(errorsOf(c)).toContainEqual({ field: 'oitItems.10.code', message: 'รายการ O10 ซ้ำ' });
  });

  it('rejects an item or question pointing at an indicator the year does not have', () => {
    const c = valid();
    c.oitItems[0]!.indicator = 11;
    c.questions[0]!.indicator = 12;
    const errors = errorsOf(c);
    expect(errors).toContainEqual({ field: 'oitItems.0.indicator', message: expect.stringContaining('ตัวชี้วัดที่ 11') });
    expect(errors).toContainEqual({ field: 'questions.0.indicator', message: expect.stringContaining('ตัวชี้วัดที่ 12') });
  });

  it('rejects an OIT item under an IIT indicator, or under a sub-indicator of another indicator', () => {
    const c = valid();
    c.oitItems[0]!.indicator = 1;
    c.oitItems[1]!.subIndicator = '10.1';
    c.oitItems[2]!.subIndicator = '9.9';
    const errors = errorsOf(c);
    expect(errors).toContainEqual({ field: 'oitItems.0.indicator', message: expect.stringContaining('IIT') });
    expect(errors).toContainEqual({ field: 'oitItems.1.subIndicator', message: expect.stringContaining('O2') });
    expect(errors).toContainEqual({ field: 'oitItems.2.subIndicator', message: expect.stringContaining('9.9') });
  });

  it('rejects a question whose indicator belongs to another tool', () => {
    const c = valid();
    c.questions[0]!.indicator = 6;
    expect(errorsOf(c)).toContainEqual({ field: 'questions.0.indicator', message: expect.stringContaining('EIT') });
  });

  it('rejects bands out of order and a scale that leaves low scores without a level', () => {
    const c = valid();
    if (c.rating.kind !== 'bands') throw new Error('fixture');
    c.rating.bands[2]!.min = 90;
    c.rating.bands[6]!.min = 10;
    const errors = errorsOf(c).map((e) => e.field);
    expect(errors).toEqual(expect.arrayContaining(['rating.bands.2.min', 'rating.bands.6.min']));
  });

  it('rejects an unknown element check and an unknown period with the path to the field', () => {
    const raw = JSON.parse(JSON.stringify(valid()));
    raw.oitItems[4].elements[0].checks = ['nonsense'];
    raw.oitItems[5].period = 'some-day';
    const errors = errorsOf(raw);
    expect(errors.map((e) => e.field)).toEqual(expect.arrayContaining(['oitItems.4.elements.0.checks.0', 'oitItems.5.period']));
    // The message lists what may be used instead.
    expect(errors.find((e) => e.field === 'oitItems.5.period')!.message).toContain('first-half');
  });

  it('rejects an unknown rating kind on rating.kind', () => {
    const raw = JSON.parse(JSON.stringify(valid()));
    raw.rating = { kind: 'stars', bands: [] };
    expect(errorsOf(raw)).toEqual([{ field: 'rating.kind', message: expect.stringContaining('bands หรือ labels') }]);
  });

  it('rejects a missing field with a Thai message', () => {
    const raw = JSON.parse(JSON.stringify(valid()));
    delete raw.oitItems[3].titleTh;
    expect(errorsOf(raw)).toContainEqual({ field: 'oitItems.3.titleTh', message: 'ต้องระบุข้อมูลนี้' });
  });

  it('rejects calendar dates written in B.E. or that do not exist', () => {
    const c = valid();
    c.calendar[0]!.from = '2565-01-01';
    c.calendar[1]!.to = '2022-02-30';
    const errors = errorsOf(c);
    expect(errors).toContainEqual({ field: 'calendar.0.from', message: expect.stringContaining('พ.ศ.') });
    expect(errors).toContainEqual({ field: 'calendar.1.to', message: expect.stringContaining('2022-02-30') });
  });

  it('rejects things that are not catalogues at all without throwing', () => {
    expect(errorsOf(null).length).toBeGreaterThan(0);
    expect(errorsOf('fy2565').length).toBeGreaterThan(0);
    expect(errorsOf({}).map((e) => e.field)).toEqual(expect.arrayContaining(['fiscalYear', 'tools', 'indicators', 'rating']));
  });
});
