import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadShippedCatalogues, SHIPPED_CATALOGUE_DIR } from './shipped.js';
import { parseCatalogue } from './domain/validate.js';
import type { Catalogue } from './domain/schema.js';

const catalogues = loadShippedCatalogues();
const fy2565 = catalogues.get(2565)!;
const files = readdirSync(SHIPPED_CATALOGUE_DIR).filter((f) => /^fy\d{4}\.json$/.test(f));

describe('shipped catalogues', () => {
  it('loads every data file and names it by its fiscal year', () => {
    expect(files.sort()).toEqual(['fy2563.json', 'fy2564.json', 'fy2565.json', 'fy2566.json', 'fy2567.json', 'fy2568.json', 'fy2569.json', 'fy2570.json']);
    expect([...catalogues.keys()].sort()).toEqual([2563, 2564, 2565, 2566, 2567, 2568, 2569, 2570]);
  });

  it.each(files)('%s passes the full validation, cross-references included', (file) => {
    const result = parseCatalogue(JSON.parse(readFileSync(join(SHIPPED_CATALOGUE_DIR, file), 'utf8')));
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it.each([...catalogues.values()])('FY$fiscalYear: every OIT item sits under an OIT indicator and one of its sub-indicators', (c: Catalogue) => {
    for (const item of c.oitItems) {
      const ind = c.indicators.find((i) => i.no === item.indicator);
      expect(ind?.tool, item.code).toBe('OIT');
      expect(item.subIndicator.startsWith(`${item.indicator}.`), item.code).toBe(true);
      if (ind!.subIndicators.length > 0) expect(ind!.subIndicators.map((s) => s.code), item.code).toContain(item.subIndicator);
    }
  });

  it.each([...catalogues.values()])('FY$fiscalYear: an unconfirmed fact always says why', (c: Catalogue) => {
    const facts = [
      ...c.tools,
      ...c.indicators,
      ...c.indicators.flatMap((i) => i.subIndicators),
      ...(c.rating.kind === 'bands' ? c.rating.bands : c.rating.rules),
      ...c.questions,
      ...c.oitItems,
      ...c.oitItems.flatMap((i) => i.elements),
      ...c.calendar,
    ];
    for (const f of facts) if (!f.verified) expect(f.note, JSON.stringify(f).slice(0, 80)).toBeTruthy();
  });

  it('uses the same three tools, ten indicators and pass mark every year', () => {
    for (const c of catalogues.values()) {
      expect(c.tools.map((t) => `${t.code}:${t.weight}`)).toEqual(['IIT:30', 'EIT:30', 'OIT:40']);
      expect(c.indicators.map((i) => i.no)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      expect(c.indicators.every((i) => i.descriptionTh.length > 20)).toBe(true);
      expect(c.passMark).toBe(85);
    }
  });

  it('rates 2563–2565 by AA–F bands and 2566–2570 by labels that also look at each tool', () => {
    for (const fy of [2563, 2564, 2565]) {
      const rating = catalogues.get(fy)!.rating;
      expect(rating.kind === 'bands' ? rating.bands.map((b) => `${b.code}:${b.min}`) : []).toEqual(['AA:95', 'A:85', 'B:75', 'C:65', 'D:55', 'E:50', 'F:0']);
    }
    for (const fy of [2566, 2567, 2568, 2569, 2570]) {
      const rating = catalogues.get(fy)!.rating;
      expect(rating.kind).toBe('labels');
      if (rating.kind !== 'labels') continue;
      expect(rating.rules.map((r) => r.labelTh)).toEqual(['ผ่านดีเยี่ยม', 'ผ่านดี', 'ผ่าน', 'ต้องปรับปรุง', 'ต้องปรับปรุงโดยด่วน']);
      expect(rating.rules.map((r) => [r.minTotal, r.minEachTool])).toEqual([[95, 95], [85, 85], [85, undefined], [70, undefined], [0, undefined]]);
      // The 70 and 0 cut-offs come only from a replica and must stay marked.
      expect(rating.rules.filter((r) => !r.verified).map((r) => r.code)).toEqual(expect.arrayContaining(['improve', 'urgent']));
    }
  });

  it('marks the years known only in part as partial, and every 2566 item as unverified', () => {
    expect(fy2565.status).toBe('complete');
    for (const fy of [2563, 2564, 2566, 2567, 2568]) expect(catalogues.get(fy)!.status).toBe('partial');
    for (const fy of [2569, 2570]) expect(catalogues.get(fy)!.status).toBe('provisional');
    const fy2566 = catalogues.get(2566)!;
    expect(fy2566.oitItems.map((i) => i.code)).toEqual(Array.from({ length: 43 }, (_, i) => `O${i + 1}`));
    expect(fy2566.oitItems.every((i) => !i.verified && i.confidence !== 'high')).toBe(true);
    expect(fy2566.tools.every((t) => !t.verified)).toBe(true);
  });
});

describe('FY2565 catalogue', () => {
  it('has the 43 OIT items O1…O43 in order', () => {
    expect(fy2565.oitItems.map((i) => i.code)).toEqual(Array.from({ length: 43 }, (_, i) => `O${i + 1}`));
  });

  it('weighs IIT, EIT and OIT 30/30/40', () => {
    expect(Object.fromEntries(fy2565.tools.map((t) => [t.code, t.weight]))).toEqual({ IIT: 30, EIT: 30, OIT: 40 });
  });

  it('has the seven bands AA…F from 95 down to 0', () => {
    expect(fy2565.rating).toMatchObject({ kind: 'bands' });
    if (fy2565.rating.kind !== 'bands') return;
    expect(fy2565.rating.bands.map((b) => [b.code, b.min])).toEqual([
      ['AA', 95], ['A', 85], ['B', 75], ['C', 65], ['D', 55], ['E', 50], ['F', 0],
    ]);
  });

  it('groups the items into the seven sub-indicators as published', () => {
    const bySub = (sub: string) => fy2565.oitItems.filter((i) => i.subIndicator === sub).map((i) => i.code);
    const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => `O${a + i}`);
    expect(bySub('9.1')).toEqual(range(1, 9));
    expect(bySub('9.2')).toEqual(range(10, 17));
    expect(bySub('9.3')).toEqual(range(18, 24));
    expect(bySub('9.4')).toEqual(range(25, 28));
    expect(bySub('9.5')).toEqual(range(29, 33));
    expect(bySub('10.1')).toEqual(range(34, 41));
    expect(bySub('10.2')).toEqual(range(42, 43));
  });

  it('gives every item elements and a recommendation', () => {
    for (const item of fy2565.oitItems) {
      expect(item.elements.length, item.code).toBeGreaterThan(0);
      expect(item.recommendationTh.length, item.code).toBeGreaterThan(30);
      expect(item.groupTh, item.code).not.toBe('');
    }
  });

  it('ties each period to the machine check that verifies it', () => {
    const expected = { 'current-fy': 'covers-fiscal-year', 'first-half': 'covers-first-half', 'previous-fy': 'covers-previous-year' } as const;
    for (const item of fy2565.oitItems) {
      if (item.period === 'none') continue;
      const checks = item.elements.flatMap((e) => e.checks);
      expect(checks, item.code).toContain(expected[item.period]);
    }
    const period = (code: string) => fy2565.oitItems.find((i) => i.code === code)!.period;
    for (const code of ['O11', 'O15', 'O19', 'O26', 'O31', 'O37', 'O40', 'O43']) expect(period(code), code).toBe('first-half');
    for (const code of ['O12', 'O20', 'O24', 'O28', 'O41']) expect(period(code), code).toBe('previous-fy');
  });

  it('puts the structured checks on the items they were made for', () => {
    const checksOf = (code: string) => fy2565.oitItems.find((i) => i.code === code)!.elements.flatMap((e) => e.checks);
    expect(checksOf('O1')).toContain('structured-structure');
    expect(checksOf('O2')).toContain('structured-executives');
    expect(checksOf('O5')).toContain('structured-contact');
    expect(checksOf('O17')).toContain('https-link');
    expect(checksOf('O11')).toEqual(expect.arrayContaining(['covers-first-half', 'has-problems-section', 'has-suggestions-section']));
  });

  it('asks O42 for the analysis of last year, weaknesses, measures, owners, steps and follow-up', () => {
    const o42 = fy2565.oitItems.find((i) => i.code === 'O42')!;
    expect(o42.elements.map((e) => e.key)).toEqual(
      expect.arrayContaining(['analysis', 'urgent-weaknesses', 'measures', 'responsible', 'steps', 'monitoring']),
    );
    expect(o42.recommendationTh).toContain('2564');
  });

  it('has IIT questions I1–I30 mapped six to an indicator, all marked as carried from 2564', () => {
    const iit = fy2565.questions.filter((q) => q.tool === 'IIT');
    expect(iit.map((q) => q.code)).toEqual(Array.from({ length: 30 }, (_, i) => `I${i + 1}`));
    iit.forEach((q, i) => expect(q.indicator, q.code).toBe(Math.floor(i / 6) + 1));
    expect(iit.every((q) => !q.verified && q.recommendationTh.length > 0)).toBe(true);
  });

  it('has the EIT questions the seed document gives, under indicator 8', () => {
    const eit = fy2565.questions.filter((q) => q.tool === 'EIT');
    expect(eit.map((q) => [q.code, q.indicator])).toEqual([['E11', 8], ['E12', 8], ['E14', 8]]);
    expect(eit.every((q) => !q.verified && q.recommendationTh.length > 0)).toBe(true);
  });

  it('has the OIT calendar of 2565 in date order', () => {
    const steps = fy2565.calendar;
    expect(steps.map((s) => s.key).slice(0, 5)).toEqual(['registration', 'oit-collection', 'oit-scoring', 'oit-clarification', 'oit-confirmation']);
    expect(steps[0]).toMatchObject({ from: '2022-01-01', to: '2022-02-28' });
    for (let i = 1; i < steps.length; i++) expect(steps[i]!.from > steps[i - 1]!.to).toBe(true);
  });
});

describe('history years FY2563 and FY2564', () => {
  it.each([2563, 2564])('FY%i has the FY2565 tools and indicators and no OIT list', (fy) => {
    const c = catalogues.get(fy)!;
    expect(c.indicators.map((i) => `${i.no}:${i.tool}:${i.nameTh}`)).toEqual(fy2565.indicators.map((i) => `${i.no}:${i.tool}:${i.nameTh}`));
    expect(c.oitItems).toEqual([]);
    expect(c.sources.join(' ')).toContain('ipst.ac.th');
  });
  it('has the FY2564 IIT questions I1–I30, six to an indicator, marked as a replica', () => {
    const q = catalogues.get(2564)!.questions;
    expect(q.map((x) => x.code)).toEqual(Array.from({ length: 30 }, (_, i) => `I${i + 1}`));
    q.forEach((x, i) => expect(x.indicator).toBe(Math.floor(i / 6) + 1));
    expect(q[3]!.textTh).toContain('เรียกรับ');
    expect(q.every((x) => !x.verified && x.note!.includes('จำลอง'))).toBe(true);
    expect(catalogues.get(2563)!.questions).toEqual([]);
  });
});

describe('FY2566 rating labels', () => {
  it('cites the Thai PBS, IPST and municipality sources and keeps the lower cut-offs unverified', () => {
    const c = catalogues.get(2566)!;
    const s = c.sources.join(' ');
    for (const url of ['thaipbs.or.th/content/5949', 'ipst.ac.th/news/76226', 'sunpukwan.go.th']) expect(s).toContain(url);
    if (c.rating.kind !== 'labels') throw new Error('FY2566 must use labels');
    expect(c.rating.rules.find((r) => r.code === 'good')!.verified).toBe(true);
    expect(c.rating.rules.filter((r) => !r.verified).map((r) => r.code)).toEqual(['excellent', 'improve', 'urgent']);
  });
});

describe('provisional FY2569 and FY2570', () => {
  const fy2569 = catalogues.get(2569)!;
  const fy2570 = catalogues.get(2570)!;
  it('lists O1–O26 with the period each covers, every item provisional', () => {
    expect(fy2569.oitItems.map((i) => i.code)).toEqual(Array.from({ length: 26 }, (_, i) => `O${i + 1}`));
    expect(fy2569.oitItems.every((i) => !i.verified && i.note)).toBe(true);
    const period = (code: string) => fy2569.oitItems.find((i) => i.code === code)!.period;
    for (const code of ['O7', 'O12', 'O14', 'O18', 'O22', 'O24', 'O26']) expect(period(code), code).toBe('previous-fy');
    for (const code of ['O4', 'O10', 'O11', 'O13', 'O15', 'O19', 'O20', 'O21', 'O23', 'O25']) expect(period(code), code).toBe('current-fy');
    for (const code of ['O1', 'O2', 'O3', 'O8', 'O9', 'O16', 'O17']) expect(period(code), code).toBe('none');
    for (const item of fy2569.oitItems) {
      const expected = { 'current-fy': 'covers-fiscal-year', 'first-half': 'covers-first-half', 'previous-fy': 'covers-previous-year' } as const;
      if (item.period !== 'none') expect(item.elements.flatMap((e) => e.checks), item.code).toContain(expected[item.period]);
    }
    expect(fy2569.oitItems.find((i) => i.code === 'O18')!.role).toBe('complaint-statistics');
    expect(fy2569.oitItems.find((i) => i.code === 'O18')!.titleTh).toContain('2568');
  });
  it('carries tools, weights and the rating rule from FY2568, all unverified', () => {
    const fy2568 = catalogues.get(2568)!;
    for (const c of [fy2569, fy2570]) {
      expect(c.tools.map((t) => `${t.code}:${t.weight}:${t.verified}`)).toEqual(['IIT:30:false', 'EIT:30:false', 'OIT:40:false']);
      expect(c.rating.kind).toBe(fy2568.rating.kind);
      const rules = c.rating.kind === 'labels' ? c.rating.rules : [];
      expect(rules.map((r) => [r.code, r.minTotal, r.minEachTool])).toEqual(fy2568.rating.kind === 'labels' ? fy2568.rating.rules.map((r) => [r.code, r.minTotal, r.minEachTool]) : []);
      expect(rules.every((r) => !r.verified)).toBe(true);
    }
  });
  it('makes FY2570 a copy of FY2569 with the years moved on, and says so', () => {
    expect(fy2570.oitItems.map((i) => [i.code, i.role, i.period])).toEqual(fy2569.oitItems.map((i) => [i.code, i.role, i.period]));
    expect(fy2570.oitItems.find((i) => i.code === 'O18')!.titleTh).toContain('2569');
    expect(fy2570.oitItems.every((i) => i.note!.includes('คัดลอกจาก'))).toBe(true);
    expect(fy2570.summaryTh).toContain('คัดลอก');
  });
});
