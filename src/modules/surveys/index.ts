/**
 * The survey engine (STYLE.md convention 15): the ONE engine behind the e-service satisfaction
 * survey and the self-diagnosis (IIT/EIT-style) surveys. Other modules use only what this file
 * exports.
 *
 * ## Concepts
 * - **Form**: per agency, found by a stable `key` you choose (`eservice-satisfaction`,
 *   `self-diagnosis-2569-q1`…). Its questions live in **versions**; publishing new questions
 *   makes a new version and earlier responses keep the version they answered.
 * - **Question types**: `likert4`, `likert5` (1 = least … scale = most), `yesno`, `choice`
 *   (one of `options`), `text`. See `Question` and `questionSchema`.
 * - **Token**: a one-response link secret. `issueToken(tx, agencyId, formId, { subjectRef?, groups? })`
 *   returns it (idempotent per `subjectRef`, e.g. one per e-service request). Only its SHA-256 is
 *   stored; the link can be shown again with `tokenForSubject`. Answering spends it.
 * - **Response**: answers + `groups` (copied from the token: labels such as service or unit,
 *   never a person) + the date only. No column links a response to a token, a subject or a
 *   person, and the export is ordered by date and random id, not by insertion.
 *
 * ## Use
 * @example
 * const form = await db.transaction().execute((tx) =>
 *   surveys.ensureForm(tx, agencyId, { key: 'self-diagnosis-2569', title: 'แบบสำรวจ IIT ภายใน', questions: [
 *     { key: 'i1', text: '…', type: 'likert5', required: true },
 *   ] }));
 * const token = await db.transaction().execute((tx) => surveys.issueToken(tx, agencyId, form.id, { groups: { unit: unitId } }));
 * // Public link: `/a/${slug}/survey/${token}` (page and POST handled here).
 * await surveys.respond(agencyId, token, { i1: '4' });                    // throws CONFLICT when spent
 * const r = await surveys.results(agencyId, form.id, { groupBy: 'unit', minGroupSize: 5 }); // hidden groups below 5
 * const csv = await surveys.exportCsv(agencyId, form.id);                 // also exportXlsx → Buffer
 *
 * Staff pages: /admin/surveys (list, results, export, add a question = new version).
 */
import { defineModule } from '../../platform/module.js';
import { surveysRoutes, type SurveysRoutesOptions } from './routes.js';

export { surveysService } from './service.js';
export type { SurveysService, SurveyForm, SurveyResults, SurveyResponse, GroupResult } from './service.js';
export { QUESTION_TYPES, QUESTION_TYPE_LABELS, questionSchema, questionListSchema, validateAnswers, summarise, scaleScore, scaleOf } from './domain/questions.js';
export type { Question, QuestionType, Answer, Answers, QuestionSummary } from './domain/questions.js';
export { QuestionControl, summaryText } from './views/SurveyPages.js';
export { qrSvg } from './qr.js';

export const surveysModule = (options: SurveysRoutesOptions) =>
  defineModule({
    name: 'surveys',
    permissions: ['survey.manage'],
    auditLabels: { actions: { 'survey.version.publish': { th: 'เผยแพร่แบบสำรวจฉบับใหม่', en: 'Survey version published' } } },
    routes: surveysRoutes,
    options,
    nav: [{ href: '/admin/surveys', label: { th: 'แบบสำรวจ', en: 'Surveys' }, permission: 'eservice.manage' }],
  });
export type { SurveysDb, SurveyTables } from './tables.js';
