/**
 * A seed-size measures document (about six A4 pages, five tables, a chart) used by the DOCX and
 * HTML renderer tests and by the render-time measurement. Test data only: the real document is
 * built by the improvement module. Numbers are pre-formatted in the chosen digits, as the model
 * contract requires; only the chart carries raw values.
 */
import { cell, type Block, type Cell, type DigitStyle, type DocModel } from './model.js';
import { formatNumber, withDigits } from '../../../shared/thai.js';

const INDICATORS: { label: string; value: number }[] = [
  { label: 'การปฏิบัติหน้าที่', value: 92.31 },
  { label: 'การใช้งบประมาณ', value: 84.12 },
  { label: 'การใช้อำนาจ', value: 88.6 },
  { label: 'การใช้ทรัพย์สินของราชการ', value: 79.25 },
  { label: 'การแก้ไขปัญหาการทุจริต', value: 81.4 },
  { label: 'คุณภาพการดำเนินงาน', value: 90.02 },
  { label: 'ประสิทธิภาพการสื่อสาร', value: 86.75 },
  { label: 'การปรับปรุงระบบการทำงาน', value: 83.9 },
  { label: 'การเปิดเผยข้อมูล', value: 95.5 },
  { label: 'การป้องกันการทุจริต', value: 72.0 },
];

const PASS_MARK = 85;

function measureRows(d: DigitStyle, topic: string, count: number): Cell[][] {
  const rows: Cell[][] = [];
  for (let i = 1; i <= count; i++) {
    rows.push([
      cell(withDigits(String(i), d), { align: 'center' }),
      {
        paragraphs: [
          [`มาตรการ${topic}ข้อที่ ${withDigits(String(i), d)}`],
          ['จัดทำแนวปฏิบัติและเผยแพร่ให้บุคลากรทุกคนรับทราบ พร้อมทั้งติดตามผลการดำเนินงานเป็นรายไตรมาส'],
        ],
      },
      {
        paragraphs: [
          ['ประชุมชี้แจงบุคลากรทุกระดับ'],
          ['เผยแพร่ประกาศทางเว็บไซต์ของหน่วยงาน'],
          [{ text: 'รายงานผลต่อผู้บริหาร', bold: true }],
        ],
        bullets: true,
      },
      cell('สำนักปลัด'),
      cell(withDigits(`ต.ค. 2567 – ก.ย. 2568`, d), { align: 'center' }),
    ]);
  }
  return rows;
}

const MEASURE_COLUMNS = [
  { header: 'ลำดับ', width: 8, align: 'center' as const },
  { header: 'มาตรการ', width: 36 },
  { header: 'วิธีการดำเนินการ', width: 30 },
  { header: 'ผู้รับผิดชอบ', width: 13 },
  { header: 'ระยะเวลา', width: 13, align: 'center' as const },
];

const BODY =
  'เพื่อให้การดำเนินงานของหน่วยงานเป็นไปด้วยความโปร่งใส ตรวจสอบได้ และสอดคล้องกับเกณฑ์การประเมินคุณธรรมและความโปร่งใส' +
  'ในการดำเนินงานของหน่วยงานภาครัฐ (Integrity and Transparency Assessment: ITA) ' +
  'หน่วยงานจึงได้วิเคราะห์ผลการประเมินและกำหนดมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ' +
  'โดยให้ความสำคัญกับประเด็นที่ได้คะแนนต่ำกว่าเกณฑ์ และกำหนดผู้รับผิดชอบ ระยะเวลา และวิธีการติดตามผลอย่างชัดเจน';

export function sampleMeasuresDocument(digits: DigitStyle = 'thai'): DocModel {
  const d = digits;
  const year = withDigits('2568', d);
  const blocks: Block[] = [
    {
      kind: 'title',
      lines: [
        'มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน',
        `ประจำปีงบประมาณ พ.ศ. ${year}`,
        'องค์การบริหารส่วนตำบลบ้านตัวอย่าง',
      ],
    },
    { kind: 'heading', level: 1, text: `๑. ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. ${withDigits('2567', d)}` },
    { kind: 'paragraph', indent: true, runs: [BODY] },
    {
      kind: 'paragraph',
      indent: true,
      runs: [
        'ผลการประเมินในภาพรวมได้คะแนน ',
        { text: formatNumber(86.18, d), bold: true },
        ' คะแนน อยู่ในระดับ ',
        { text: 'ผ่าน', bold: true },
        ' โดยมีตัวชี้วัดที่ได้คะแนนต่ำกว่าเกณฑ์ดังแผนภูมิต่อไปนี้',
      ],
    },
    {
      kind: 'chart',
      title: 'คะแนนรายตัวชี้วัด',
      altText:
        `แผนภูมิแท่งแนวนอนแสดงคะแนน ${withDigits('10', d)} ตัวชี้วัด เทียบกับเกณฑ์ผ่าน ${withDigits('85', d)} คะแนน ` +
        'ตัวชี้วัดที่ต่ำกว่าเกณฑ์คือ การใช้งบประมาณ การใช้ทรัพย์สินของราชการ การแก้ไขปัญหาการทุจริต การปรับปรุงระบบการทำงาน และการป้องกันการทุจริต',
      bars: INDICATORS.map((i) => ({ ...i, highlight: i.value < PASS_MARK })),
      referenceLine: { value: PASS_MARK, label: `เกณฑ์ผ่าน ${withDigits('85', d)} คะแนน` },
      max: 100,
    },
    { kind: 'heading', level: 2, text: '๑.๑ ประเด็นที่ต้องปรับปรุง' },
    {
      kind: 'list',
      ordered: true,
      items: [
        ['การใช้ทรัพย์สินของราชการยังขาดแนวปฏิบัติที่ชัดเจน'],
        ['การป้องกันการทุจริตยังไม่มีการประเมินความเสี่ยงที่ครอบคลุม'],
        [{ text: 'การใช้งบประมาณ', bold: true }, ' ยังเปิดเผยข้อมูลไม่ครบถ้วน'],
      ],
    },
    { kind: 'paragraph', indent: true, runs: [BODY] },
    { kind: 'list', ordered: false, items: [['ประกาศเจตจำนงสุจริต'], ['แผนปฏิบัติการป้องกันการทุจริต']] },
    { kind: 'pageBreak' },
    { kind: 'heading', level: 1, text: `๒. มาตรการส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. ${year}` },
  ];
  const topics = ['การใช้ทรัพย์สินของราชการ', 'การป้องกันการทุจริต', 'การใช้งบประมาณ', 'การแก้ไขปัญหาการทุจริต', 'การปรับปรุงระบบการทำงาน'];
  topics.forEach((topic, i) => {
    blocks.push(
      { kind: 'heading', level: 2, text: `${withDigits(`2.${i + 1}`, d)} ${topic}` },
      { kind: 'paragraph', indent: true, runs: [BODY] },
      { kind: 'heading', level: 3, text: 'แนวทางการดำเนินการ' },
      {
        kind: 'table',
        caption: `ตารางที่ ${withDigits(String(i + 1), d)} มาตรการ${topic}`,
        columns: MEASURE_COLUMNS,
        rows: measureRows(d, topic, 4),
      },
    );
  });
  blocks.push(
    { kind: 'heading', level: 1, text: '๓. การติดตามและรายงานผล' },
    { kind: 'paragraph', indent: true, runs: [BODY] },
    { kind: 'paragraph', align: 'center', runs: ['ประกาศ ณ วันที่ ', withDigits('1 ตุลาคม 2567', d)] },
  );
  return {
    title: `มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. ${year}`,
    fileName: `มาตรการส่งเสริมคุณธรรม-${year}`,
    lang: 'th',
    digits: d,
    author: 'องค์การบริหารส่วนตำบลบ้านตัวอย่าง',
    blocks,
  };
}
