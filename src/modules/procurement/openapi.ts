/** The public monthly procurement summary (แบบ สขร.๑) as JSON, in the one OpenAPI document. */
import { errorResponse, jsonResponse, type OpenApiContribution } from '../../platform/openapi/index.js';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const money = { type: ['number', 'null'], description: 'บาท' };

export const procurementOpenApi: OpenApiContribution = {
  schemas: {
    ProcurementBidder: { type: 'object', required: ['name', 'price'], additionalProperties: false, properties: { name: { type: 'string' }, price: money } },
    ProcurementRow: {
      type: 'object',
      required: ['no', 'projectNo', 'work', 'budget', 'referencePrice', 'method', 'bidders', 'selected', 'reason', 'contractNo', 'contractDate', 'text'],
      additionalProperties: false,
      properties: {
        no: { type: 'integer', minimum: 1 },
        projectNo: { type: 'string', description: 'เลขที่โครงการใน e-GP' },
        work: { type: 'string', description: 'งานที่จัดซื้อหรือจัดจ้าง' },
        budget: money,
        referencePrice: money,
        method: { type: 'string' },
        bidders: { type: 'array', items: ref('ProcurementBidder') },
        selected: { type: 'object', required: ['name', 'price'], additionalProperties: false, properties: { name: { type: 'string' }, price: money } },
        reason: { type: 'string' },
        contractNo: { type: 'string' },
        contractDate: { type: ['string', 'null'], format: 'date' },
        text: { type: 'array', items: { type: 'string' }, minItems: 9, maxItems: 9, description: 'ข้อความของ 9 คอลัมน์ตามแบบ สขร.๑' },
      },
    },
    ProcurementMonth: {
      type: 'object',
      required: ['agency', 'fiscalYear', 'month', 'empty', 'columns', 'rows', 'totals'],
      additionalProperties: false,
      properties: {
        agency: { type: 'string' },
        fiscalYear: { type: 'integer', description: 'ปีงบประมาณ พ.ศ.' },
        month: { type: 'string', pattern: '^\\d{4}-\\d{2}$', description: 'เดือน (ค.ศ.) YYYY-MM' },
        empty: { type: 'boolean', description: 'true = เดือนนี้ไม่มีการจัดซื้อจัดจ้าง' },
        columns: { type: 'array', items: { type: 'string' } },
        rows: { type: 'array', items: ref('ProcurementRow') },
        totals: {
          type: 'object',
          required: ['count', 'budget', 'referencePrice', 'agreedPrice'],
          additionalProperties: false,
          properties: { count: { type: 'integer' }, budget: { type: 'number' }, referencePrice: { type: 'number' }, agreedPrice: { type: 'number' } },
        },
      },
    },
  },
  paths: {
    '/a/{slug}/api/procurement/{year}/{month}': {
      get: {
        operationId: 'procurementMonth',
        summary: 'สรุปผลการจัดซื้อจัดจ้างรายเดือน (แบบ สขร.๑)',
        tags: ['Procurement'],
        parameters: [
          { name: 'slug', in: 'path', required: true, description: 'ชื่อย่อของหน่วยงานในลิงก์', schema: { type: 'string' } },
          { name: 'year', in: 'path', required: true, description: 'ปีงบประมาณ พ.ศ.', schema: { type: 'integer' } },
          { name: 'month', in: 'path', required: true, description: 'เดือน YYYY-MM (ค.ศ.) ภายในปีงบประมาณ', schema: { type: 'string', pattern: '^\\d{4}-\\d{2}$' } },
        ],
        responses: { '200': jsonResponse('รายการของเดือน', ref('ProcurementMonth')), '404': errorResponse('ไม่พบหน่วยงาน ปี หรือเดือน') },
      },
    },
  },
};
