/**
 * Hand-made fixtures for the measures document and the improvement plan: the FY2565 figures of a
 * municipality (the seed's archetype) and a small catalogue. The Thai texts are written for these
 * tests; they are not NACC's wording. Each call returns fresh objects, so a test may change them.
 */
import type { Catalogue } from '../../catalogue/index.js';
import type { Analysis, FailedOitItem, QuestionResult } from '../../ita-results/index.js';

export const SEED_AGENCY_NAME = 'เทศบาลตำบลปรุใหญ่';
export const SEED_UNITS = ['สำนักปลัด', 'กองคลัง', 'กองช่าง', 'กองการศึกษา', 'งานการเจ้าหน้าที่'];

/** Indicator number → FY2565 score. */
export const SEED_SCORES: Record<number, number> = {
  1: 86.05,
  2: 76.39,
  3: 81.34,
  4: 74.76,
  5: 74.62,
  6: 80.36,
  7: 75.26,
  8: 74.22,
  9: 76.71,
  10: 18.75,
};

const INDICATORS: Catalogue['indicators'] = [
  {
    no: 1, tool: 'IIT', nameTh: 'การปฏิบัติหน้าที่', nameEn: 'Performance of duty', verified: true, subIndicators: [],
    descriptionTh: 'วัดการรับรู้ของบุคลากรภายในต่อการทำงานของเพื่อนร่วมงาน ว่ายึดมาตรฐาน ขั้นตอน และระยะเวลาที่กำหนด ให้บริการทุกคนอย่างเท่าเทียม และรับผิดชอบต่อผลงานของตน',
  },
  {
    no: 2, tool: 'IIT', nameTh: 'การใช้งบประมาณ', nameEn: 'Use of budget', verified: true, subIndicators: [],
    descriptionTh: 'วัดการรับรู้ของบุคลากรภายในต่อการวางแผนและใช้จ่ายงบประมาณ ว่าคุ้มค่า ไม่เอื้อประโยชน์ส่วนตน และเปิดให้ตรวจสอบได้',
  },
  {
    no: 3, tool: 'IIT', nameTh: 'การใช้อำนาจ', nameEn: 'Use of authority', verified: true, subIndicators: [],
    descriptionTh: 'วัดการรับรู้ของบุคลากรภายในต่อการใช้อำนาจของผู้บังคับบัญชาในการมอบหมายงาน ประเมินผล และคัดเลือกบุคลากรอย่างเป็นธรรม โดยไม่มีการแทรกแซงหรือเอื้อประโยชน์แก่พวกพ้อง',
  },
  {
    no: 4, tool: 'IIT', nameTh: 'การใช้ทรัพย์สินของราชการ', nameEn: 'Use of state assets', verified: true, subIndicators: [],
    descriptionTh: 'วัดการรับรู้ของบุคลากรภายในต่อการใช้ทรัพย์สินของราชการอย่างถูกต้องและการกำกับดูแลการยืมใช้',
  },
  {
    no: 5, tool: 'IIT', nameTh: 'การแก้ไขปัญหาการทุจริต', nameEn: 'Anti-corruption', verified: true, subIndicators: [],
    descriptionTh: 'วัดการรับรู้ของบุคลากรภายในว่าผู้บริหารให้ความสำคัญกับการป้องกัน เฝ้าระวัง ตรวจสอบ และลงโทษเมื่อพบการทุจริต และมีช่องทางร้องเรียนที่ปลอดภัย',
  },
  {
    no: 6, tool: 'EIT', nameTh: 'คุณภาพการดำเนินงาน', nameEn: 'Quality of operations', verified: true, subIndicators: [],
    descriptionTh: 'วัดการรับรู้ของผู้รับบริการต่อการทำงานของเจ้าหน้าที่ตามมาตรฐานและระยะเวลาที่กำหนด อย่างเท่าเทียม ให้ข้อมูลตรงไปตรงมา และไม่เรียกรับประโยชน์ใด ๆ',
  },
  {
    no: 7, tool: 'EIT', nameTh: 'ประสิทธิภาพการสื่อสาร', nameEn: 'Effectiveness of communication', verified: true, subIndicators: [],
    descriptionTh: 'วัดการรับรู้ของผู้รับบริการต่อการเผยแพร่ข้อมูลที่เข้าถึงง่าย และช่องทางรับฟังความคิดเห็นหรือร้องเรียน',
  },
  {
    no: 8, tool: 'EIT', nameTh: 'การปรับปรุงระบบการทำงาน', nameEn: 'System improvement', verified: true, subIndicators: [],
    descriptionTh: 'วัดการรับรู้ของผู้รับบริการต่อการปรับปรุงคุณภาพและขั้นตอนการให้บริการ และการเปิดโอกาสให้มีส่วนร่วม',
  },
  {
    no: 9, tool: 'OIT', nameTh: 'การเปิดเผยข้อมูล', nameEn: 'Information disclosure', verified: true,
    descriptionTh: 'ตรวจการเปิดเผยข้อมูลพื้นฐาน การบริหารงาน งบประมาณ การบริหารบุคคล และการส่งเสริมความโปร่งใสบนเว็บไซต์ของหน่วยงาน',
    subIndicators: [
      { code: '9.1', nameTh: 'ข้อมูลพื้นฐาน', verified: true },
      { code: '9.2', nameTh: 'การบริหารงาน', verified: true },
      { code: '9.3', nameTh: 'การบริหารเงินงบประมาณ', verified: true },
      { code: '9.4', nameTh: 'การบริหารและพัฒนาทรัพยากรบุคคล', verified: true },
      { code: '9.5', nameTh: 'การส่งเสริมความโปร่งใส', verified: true },
    ],
  },
  {
    no: 10, tool: 'OIT', nameTh: 'การป้องกันการทุจริต', nameEn: 'Corruption prevention', verified: true,
    descriptionTh: 'ตรวจการเผยแพร่การดำเนินการเพื่อป้องกันการทุจริตและมาตรการภายในบนเว็บไซต์ ซึ่งแสดงว่าหน่วยงานนำผลการประเมินไปจัดทำมาตรการและกำกับติดตามให้เกิดผลจริง',
    subIndicators: [
      { code: '10.1', nameTh: 'การดำเนินการเพื่อป้องกันการทุจริต', verified: true },
      { code: '10.2', nameTh: 'มาตรการภายในเพื่อป้องกันการทุจริต', verified: true },
    ],
  },
];

const Q = (code: string, indicator: number, textTh: string, recommendationTh: string): Catalogue['questions'][number] => ({
  code,
  tool: code.startsWith('I') ? 'IIT' : 'EIT',
  indicator,
  textTh,
  recommendationTh,
  verified: true,
});

const QUESTIONS: Catalogue['questions'] = [
  Q('I1', 1, 'บุคลากรปฏิบัติงานตามขั้นตอนและระยะเวลาที่กำหนดเพียงใด', 'ทบทวนคู่มือการปฏิบัติงานและแจ้งให้บุคลากรถือปฏิบัติ'),
  Q('I25', 5, 'ผู้บริหารสูงสุดให้ความสำคัญกับการต่อต้านการทุจริตเพียงใด', 'ผู้บริหารประกาศเจตจำนงสุจริตและสื่อสารให้บุคลากรทราบ'),
  Q('I28', 5, 'หน่วยงานเฝ้าระวัง ตรวจสอบ และลงโทษทางวินัยเมื่อมีการทุจริตเพียงใด',
    'จัดทำแนวทางการเฝ้าระวัง การตรวจสอบ และการลงโทษทางวินัยเมื่อพบการทุจริต พร้อมทั้งชี้แจงให้บุคลากรทุกคนรับทราบ'),
  Q('I29', 5, 'หน่วยงานนำผลการตรวจสอบของฝ่ายตรวจสอบทั้งภายในและภายนอกมาปรับปรุงการทำงานเพื่อป้องกันการทุจริตเพียงใด',
    'สรุปข้อสังเกตจากการตรวจสอบภายในและจากหน่วยตรวจสอบภายนอก แล้วนำมาปรับปรุงวิธีทำงาน\nแจ้งผลการปรับปรุงให้บุคลากรภายในรับทราบ'),
  Q('I30', 5, 'หากพบแนวโน้มการทุจริต บุคลากรร้องเรียน ติดตามผล และมั่นใจในความปลอดภัยของตนได้เพียงใด',
    '- กำหนดแนวปฏิบัติการร้องเรียนการทุจริตและช่องทางร้องเรียนที่ใช้ง่าย\n- ทั้งนี้ ควรมีวิธีคุ้มครองข้อมูลผู้ร้องเรียนเพื่อให้มั่นใจว่าปลอดภัย'),
  Q('E11', 8, 'เจ้าหน้าที่ปรับปรุงคุณภาพการให้บริการให้ดีขึ้นเพียงใด',
    'รวบรวมผลงานที่แสดงการพัฒนาคุณภาพการให้บริการเปรียบเทียบกับปีก่อนหน้า นอกจากนี้ ควรประชาสัมพันธ์ผลงานให้ประชาชนรับทราบหลายช่องทาง'),
  Q('E12', 8, 'หน่วยงานปรับปรุงวิธีการและขั้นตอนการให้บริการให้ดีขึ้นเพียงใด',
    'สรุปการปรับลดขั้นตอนและระยะเวลาการให้บริการ; แจ้งขั้นตอนใหม่ให้ผู้รับบริการทราบ'),
  Q('E13', 8, 'หน่วยงานนำเทคโนโลยีมาช่วยให้บริการสะดวกขึ้นเพียงใด', 'เพิ่มบริการออนไลน์'),
  Q('E14', 8, 'หน่วยงานเปิดโอกาสให้ผู้รับบริการมีส่วนร่วมปรับปรุงการให้บริการเพียงใด',
    'เปิดโอกาสให้ประชาชนร่วมโครงการหรือกิจกรรมของหน่วยงาน อีกทั้งจัดช่องทางสื่อสารสองทางเพื่อรับฟังความคิดเห็นของผู้รับบริการ'),
];

const O = (
  code: string,
  indicator: number,
  subIndicator: string,
  groupTh: string,
  titleTh: string,
  recommendationTh = '',
): Catalogue['oitItems'][number] => ({
  code, indicator, subIndicator, groupTh, titleTh, recommendationTh,
  elements: [], period: 'none', confidence: 'high', verified: true,
});

const OIT_ITEMS: Catalogue['oitItems'] = [
  O('O1', 9, '9.1', 'ข้อมูลพื้นฐาน', 'โครงสร้าง'),
  O('O2', 9, '9.1', 'ข้อมูลพื้นฐาน', 'ข้อมูลผู้บริหาร',
    'แสดงข้อมูลผู้บริหารทั้งฝ่ายการเมืองและฝ่ายประจำ ให้ครบทั้งชื่อ ตำแหน่ง รูปถ่าย และช่องทางติดต่อ'),
  O('O11', 9, '9.2', 'การดำเนินงาน', 'รายงานการกำกับติดตามการดำเนินงานประจำปี รอบ 6 เดือน',
    'จัดทำรายงานความก้าวหน้าที่ครอบคลุมช่วงหกเดือนแรกของปีงบประมาณ'),
  O('O12', 9, '9.2', 'การดำเนินงาน', 'รายงานผลการดำเนินงานประจำปี',
    'เพิ่มหัวข้อปัญหา อุปสรรค และข้อเสนอแนะในรายงาน'),
  O('O17', 9, '9.2', 'การให้บริการ', 'E-Service', 'เชื่อมโยงระบบบริการออนไลน์จากหน้าหลักของเว็บไซต์'),
  O('O20', 9, '9.3', 'แผนการใช้จ่ายงบประมาณประจำปี', 'รายงานผลการใช้จ่ายงบประมาณประจำปี',
    'เพิ่มหัวข้อปัญหา อุปสรรค และข้อเสนอแนะในรายงานผลการใช้จ่ายงบประมาณ'),
  O('O27', 9, '9.4', 'การบริหารและพัฒนาทรัพยากรบุคคล', 'หลักเกณฑ์การบริหารและพัฒนาทรัพยากรบุคคล',
    'แสดงหลักเกณฑ์ด้านการสรรหา การแต่งตั้ง การพัฒนา การประเมินผล และการให้คุณให้โทษที่ใช้บังคับในปีนี้'),
  O('O39', 10, '10.1', 'แผนป้องกันการทุจริต', 'แผนปฏิบัติการป้องกันการทุจริต',
    'จัดทำแผนปฏิบัติการป้องกันการทุจริตของปีงบประมาณที่ประเมิน'),
  O('O40', 10, '10.1', 'แผนป้องกันการทุจริต', 'รายงานการกำกับติดตามการดำเนินการป้องกันการทุจริตประจำปี รอบ 6 เดือน',
    'รายงานความก้าวหน้าของแผนป้องกันการทุจริตในรอบหกเดือนแรก'),
  O('O42', 10, '10.2', 'มาตรการส่งเสริมความโปร่งใสและป้องกันการทุจริตภายในหน่วยงาน', 'มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน',
    'จัดทำมาตรการโดยวิเคราะห์ผลการประเมินปีก่อน กำหนดจุดอ่อน ขั้นตอน ผู้รับผิดชอบ และการกำกับติดตาม'),
  O('O43', 10, '10.2', 'มาตรการส่งเสริมความโปร่งใสและป้องกันการทุจริตภายในหน่วยงาน', 'การดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน',
    'รายงานผลการดำเนินการตามมาตรการ'),
];

/** A small FY2565 catalogue: ten indicators, a few questions, the OIT items the tests need. */
export function seedCatalogue(): Catalogue {
  return structuredClone({
    fiscalYear: 2565,
    version: '2565.test',
    status: 'partial',
    summaryTh: '',
    sources: [],
    tools: [
      { code: 'IIT', nameTh: 'แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน', nameEn: 'Internal Integrity and Transparency Assessment', weight: 30, verified: true },
      { code: 'EIT', nameTh: 'แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก', nameEn: 'External Integrity and Transparency Assessment', weight: 30, verified: true },
      { code: 'OIT', nameTh: 'แบบวัดการเปิดเผยข้อมูลสาธารณะ', nameEn: 'Open Data Integrity and Transparency Assessment', weight: 40, verified: true },
    ],
    indicators: INDICATORS,
    rating: {
      kind: 'bands',
      bands: [
        { code: 'AA', labelTh: '', min: 95, verified: true },
        { code: 'A', labelTh: '', min: 85, verified: true },
        { code: 'B', labelTh: '', min: 75, verified: true },
        { code: 'C', labelTh: '', min: 65, verified: true },
        { code: 'D', labelTh: '', min: 55, verified: true },
        { code: 'E', labelTh: '', min: 50, verified: true },
        { code: 'F', labelTh: '', min: 0, verified: true },
      ],
    },
    passMark: 85,
    strengthThreshold: 80,
    questions: QUESTIONS,
    oitItems: OIT_ITEMS,
    calendar: [],
  } satisfies Catalogue);
}

const question = (cat: Catalogue, code: string): QuestionResult => {
  const q = cat.questions.find((x) => x.code === code)!;
  return { code, textTh: q.textTh, score: null, recommendationTh: q.recommendationTh };
};

/** The evaluator's reasons for the failed FY2565 items (paraphrased). */
export const SEED_FAILED_REASONS: Record<string, string> = {
  O2: 'ไม่มีลิงก์เข้าถึงจากเว็บไซต์หลัก และไม่แสดงผู้บริหารฝ่ายข้าราชการประจำ',
  O11: 'รายงานไม่ครอบคลุมหกเดือนแรกของปีงบประมาณ พ.ศ. 2565',
  O12: 'ขาดหัวข้อปัญหา อุปสรรค และข้อเสนอแนะ',
  O17: 'ลิงก์ E-Service ไม่ได้เชื่อมจากเว็บไซต์หลัก',
  O20: 'ขาดหัวข้อปัญหา อุปสรรค และข้อเสนอแนะ',
  O27: 'องค์ประกอบไม่ครบตามที่กำหนด',
  O39: 'ต้องเป็นแผนของปีงบประมาณ พ.ศ. 2565',
  O40: 'ต้องเป็นรายงานตามแผนของปีงบประมาณ พ.ศ. 2565',
  O42: 'องค์ประกอบไม่ครบตามที่กำหนด',
  O43: 'องค์ประกอบไม่ครบตามที่กำหนด',
};

/** The seed's FY2565 analysis as `analyze()` would return it. */
export function seedAnalysis(cat: Catalogue = seedCatalogue()): Analysis {
  const indicators = cat.indicators.map((ind) => ({ no: ind.no, tool: ind.tool, nameTh: ind.nameTh, score: SEED_SCORES[ind.no]! }));
  const failedOit: FailedOitItem[] = Object.entries(SEED_FAILED_REASONS).map(([code, reason]) => {
    const item = cat.oitItems.find((o) => o.code === code)!;
    return {
      code,
      titleTh: item.titleTh,
      indicator: item.indicator,
      subIndicator: item.subIndicator,
      reason,
      // Left empty for some items so the consumers' fallback to the catalogue is exercised.
      recommendation: code === 'O12' || code === 'O43' ? '' : item.recommendationTh,
    };
  });
  return {
    fiscalYear: 2565,
    agencyName: SEED_AGENCY_NAME,
    indicators,
    tools: { IIT: 78.63, EIT: 76.61, OIT: 47.73 },
    total: { computed: 65.67, exact: 65.6656, official: 65.66, difference: -0.0056 },
    level: { computed: 'C', computedLabelTh: '', official: 'C' },
    passMark: 85,
    passed: false,
    gapToPass: 19.34, // from the official total, as analyze() measures it
    strengths: [1, 3, 6],
    lowestPerTool: {
      IIT: { indicator: 5, nameTh: 'การแก้ไขปัญหาการทุจริต', score: 74.62, questions: ['I28', 'I29', 'I30'].map((c) => question(cat, c)) },
      EIT: { indicator: 8, nameTh: 'การปรับปรุงระบบการทำงาน', score: 74.22, questions: ['E11', 'E12', 'E14'].map((c) => question(cat, c)) },
      OIT: { indicator: 10, nameTh: 'การป้องกันการทุจริต', score: 18.75, questions: [] },
    },
    failedOit,
    changes: [],
    flags: [],
  };
}
