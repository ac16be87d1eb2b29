/**
 * The public question-and-answer channel (ถาม-ตอบ, STYLE.md convention 15): citizens ask without
 * an account (name optional), staff moderate before publication and answer publicly, or
 * privately on the asker's follow-up page; categories, Thai word search on both databases,
 * response-time statistics. The public page is OIT evidence by role (`qa-channel` in FY2565, the
 * inquiry element of `contact` from FY2569). Other modules use only what this file exports.
 *
 * Public: /a/{slug}/qa, /a/{slug}/qa/ask, /a/{slug}/qa/follow/{code}, JSON /a/{slug}/api/qa.
 * Staff: /admin/qa, /admin/qa/categories (each agency's own categories; the six defaults are
 * seeded on its first use).
 */
import { auditWords, defineModule } from '../../platform/module.js';
import { QA_CATEGORY_LABELS } from './domain/qa.js';
import { qaRoutes, type QaRoutesOptions } from './routes.js';
import { qaOpenApi } from './openapi.js';
import { seedDemoQa } from './demo.js';

export { qaService, type QaService, type QaEntry, type PublicQaEntry } from './service.js';
export { QA_CATEGORIES, QA_CATEGORY_LABELS, type QaCategory, searchTerms, searchText, responseTimes, type ResponseTimeStats } from './domain/qa.js';
export type { QaDb, QaTables } from './tables.js';

export const qaModule = (options: QaRoutesOptions) =>
  defineModule({
    name: 'qa',
    permissions: ['qa.answer'],
    routes: qaRoutes,
    options,
    openapi: qaOpenApi,
    oitEvidenceRoles: ['qa-channel', 'contact'],
    nav: [{ href: '/admin/qa', label: { th: 'ถาม-ตอบ', en: 'Q&A' }, permission: 'qa.answer' }],
    auditLabels: {
      actions: {
        'qa.ask': { th: 'รับคำถามจากประชาชน', en: 'Question received' },
        'qa.publish': { th: 'เผยแพร่คำถาม', en: 'Question published' },
        'qa.reject': { th: 'ไม่เผยแพร่คำถาม', en: 'Question not published' },
        'qa.answer': { th: 'ตอบคำถาม', en: 'Question answered' },
        'qa.answer.edit': { th: 'แก้ไขคำตอบ', en: 'Answer edited' },
        'qa.category.add': { th: 'เพิ่มหมวดคำถาม', en: 'Q&A category added' },
        'qa.category.rename': { th: 'เปลี่ยนชื่อหมวดคำถาม', en: 'Q&A category renamed' },
        'qa.category.retire': { th: 'เลิกใช้หมวดคำถาม', en: 'Q&A category retired' },
        'qa.category.restore': { th: 'นำหมวดคำถามกลับมาใช้', en: 'Q&A category restored' },
      },
      entities: { qa_question: { th: 'คำถาม (ถาม-ตอบ)', en: 'Q&A question' }, qa_category: { th: 'หมวดคำถาม (ถาม-ตอบ)', en: 'Q&A category' } },
      // Default categories in words; an agency's own categories are stored with their Thai names.
      values: { qa_question: auditWords(QA_CATEGORY_LABELS), oit_evidence: auditWords({ qa: 'หน้าถาม-ตอบที่ระบบจัดทำ' }) },
    },
    seedDemo: ({ agencyId, actor }) => seedDemoQa(options.qa, agencyId, actor),
  });
