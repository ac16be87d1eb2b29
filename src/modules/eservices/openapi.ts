/** The e-service JSON API in the one OpenAPI document (paths and fields fixed by the issue). */
import { errorResponse, jsonResponse, type OpenApiContribution } from '../../platform/openapi/index.js';
import { FIELD_TYPES } from './domain/fields.js';
import { REQUEST_STATES } from './domain/states.js';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const slug = { name: 'slug', in: 'path' as const, required: true, description: 'ชื่อย่อของหน่วยงานในลิงก์', schema: { type: 'string' } };
const id = { name: 'id', in: 'path' as const, required: true, description: 'รหัสงานบริการ', schema: { type: 'string', format: 'uuid' } };
const tags = ['E-Service'];

export const eservicesOpenApi: OpenApiContribution = {
  schemas: {
    EserviceSummary: { type: 'object', required: ['id', 'name'], additionalProperties: false, properties: { id: { type: 'string', format: 'uuid' }, name: { type: 'string' } } },
    EserviceField: {
      type: 'object',
      required: ['key', 'label', 'type', 'required'],
      additionalProperties: false,
      properties: {
        key: { type: 'string' },
        label: { type: 'string' },
        type: { enum: [...FIELD_TYPES] },
        required: { type: 'boolean' },
        options: { type: 'array', items: { type: 'string' }, description: 'เฉพาะช่องแบบตัวเลือก' },
      },
    },
    EserviceService: {
      type: 'object',
      required: ['id', 'name', 'fields'],
      additionalProperties: false,
      properties: { id: { type: 'string', format: 'uuid' }, name: { type: 'string' }, fields: { type: 'array', items: ref('EserviceField') } },
    },
    EserviceRequestInput: {
      type: 'object',
      required: ['fields'],
      additionalProperties: false,
      properties: {
        fields: {
          type: 'object',
          description:
            'ค่าของแต่ละช่องตาม key: date เป็น วว/ดด/ปปปป (พ.ศ.) หรือ YYYY-MM-DD, national-id 13 หลัก, phone 9–10 หลัก, location เป็นข้อความที่อยู่หรือ { address, lat, lng }, file เป็น { fileName, contentBase64 }',
          additionalProperties: true,
        },
        contact: {
          type: 'object',
          additionalProperties: false,
          description: 'ช่องทางรับแจ้งความคืบหน้า (ไม่บังคับ): แจ้งเฉพาะรหัสติดตาม สถานะ และลิงก์หน้าติดตาม ไม่ส่งเนื้อหาคำขอหรือข้อมูลส่วนบุคคล',
          properties: { phone: { type: 'string' }, email: { type: 'string' }, lineUserId: { type: 'string', pattern: '^U[0-9a-f]{32}$', description: 'LINE user id ของผู้ยื่น (จาก webhook ของ LINE OA) สำหรับรับแจ้งทาง LINE Messaging API' } },
        },
      },
    },
    EserviceReceipt: {
      type: 'object',
      required: ['trackingCode'],
      additionalProperties: false,
      properties: { trackingCode: { type: 'string', pattern: '^ES-[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}$', description: 'รหัสติดตาม สุ่ม ไม่เรียงลำดับ' } },
    },
    EserviceStatusInput: { type: 'object', required: ['trackingCode'], properties: { trackingCode: { type: 'string' } } },
    EserviceStatus: {
      type: 'object',
      required: ['state', 'service', 'updatedAt'],
      additionalProperties: false,
      properties: { state: { enum: [...REQUEST_STATES] }, service: { type: 'string' }, updatedAt: { type: 'string', format: 'date-time' } },
    },
  },
  paths: {
    '/a/{slug}/api/services': {
      get: {
        operationId: 'eserviceList',
        summary: 'งานบริการออนไลน์ที่เปิดรับคำขอ',
        tags,
        parameters: [slug],
        responses: { '200': jsonResponse('รายการงานบริการ', { type: 'array', items: ref('EserviceSummary') }), '404': errorResponse('ไม่พบหน่วยงาน') },
      },
    },
    '/a/{slug}/api/services/{id}': {
      get: {
        operationId: 'eserviceGet',
        summary: 'แบบฟอร์มคำขอของงานบริการ',
        tags,
        parameters: [slug, id],
        responses: { '200': jsonResponse('งานบริการและช่องในแบบฟอร์ม', ref('EserviceService')), '404': errorResponse('ไม่พบงานบริการ') },
      },
    },
    '/a/{slug}/api/services/{id}/requests': {
      post: {
        operationId: 'eserviceSubmit',
        summary: 'ยื่นคำขอโดยไม่ต้องมีบัญชี',
        tags,
        parameters: [slug, id],
        requestBody: { required: true, content: { 'application/json': { schema: ref('EserviceRequestInput') } } },
        responses: {
          '201': jsonResponse('รับคำขอแล้ว', ref('EserviceReceipt')),
          '400': errorResponse('ข้อมูลไม่ถูกต้อง ข้อความภาษาไทยรายช่อง ไม่มีการบันทึกข้อมูล'),
          '404': errorResponse('ไม่พบงานบริการ'),
          '413': errorResponse('ข้อมูลใหญ่เกินกำหนด'),
          '415': errorResponse('ชนิดข้อมูลไม่รองรับ'),
        },
      },
    },
    '/a/{slug}/api/requests/status': {
      post: {
        operationId: 'eserviceStatus',
        summary: 'สถานะคำขอตามรหัสติดตาม',
        tags,
        parameters: [slug],
        requestBody: { required: true, content: { 'application/json': { schema: ref('EserviceStatusInput') } } },
        responses: { '200': jsonResponse('สถานะคำขอ', ref('EserviceStatus')), '400': errorResponse('ไม่ได้ระบุรหัสติดตาม'), '404': errorResponse('ไม่พบคำขอ') },
      },
    },
  },
};
