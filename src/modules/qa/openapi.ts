/** The public Q&A list in the one OpenAPI document. */
import { errorResponse, jsonResponse, type OpenApiContribution } from '../../platform/openapi/index.js';

export const qaOpenApi: OpenApiContribution = {
  schemas: {
    QaEntry: {
      type: 'object',
      required: ['id', 'category', 'categoryName', 'askerName', 'question', 'answer', 'askedOn', 'answeredOn'],
      additionalProperties: false,
      properties: {
        id: { type: 'string', format: 'uuid' },
        category: { type: 'string', description: 'รหัสหมวดของหน่วยงาน (หมวดตั้งต้น: general, service, budget, personnel, tax, other)' },
        categoryName: { type: 'string', description: 'ชื่อหมวด' },
        askerName: { type: ['string', 'null'], description: 'ชื่อผู้ถาม ถ้าผู้ถามระบุไว้' },
        question: { type: 'string' },
        answer: { type: ['string', 'null'], description: 'null เมื่อยังไม่ได้ตอบ' },
        askedOn: { type: 'string', format: 'date' },
        answeredOn: { type: ['string', 'null'], format: 'date' },
      },
    },
  },
  paths: {
    '/a/{slug}/api/qa': {
      get: {
        operationId: 'qaList',
        summary: 'คำถาม-คำตอบที่เผยแพร่แล้ว (ค้นหาคำภาษาไทยได้)',
        tags: ['Q&A'],
        parameters: [
          { name: 'slug', in: 'path', required: true, description: 'ชื่อย่อของหน่วยงานในลิงก์', schema: { type: 'string' } },
          { name: 'q', in: 'query', required: false, description: 'คำค้น (ตัดคำภาษาไทยให้เอง)', schema: { type: 'string' } },
          { name: 'category', in: 'query', required: false, description: 'รหัสหมวด (category ของรายการ)', schema: { type: 'string' } },
        ],
        responses: { '200': jsonResponse('รายการ ใหม่สุดก่อน', { type: 'array', items: { $ref: '#/components/schemas/QaEntry' } }), '404': errorResponse('ไม่พบหน่วยงาน') },
      },
    },
  },
};
