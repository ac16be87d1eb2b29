/**
 * Catalogues for unit tests, built in code so the ita-results tests do not depend on the shipped
 * data files (which another module owns and may correct). Both are run through the real
 * `catalogueSchema`, so a fixture that drifts from the schema fails loudly.
 *
 * - `fy2565Catalogue()`: the FY2565 shape: weights 30/30/40, seven bands AA–F, pass mark 85,
 *   indicators 1–10, IIT I1–I30, EIT E1–E15 and OIT O1–O43 (titles as in the 2565 list).
 * - `fy2567Catalogue()`: the FY2567+ shape: rating labels where a rule may require every tool
 *   to reach a score, and a short OIT list.
 * Texts not needed by a test are placeholders; they are not the NACC wording.
 */
import { catalogueSchema, type Catalogue, type CatalogueInput } from '../../catalogue/index.js';

const INDICATORS: CatalogueInput['indicators'] = [
  { no: 1, tool: 'IIT', nameTh: 'การปฏิบัติหน้าที่', nameEn: 'Performance of duties' },
  { no: 2, tool: 'IIT', nameTh: 'การใช้งบประมาณ', nameEn: 'Use of budget' },
  { no: 3, tool: 'IIT', nameTh: 'การใช้อำนาจ', nameEn: 'Use of authority' },
  { no: 4, tool: 'IIT', nameTh: 'การใช้ทรัพย์สินของราชการ', nameEn: 'Use of state property' },
  { no: 5, tool: 'IIT', nameTh: 'การแก้ไขปัญหาการทุจริต', nameEn: 'Solving corruption problems' },
  { no: 6, tool: 'EIT', nameTh: 'คุณภาพการดำเนินงาน', nameEn: 'Quality of operation' },
  { no: 7, tool: 'EIT', nameTh: 'ประสิทธิภาพการสื่อสาร', nameEn: 'Communication efficiency' },
  { no: 8, tool: 'EIT', nameTh: 'การปรับปรุงระบบการทำงาน', nameEn: 'System improvement' },
  {
    no: 9,
    tool: 'OIT',
    nameTh: 'การเปิดเผยข้อมูล',
    nameEn: 'Information disclosure',
    subIndicators: [
      { code: '9.1', nameTh: 'ข้อมูลพื้นฐาน' },
      { code: '9.2', nameTh: 'การบริหารงาน' },
      { code: '9.3', nameTh: 'การบริหารเงินงบประมาณ' },
      { code: '9.4', nameTh: 'การบริหารและพัฒนาทรัพยากรบุคคล' },
      { code: '9.5', nameTh: 'การส่งเสริมความโปร่งใส' },
    ],
  },
  {
    no: 10,
    tool: 'OIT',
    nameTh: 'การป้องกันการทุจริต',
    nameEn: 'Corruption prevention',
    subIndicators: [
      { code: '10.1', nameTh: 'การดำเนินการเพื่อป้องกันการทุจริต' },
      { code: '10.2', nameTh: 'มาตรการภายในเพื่อป้องกันการทุจริต' },
    ],
  },
];

const TOOLS: CatalogueInput['tools'] = [
  { code: 'IIT', nameTh: 'แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน', nameEn: 'Internal Integrity and Transparency Assessment', weight: 30 },
  { code: 'EIT', nameTh: 'แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก', nameEn: 'External Integrity and Transparency Assessment', weight: 30 },
  { code: 'OIT', nameTh: 'แบบวัดการเปิดเผยข้อมูลสาธารณะ', nameEn: 'Open Data Integrity and Transparency Assessment', weight: 40 },
];

/** [number, sub-indicator, title] of the FY2565 OIT list. */
const OIT_2565: [number, string, string][] = [
  [1, '9.1', 'โครงสร้าง'], [2, '9.1', 'ข้อมูลผู้บริหาร'], [3, '9.1', 'อำนาจหน้าที่'],
  [4, '9.1', 'แผนยุทธศาสตร์หรือแผนพัฒนาหน่วยงาน'], [5, '9.1', 'ข้อมูลการติดต่อ'], [6, '9.1', 'กฎหมายที่เกี่ยวข้อง'],
  [7, '9.1', 'ข่าวประชาสัมพันธ์'], [8, '9.1', 'Q&A'], [9, '9.1', 'Social Network'],
  [10, '9.2', 'แผนดำเนินงานประจำปี'], [11, '9.2', 'รายงานการกำกับติดตามการดำเนินงานประจำปี รอบ 6 เดือน'],
  [12, '9.2', 'รายงานผลการดำเนินงานประจำปี'], [13, '9.2', 'คู่มือหรือมาตรฐานการปฏิบัติงาน'],
  [14, '9.2', 'คู่มือหรือมาตรฐานการให้บริการ'], [15, '9.2', 'ข้อมูลเชิงสถิติการให้บริการ'],
  [16, '9.2', 'รายงานผลการสำรวจความพึงพอใจการให้บริการ'], [17, '9.2', 'E-Service'],
  [18, '9.3', 'แผนการใช้จ่ายงบประมาณประจำปี'], [19, '9.3', 'รายงานการกำกับติดตามการใช้จ่ายงบประมาณประจำปี รอบ 6 เดือน'],
  [20, '9.3', 'รายงานผลการใช้จ่ายงบประมาณประจำปี'], [21, '9.3', 'แผนการจัดซื้อจัดจ้างหรือแผนการจัดหาพัสดุ'],
  [22, '9.3', 'ประกาศต่าง ๆ เกี่ยวกับการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ'],
  [23, '9.3', 'สรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุรายเดือน'],
  [24, '9.3', 'รายงานผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุประจำปี'], [25, '9.4', 'นโยบายการบริหารทรัพยากรบุคคล'],
  [26, '9.4', 'การดำเนินการตามนโยบายการบริหารทรัพยากรบุคคล'], [27, '9.4', 'หลักเกณฑ์การบริหารและพัฒนาทรัพยากรบุคคล'],
  [28, '9.4', 'รายงานผลการบริหารและพัฒนาทรัพยากรบุคคลประจำปี'],
  [29, '9.5', 'แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ'],
  [30, '9.5', 'ช่องทางแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ'],
  [31, '9.5', 'ข้อมูลเชิงสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ'], [32, '9.5', 'ช่องทางการรับฟังความคิดเห็น'],
  [33, '9.5', 'การเปิดโอกาสให้เกิดการมีส่วนร่วม'], [34, '10.1', 'นโยบายไม่รับของขวัญ (No Gift Policy)'],
  [35, '10.1', 'การมีส่วนร่วมของผู้บริหาร'], [36, '10.1', 'การประเมินความเสี่ยงการทุจริตและประพฤติมิชอบประจำปี'],
  [37, '10.1', 'การดำเนินการเพื่อจัดการความเสี่ยงการทุจริตและประพฤติมิชอบ'], [38, '10.1', 'การเสริมสร้างวัฒนธรรมองค์กร'],
  [39, '10.1', 'แผนปฏิบัติการป้องกันการทุจริต'],
  [40, '10.1', 'รายงานการกำกับติดตามการดำเนินการป้องกันการทุจริตประจำปี รอบ 6 เดือน'],
  [41, '10.1', 'รายงานผลการดำเนินการป้องกันการทุจริตประจำปี'],
  [42, '10.2', 'มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน'],
  [43, '10.2', 'การดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน'],
];

const QUESTION_TEXT: Record<string, string> = {
  I28: 'หน่วยงานของท่าน มีการดำเนินการดังต่อไปนี้ ต่อการทุจริตในหน่วยงาน มากน้อยเพียงใด',
  I29: 'หน่วยงานของท่าน มีการนำผลการตรวจสอบของฝ่ายตรวจสอบ ทั้งภายในและภายนอกหน่วยงานไปปรับปรุงการทำงาน เพื่อป้องกันการทุจริตในหน่วยงาน มากน้อยเพียงใด',
  I30: 'หากท่านพบเห็นแนวโน้มการทุจริตที่จะเกิดขึ้นในหน่วยงานของท่าน ท่านมีความคิดเห็นต่อประเด็นดังต่อไปนี้ อย่างไร',
};

function questions(): CatalogueInput['questions'] {
  const list: NonNullable<CatalogueInput['questions']> = [];
  // I1–I6 → 1, I7–I12 → 2 … I25–I30 → 5 (methodology §5); E1–E5 → 6, E6–E10 → 7, E11–E15 → 8.
  for (let n = 1; n <= 30; n++) {
    const code = `I${n}`;
    list.push({
      code,
      tool: 'IIT',
      indicator: Math.ceil(n / 6),
      textTh: QUESTION_TEXT[code] ?? `ข้อคำถาม ${code}`,
      recommendationTh: `ข้อเสนอแนะสำหรับ ${code}`,
    });
  }
  for (let n = 1; n <= 15; n++) {
    const code = `E${n}`;
    list.push({
      code,
      tool: 'EIT',
      indicator: 5 + Math.ceil(n / 5),
      textTh: `ข้อคำถาม ${code}`,
      recommendationTh: `ข้อเสนอแนะสำหรับ ${code}`,
      verified: false,
    });
  }
  return list;
}

export function fy2565Catalogue(overrides: Partial<CatalogueInput> = {}): Catalogue {
  return catalogueSchema.parse({
    fiscalYear: 2565,
    version: '2565.test',
    status: 'complete',
    tools: TOOLS,
    indicators: INDICATORS,
    rating: {
      kind: 'bands',
      bands: [
        { code: 'AA', min: 95 },
        { code: 'A', min: 85 },
        { code: 'B', min: 75 },
        { code: 'C', min: 65 },
        { code: 'D', min: 55 },
        { code: 'E', min: 50 },
        { code: 'F', min: 0 },
      ],
    },
    passMark: 85,
    strengthThreshold: 80,
    questions: questions(),
    oitItems: OIT_2565.map(([n, sub, titleTh]) => ({
      code: `O${n}`,
      indicator: sub.startsWith('10.') ? 10 : 9,
      subIndicator: sub,
      titleTh,
      recommendationTh: `เผยแพร่ ${titleTh} ให้ครบองค์ประกอบ`,
    })),
    ...overrides,
  });
}

/** Label codes used by the FY2567-style fixture. */
export const LABELS = {
  excellent: { code: 'EXCELLENT', labelTh: 'ผ่านดีเยี่ยม' },
  good: { code: 'GOOD', labelTh: 'ผ่านดี' },
  pass: { code: 'PASS', labelTh: 'ผ่าน' },
  improve: { code: 'IMPROVE', labelTh: 'ต้องปรับปรุง' },
  urgent: { code: 'URGENT', labelTh: 'ต้องปรับปรุงโดยด่วน' },
} as const;

export function fy2567Catalogue(overrides: Partial<CatalogueInput> = {}): Catalogue {
  return catalogueSchema.parse({
    fiscalYear: 2567,
    version: '2567.test',
    status: 'partial',
    tools: TOOLS,
    indicators: INDICATORS,
    rating: {
      kind: 'labels',
      rules: [
        { ...LABELS.excellent, minTotal: 95, minEachTool: 95 },
        { ...LABELS.good, minTotal: 85, minEachTool: 85 },
        { ...LABELS.pass, minTotal: 85 },
        { ...LABELS.improve, minTotal: 70, verified: false },
        { ...LABELS.urgent, minTotal: 0, verified: false },
      ],
    },
    passMark: 85,
    strengthThreshold: 80,
    questions: questions(),
    oitItems: [
      { code: 'O1', indicator: 9, subIndicator: '9.1', titleTh: 'โครงสร้าง' },
      { code: 'O2', indicator: 9, subIndicator: '9.1', titleTh: 'ข้อมูลผู้บริหาร' },
      { code: 'O3', indicator: 9, subIndicator: '9.1', titleTh: 'อำนาจหน้าที่' },
      { code: 'O34', indicator: 10, subIndicator: '10.1', titleTh: 'นโยบายไม่รับของขวัญ (No Gift Policy)' },
      { code: 'O35', indicator: 10, subIndicator: '10.2', titleTh: 'มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน' },
    ],
    ...overrides,
  });
}

/** Both fixture years as the catalogue source the importers take. */
export function fixtureCatalogues(): Map<number, Catalogue> {
  const a = fy2565Catalogue();
  const b = fy2567Catalogue();
  return new Map([
    [a.fiscalYear, a],
    [b.fiscalYear, b],
  ]);
}
