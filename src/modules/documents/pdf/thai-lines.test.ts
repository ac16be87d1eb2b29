import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { TextKit } from './pdf-text.js';
import { SAMPLE_PARAGRAPH } from './sample-model.js';
import {
  alignLine,
  breakOpportunities,
  breakUnits,
  graphemeBoundaries,
  graphemes,
  justificationAtoms,
  justifyLine,
  layoutLines,
  type Line,
  type Measure,
  segmenterBoundaries,
  UNBREAKABLE_WORDS,
  WIDTH_EPSILON,
} from './thai-lines.js';

/** Deterministic stand-in for a font: marks are zero-width, spaces narrow, bold wider. */
const fakeMeasure: Measure = (text, bold) => {
  let w = 0;
  for (const ch of text) {
    if (/[\p{M}]/u.test(ch)) continue;
    w += /\s/.test(ch) ? 4 : bold ? 9 : 8;
  }
  return w;
};

/** Sarabun through pdfkit, as the renderer measures. */
const realMeasure = new TextKit(new PDFDocument({ autoFirstPage: false })).measure(16);

const run = (text: string, bold = false) => ({ text, bold });

const LEADING_VOWEL = /[เแโใไ]$/;
const NO_LINE_START = /^[\s\p{M}ำ.,;:!?)\]}”’ๆฯ]/u;

function checkLines(text: string, lines: Line[], width: number, indent = 0): void {
  const allowed = new Set([...segmenterBoundaries(text), text.length]);
  lines.forEach((line, i) => {
    const avail = width - (i === 0 ? indent : 0);
    expect(line.width, `line ${i} "${line.text}"`).toBeLessThanOrEqual(avail + WIDTH_EPSILON);
    expect(line.text).toBe(text.slice(line.start, line.end).replace(/\s/g, ' '));
    expect(line.text).not.toMatch(NO_LINE_START);
    expect(line.text).not.toMatch(LEADING_VOWEL);
    // Every line ends at a word boundary the segmenter reported (or the paragraph's end).
    let end = line.end;
    while (end < text.length && /\s/.test(text[end]!)) end++;
    expect(allowed.has(end), `line ${i} ends inside a word: "${line.text}|${text.slice(end, end + 10)}"`).toBe(true);
  });
  // Nothing lost or added: the lines are the text, less the spaces at the breaks.
  expect(lines.map((l) => l.text).join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
}

describe('government compounds (shared/thai-words)', () => {
  // Compounds the issue found split at line ends in the PDF and in narrow table cells.
  const SPLIT_BY_ICU = ['หน่วยงาน', 'องค์ประกอบ', 'ผู้รับผิดชอบ', 'ข้อเสนอแนะ', 'ตรวจสอบ'];

  it('are split by the segmenter but never at a line end, at any width', () => {
    for (const word of SPLIT_BY_ICU) expect(segmenterBoundaries(word).size, word).toBeGreaterThan(0);
    const text = 'ให้หน่วยงานตรวจสอบองค์ประกอบของรายงานและข้อเสนอแนะ โดยผู้รับผิดชอบรายงานผู้บริหารทุกหกเดือน';
    const widest = Math.max(...breakUnits(text).map((u) => fakeMeasure(u.trim(), false)));
    for (let width = widest; width <= 400; width += 2) {
      const lines = layoutLines([run(text)], { width, measure: fakeMeasure });
      checkLines(text, lines, width);
      const joined = lines.map((l) => l.text).join('|');
      for (const word of SPLIT_BY_ICU) expect(joined.replace(/\|/g, '').split(word).length - 1, word).toBe(joined.split(word).length - 1);
    }
  });

  it('that overlap still break between them, not in the middle of either', () => {
    const units = breakUnits('ประจำปีงบประมาณ ประเมินผลกระทบ');
    expect(units).toContain('ประจำ');
    expect(units.some((u) => u.startsWith('ปีงบประมาณ'))).toBe(true);
    expect(units).toContain('ประเมิน');
    expect(units).toContain('ผลกระทบ');
  });
});

describe('breakOpportunities', () => {
  it('splits only where the segmenter does, and the units rebuild the text', () => {
    const seg = segmenterBoundaries(SAMPLE_PARAGRAPH);
    const breaks = breakOpportunities(SAMPLE_PARAGRAPH);
    expect(breaks.length).toBeGreaterThan(50);
    for (const b of breaks) expect(seg.has(b)).toBe(true);
    expect(breakUnits(SAMPLE_PARAGRAPH).join('')).toBe(SAMPLE_PARAGRAPH);
  });

  it('never breaks inside ผลกระทบ, although the segmenter does (ผลก|ระ|ทบ)', () => {
    const text = 'เพื่อลดผลกระทบจากความเสี่ยง และผลกระทบต่อชุมชน';
    const at = text.indexOf('ผลกระทบ');
    expect([...segmenterBoundaries(text)].some((b) => b > at && b < at + 7)).toBe(true);
    expect(breakUnits(text).filter((u) => u.includes('ผลกระทบ'))).toHaveLength(2);
    for (const word of UNBREAKABLE_WORDS) {
      const t = `ก่อน${word}หลัง ${word} ท้าย`;
      for (const b of breakOpportunities(t)) {
        for (let p = t.indexOf(word); p !== -1; p = t.indexOf(word, p + 1)) {
          expect(b <= p || b >= p + word.length, `${word} split at ${b}`).toBe(true);
        }
      }
    }
  });

  it('glues punctuation, abbreviations and an era to its year', () => {
    const units = breakUnits('ประจำปีงบประมาณ พ.ศ. ๒๕๖๕ (สำนักงาน ก.พ.ร.) “คำพูด” ไปๆ มาๆ ITA/OIT e-service 1,234.56 ประกาศฯ');
    expect(units).toContain('พ.ศ. ๒๕๖๕ ');
    expect(units).toContain('(สำนักงาน ');
    expect(units).toContain('ก.พ.ร.) ');
    expect(units).toContain('“คำ');
    expect(units).toContain('พูด” ');
    expect(units).toContain('ITA/OIT ');
    expect(units).toContain('e-service ');
    expect(units).toContain('1,234.56 ');
    expect(units).toContain('ประกาศฯ');
    for (const u of units) expect(u).not.toMatch(NO_LINE_START);
  });

  it('never breaks before a mark or SARA AM, after a leading vowel, or inside a cluster', () => {
    const text = 'แม่น้ำเจ้าพระยาไหลผ่านกรุงเทพมหานครและจังหวัดใกล้เคียงเป็นระยะทางไกลมาก';
    const clusters = graphemeBoundaries(text);
    for (const b of breakOpportunities(text)) {
      expect(clusters.has(b)).toBe(true);
      expect(text[b]).not.toMatch(/[\p{M}ำ]/u);
      expect(text[b - 1]).not.toMatch(/[เแโใไ]/);
    }
  });

  it('always breaks after a hard line break', () => {
    const lines = layoutLines([run('บรรทัดแรก\nบรรทัดที่สอง')], { width: 1000, measure: fakeMeasure });
    expect(lines.map((l) => [l.text, l.last])).toEqual([
      ['บรรทัดแรก', true],
      ['บรรทัดที่สอง', true],
    ]);
  });
});

describe('graphemes', () => {
  it('agrees with Intl.Segmenter on Thai and mixed text (fast path) and on emoji (slow path)', () => {
    const seg = new Intl.Segmenter('th', { granularity: 'grapheme' });
    for (const text of [SAMPLE_PARAGRAPH, 'ก่ำ ปั้น ฟื้น ฤๅ ฦๅ เก้า แล้ว (ITA) “ข้อ” — ๑.๒', 'ผู้ใช้ 👍🏽 ไทย 🇹🇭 e\u0301', 'ำก']) {
      expect(graphemes(text)).toEqual(Array.from(seg.segment(text), (s) => s.segment));
    }
  });
});

describe('layoutLines', () => {
  it('breaks only between words, within the width, at many widths (fake metrics)', () => {
    // From the widest unbreakable unit up: narrower lines must cut words (tested below).
    const widest = Math.max(...breakUnits(SAMPLE_PARAGRAPH).map((u) => fakeMeasure(u.trim(), false)));
    for (let width = widest; width <= 480; width += 7) {
      checkLines(SAMPLE_PARAGRAPH, layoutLines([run(SAMPLE_PARAGRAPH)], { width, measure: fakeMeasure }), width);
    }
  });

  it('breaks only between words, within the width, with Sarabun metrics and a first-line indent', () => {
    const indent = 70.87;
    for (const width of [453.54, 300, 180, 120]) {
      const lines = layoutLines([run(SAMPLE_PARAGRAPH)], { width, firstLineIndent: indent, measure: realMeasure });
      checkLines(SAMPLE_PARAGRAPH, lines, width, indent);
      expect(lines[0]!.indent).toBe(indent);
      expect(lines.slice(1).every((l) => l.indent === 0)).toBe(true);
      expect(lines.filter((l) => l.last)).toEqual([lines[lines.length - 1]]);
    }
  });

  it('keeps ผลกระทบ whole at every width', () => {
    const text = 'การประเมินผลกระทบและความเสี่ยงการทุจริตเพื่อลดผลกระทบต่อการดำเนินงานของหน่วยงาน';
    // From the widest unbreakable unit up (narrower, it would have to be cut like any long word;
    // ดำเนินงาน and หน่วยงาน are compounds kept whole too).
    const widest = Math.max(...breakUnits(text).map((u) => fakeMeasure(u.trim(), false)));
    expect(widest).toBeGreaterThanOrEqual(fakeMeasure('ผลกระทบ', false));
    for (let width = widest; width <= 300; width += 3) {
      const lines = layoutLines([run(text)], { width, measure: fakeMeasure });
      checkLines(text, lines, width);
      for (const l of lines) {
        expect(l.text.endsWith('ผลก') || l.text.endsWith('ผลกระ') || l.text.startsWith('ระทบ') || l.text.startsWith('ทบ')).toBe(false);
      }
    }
  });

  it('cuts a word wider than the line between grapheme clusters, and only that word', () => {
    const url = 'https://www.nongbua.go.th/ita/oit/o1-structure-of-the-organisation.pdf';
    const text = `ดูรายละเอียดที่ ${url} ได้`;
    const width = 150;
    const lines = layoutLines([run(text)], { width, measure: realMeasure });
    expect(lines[0]!.text).toBe('ดูรายละเอียดที่');
    expect(lines.length).toBeGreaterThan(3);
    // The URL's last piece shares its line with the next word, as after any break.
    expect(lines[lines.length - 1]!.text).toMatch(/\.pdf ได้$/);
    expect(lines.slice(1).map((l) => l.text).join('')).toBe(`${url} ได้`);
    for (const l of lines) expect(l.width).toBeLessThanOrEqual(width + WIDTH_EPSILON);

    const thai = 'ประสิทธิภาพ';
    const narrow = layoutLines([run(thai)], { width: 30, measure: realMeasure });
    expect(narrow.length).toBeGreaterThan(1);
    expect(narrow.map((l) => l.text).join('')).toBe(thai);
    const clusters = graphemeBoundaries(thai);
    for (const l of narrow.slice(0, -1)) {
      expect(clusters.has(l.end)).toBe(true);
      expect(l.width).toBeLessThanOrEqual(30 + WIDTH_EPSILON);
    }
  });

  it('keeps the face of each run and measures bold as bold', () => {
    const lines = layoutLines([run('ผลการวิเคราะห์: ', true), run('การวิเคราะห์ผลการประเมินพบว่า')], {
      width: 1000,
      measure: fakeMeasure,
    });
    expect(lines).toHaveLength(1);
    const pieces = lines[0]!.pieces.filter((p) => p.text.trim());
    expect(pieces.filter((p) => p.bold).map((p) => p.text).join('')).toBe('ผลการวิเคราะห์:');
    expect(pieces.filter((p) => !p.bold).map((p) => p.text).join('')).toBe('การวิเคราะห์ผลการประเมินพบว่า');
    expect(lines[0]!.width).toBe(fakeMeasure('ผลการวิเคราะห์: ', true) + fakeMeasure('การวิเคราะห์ผลการประเมินพบว่า', false));
  });
});

describe('justification', () => {
  const width = 300;
  const lines = layoutLines([run(SAMPLE_PARAGRAPH)], { width, firstLineIndent: 40, measure: realMeasure });

  it('spreads every line but the last to exactly the available width', () => {
    for (const line of lines) {
      const pieces = justifyLine(line, realMeasure);
      const last = pieces[pieces.length - 1]!;
      if (line.last) {
        expect(pieces).toBe(line.pieces);
      } else {
        expect(last.x + last.width).toBeCloseTo(line.available, 6);
        expect(pieces.map((p) => p.text).join('')).toBe(line.text);
        // Gaps are equal and pieces never overlap.
        const gaps = pieces.slice(1).map((p, i) => p.x - (pieces[i]!.x + pieces[i]!.width));
        for (const g of gaps) expect(g).toBeCloseTo(gaps[0]!, 6);
        expect(gaps[0]!).toBeGreaterThanOrEqual(-0.5);
      }
    }
  });

  it('spreads over clusters, keeps leading vowels with their consonant and Latin words whole', () => {
    expect(justificationAtoms('เป็นการ')).toEqual(['เป็', 'น', 'ก', 'า', 'ร']);
    expect(justificationAtoms('ไม่ใช่')).toEqual(['ไม่', 'ใช่']);
    expect(justificationAtoms('(ITA) ๒๕๖๕')).toEqual(['(ITA)', ' ', '๒๕๖๕']);
  });

  it('aligns centre and right within the available width', () => {
    const [line] = layoutLines([run('ประจำปีงบประมาณ')], { width: 300, measure: realMeasure });
    const centre = alignLine(line!, 'center', realMeasure);
    expect(centre[0]!.x).toBeCloseTo((300 - line!.width) / 2, 6);
    const right = alignLine(line!, 'right', realMeasure);
    const end = right[right.length - 1]!;
    expect(end.x + end.width).toBeCloseTo(300, 6);
  });
});
