/** The channel's JSON API as described in the one OpenAPI document (platform/openapi). */
import { z } from 'zod';
import { errorResponse, jsonResponse, jsonSchemaOf, type OpenApiContribution } from '../../platform/openapi/index.js';
import { OUTCOMES, OUTSIDE_BODIES, STATES } from './domain/types.js';
import { receiptInput, reportInput } from './schemas.js';

const slug = { name: 'slug', in: 'path' as const, required: true, description: 'ชื่อย่อของหน่วยงานใน URL', schema: { type: 'string' } };

export const complaintKeyOutput = z.object({ publicKey: z.string().describe('กุญแจสาธารณะ Ed25519 ของหน่วยงาน (base64)') }).strict();
export const keyHistoryOutput = z
  .object({
    keys: z.array(
      z
        .object({
          version: z.number().int().describe('รุ่นของกุญแจ (keyVersion ในหลักฐานการรับเรื่อง)'),
          publicKey: z.string().describe('กุญแจสาธารณะ Ed25519 ของรุ่นนี้ (base64)'),
          validFrom: z.string().describe('เริ่มใช้ลงนาม (ISO 8601)'),
          validUntil: z.string().nullable().describe('เลิกใช้ลงนาม (ISO 8601); null = รุ่นที่ใช้อยู่'),
        })
        .strict(),
    ),
  })
  .strict();
export const acknowledgementOutput = z
  .object({
    receipt: z.string().regex(/^\d{16}$/).describe('รหัสติดตามเรื่อง 16 หลัก แสดงครั้งเดียว'),
    acknowledgement: z
      .object({
        payload: z.string().describe('base64 ของ JSON (UTF-8) ที่ลงนาม: type, v, agency, agencyId, keyVersion, reportHash, receivedAt'),
        signature: z.string().describe('ลายมือชื่อ Ed25519 (base64) เหนือไบต์ของ payload ที่ถอดรหัส base64 แล้ว'),
      })
      .strict(),
  })
  .strict();
export const statusOutput = z
  .object({
    state: z.enum(STATES),
    stateLabel: z.string(),
    outcome: z.enum(OUTCOMES).nullable(),
    forwardedTo: z.enum(OUTSIDE_BODIES).nullable(),
    forwardedToLabel: z.string().nullable(),
    receivedDate: z.iso.date(),
    waitingForReporter: z.boolean(),
    messages: z.array(z.object({ from: z.enum(['reporter', 'agency']), body: z.string(), at: z.iso.datetime() }).strict()),
    attachments: z.number().int().min(0),
  })
  .strict();

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const common = {
  '404': errorResponse('ไม่พบหน่วยงาน หรือหน่วยงานยังไม่เปิดช่องทาง'),
  '429': errorResponse('ส่งบ่อยเกินไป'),
};

export const complaintsOpenApi: OpenApiContribution = {
  schemas: {
    ComplaintsPublicKey: jsonSchemaOf(complaintKeyOutput),
    ComplaintsKeyHistory: jsonSchemaOf(keyHistoryOutput),
    ComplaintsReportInput: jsonSchemaOf(reportInput, 'input'),
    ComplaintsReceipt: jsonSchemaOf(acknowledgementOutput),
    ComplaintsStatusInput: jsonSchemaOf(receiptInput, 'input'),
    ComplaintsStatus: jsonSchemaOf(statusOutput),
  },
  paths: {
    '/a/{slug}/api/complaint-key': {
      get: {
        operationId: 'complaintsPublicKey',
        summary: 'กุญแจสาธารณะสำหรับตรวจลายมือชื่อหลักฐานการรับเรื่อง',
        tags: ['complaints'],
        parameters: [slug],
        responses: { '200': jsonResponse('กุญแจสาธารณะ', ref('ComplaintsPublicKey')), ...common },
      },
    },
    '/a/{slug}/api/complaint-keys': {
      get: {
        operationId: 'complaintsKeyHistory',
        summary: 'กุญแจสาธารณะทุกรุ่น (หลังเปลี่ยนกุญแจ หลักฐานการรับเรื่องเดิมยังตรวจได้ด้วยรุ่นของมัน)',
        tags: ['complaints'],
        parameters: [slug],
        responses: { '200': jsonResponse('กุญแจสาธารณะทุกรุ่น เรียงจากเก่าไปใหม่', ref('ComplaintsKeyHistory')), ...common },
      },
    },
    '/a/{slug}/api/corruption-reports': {
      post: {
        operationId: 'complaintsSubmit',
        summary: 'แจ้งเบาะแสการทุจริต (ไม่ต้องระบุตัวตน)',
        description: 'ไม่เก็บ IP หรือ User-Agent; ข้อมูลถูกเข้ารหัสก่อนบันทึก; ถ้าข้อมูลไม่ถูกต้องตอบ 400 พร้อมข้อความภาษาไทยรายช่องและไม่บันทึกสิ่งใด',
        tags: ['complaints'],
        parameters: [slug],
        requestBody: { required: true, content: { 'application/json': { schema: ref('ComplaintsReportInput') } } },
        responses: {
          '201': jsonResponse('รับเรื่องแล้ว: รหัสติดตามเรื่องและหลักฐานการรับเรื่องที่ลงนามแล้ว', ref('ComplaintsReceipt')),
          '400': errorResponse('ข้อมูลไม่ถูกต้อง (ข้อความภาษาไทยรายช่องใน fields)'),
          '413': errorResponse('ข้อมูลใหญ่เกินกำหนด'),
          '415': errorResponse('ต้องส่งเป็น application/json'),
          ...common,
        },
      },
    },
    '/a/{slug}/api/corruption-reports/status': {
      post: {
        operationId: 'complaintsStatus',
        summary: 'สถานะและข้อความของเรื่อง ด้วยรหัสติดตามเรื่อง (ส่งใน body ไม่ใช่ URL)',
        tags: ['complaints'],
        parameters: [slug],
        requestBody: { required: true, content: { 'application/json': { schema: ref('ComplaintsStatusInput') } } },
        responses: {
          '200': jsonResponse('สถานะของเรื่อง', ref('ComplaintsStatus')),
          '400': errorResponse('รหัสไม่ถูกต้องตามรูปแบบ'),
          '415': errorResponse('ต้องส่งเป็น application/json'),
          ...common,
        },
      },
    },
  },
};
