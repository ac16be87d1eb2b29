/**
 * Thai compounds of government writing that must not be split at a line end.
 *
 * ICU's dictionary (`Intl.Segmenter('th')`, used by our PDF layout and by browsers) splits many
 * compounds an official reads as one word: หน่วย|งาน, องค์|ประกอบ, ผู้รับ|ผิด|ชอบ, ข้อ|เสนอ|แนะ,
 * ตรวจ|สอบ. A line ending inside one looks like a typing error in a signed document. This list
 * sits on top of the segmenter: it only removes break opportunities, never adds one.
 *
 * Keep entries as they are written (no spaces) and not longer than a narrow table cell can hold
 * (~12 characters of 14 pt Sarabun in a 3 cm column); a longer run still breaks somewhere, by
 * the over-long-word rule of the layout.
 */
export const THAI_COMPOUNDS: readonly string[] = [
  // Organisation and people
  'หน่วยงาน', 'ส่วนราชการ', 'เจ้าหน้าที่', 'ผู้บริหาร', 'ผู้รับผิดชอบ', 'ผู้ประเมิน', 'ผู้รับบริการ', 'ผู้ร้องเรียน',
  'ผู้บังคับบัญชา', 'ผู้ปฏิบัติงาน', 'ผู้มีส่วนได้ส่วนเสีย', 'บุคลากร', 'ทรัพยากรบุคคล', 'สำนักปลัด', 'กองคลัง', 'กองช่าง',
  'กองการศึกษา', 'กองสาธารณสุข', 'นายกเทศมนตรี', 'ปลัดเทศบาล',
  // The assessment's own words
  'องค์ประกอบ', 'ข้อเสนอแนะ', 'ปัญหาอุปสรรค', 'ตัวชี้วัด', 'ข้อบกพร่อง', 'จุดอ่อน', 'ข้อร้องเรียน', 'เรื่องร้องเรียน',
  'ร้องเรียน', 'ตรวจสอบ', 'ติดตาม', 'กำกับติดตาม', 'ประเมินผล', 'ผลการดำเนินงาน', 'แผนปฏิบัติการ', 'แผนปฏิบัติราชการ',
  'ความโปร่งใส', 'การทุจริต', 'ทุจริต', 'ประพฤติมิชอบ', 'ผลประโยชน์ทับซ้อน', 'ขัดกันระหว่างประโยชน์ส่วนบุคคล',
  'ข้อมูลข่าวสาร', 'ประชาสัมพันธ์', 'เผยแพร่', 'งบประมาณ', 'ปีงบประมาณ', 'จัดซื้อจัดจ้าง', 'ช่องทาง', 'ขั้นตอน',
  'ระยะเวลา', 'แล้วเสร็จ', 'รายงานผล', 'ดำเนินการ', 'ดำเนินงาน', 'ปฏิบัติงาน', 'ปฏิบัติตาม', 'มาตรฐาน', 'คู่มือ',
  'ข้อมูล', 'ความพึงพอใจ', 'ส่งเสริม', 'คุณธรรม', 'จริยธรรม', 'ประมวลจริยธรรม', 'ประโยชน์', 'ผลกระทบ', 'เว็บไซต์',
  'ทรัพย์สิน', 'ของทางราชการ', 'ประจำปี', 'สินบน', 'เสริมสร้าง', 'ปรับปรุง', 'พัฒนา', 'ประกาศ',
];

/** A run of text, and whether a line may not end inside it. */
export interface TextSpan {
  text: string;
  whole: boolean;
}

/**
 * Occurrences of compounds in `text` as [start, end), in order, without those inside a longer
 * one (ทุจริต inside การทุจริต). Two occurrences may still overlap partly: ประจำปี|ปีงบประมาณ
 * in ประจำปีงบประมาณ, ประเมินผล|ผลกระทบ in ประเมินผลกระทบ.
 */
export function compoundRanges(text: string): [number, number][] {
  const found: [number, number][] = [];
  for (const word of THAI_COMPOUNDS) {
    for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + 1)) found.push([at, at + word.length]);
  }
  found.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const out: [number, number][] = [];
  for (const r of found) {
    if (out.some((o) => o[0] <= r[0] && r[1] <= o[1])) continue; // nested or repeated
    out.push(r);
  }
  return out;
}

/**
 * Offsets (0 < i < text.length) where a line must not break because a compound would be split.
 * Where two compounds overlap partly, the start and end of each stay allowed, so the run can
 * still break between them (ประจำ|ปีงบประมาณ, ประเมิน|ผลกระทบ) instead of becoming one long
 * unbreakable word.
 */
export function compoundBlockedOffsets(text: string): Set<number> {
  const ranges = compoundRanges(text);
  const blocked = new Set<number>();
  for (const [s, e] of ranges) for (let i = s + 1; i < e; i++) blocked.add(i);
  for (const [s, e] of ranges) {
    blocked.delete(s);
    blocked.delete(e);
  }
  return blocked;
}

/** A run of text, and whether a line may not end inside it. */
export interface TextSpan {
  text: string;
  whole: boolean;
}

/**
 * Splits `text` into runs, the compounds marked `whole`, so a page can keep them on one line
 * (`white-space: nowrap` spans) while the browser breaks the rest where it likes. A partly
 * overlapped compound gives up its overlap to the one after it.
 * @example compoundSpans('ผู้รับผิดชอบงาน') // [{ text: 'ผู้รับผิดชอบ', whole: true }, { text: 'งาน', whole: false }]
 */
export function compoundSpans(text: string): TextSpan[] {
  const out: TextSpan[] = [];
  let last = 0;
  const ranges = compoundRanges(text);
  ranges.forEach(([s, e], k) => {
    const next = ranges[k + 1];
    const end = next && next[0] < e ? next[0] : e;
    const start = Math.max(s, last);
    if (start > last) out.push({ text: text.slice(last, start), whole: false });
    if (end > start) out.push({ text: text.slice(start, end), whole: true });
    last = Math.max(last, end);
  });
  if (last < text.length) out.push({ text: text.slice(last), whole: false });
  return out;
}
