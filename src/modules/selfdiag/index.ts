/**
 * Self-diagnosis before NACC's own IIT/EIT (STYLE.md convention 15): rounds of NACC-style
 * questions with staff (IIT) and service users (EIT) on the shared survey engine — one-time links
 * or QR codes, answers stored without the person, results by unit only above a k-anonymity
 * threshold, predicted indicator and tool scores against last year's official result, the plan
 * rows behind the weakest questions, the quarterly trend, and the predicted ITA total and
 * rating with what-ifs. Other modules use only what this file exports.
 *
 * Staff: /admin/self-diagnosis (…/rounds/{id}, …/prediction). CLI: `survey results --agency SLUG [--round ID] --json`.
 */
import { defineModule } from '../../platform/module.js';
import { selfdiagRoutes, type SelfdiagRoutesOptions } from './routes.js';

export { selfdiagService, parseExtraQuestions, TOOL_LABELS, type SelfdiagService, type Round, type RoundView, type Tool } from './service.js';
export { uncertaintyLines, type PredictionSample } from './domain/predict.js';
export { roundResults, scoringFor, answerScore, indicatorScores, DEFAULT_THRESHOLD, type ScoredQuestion, type RoundResult, type UnitResult } from './domain/scoring.js';
export { seedDemoSelfdiag } from './demo.js';
export type { SelfdiagDb, SelfdiagTables } from './tables.js';

export const selfdiagModule = (options: SelfdiagRoutesOptions) =>
  defineModule({
    name: 'selfdiag',
    permissions: ['selfdiag.manage'],
    routes: selfdiagRoutes,
    options,
    // The predicted total and rating on the staff dashboard, with how uncertain it is.
    dashboardCards: [{ permission: 'selfdiag.manage', load: (agencyId) => options.selfdiag.dashboardCard(agencyId) }],
    nav: [{ href: '/admin/self-diagnosis', label: { th: 'ประเมินตนเองก่อน ITA', en: 'Self-diagnosis' }, permission: 'selfdiag.manage' }],
    auditLabels: {
      actions: {
        'selfdiag.round.create': { th: 'เริ่มรอบการประเมินตนเอง', en: 'Self-diagnosis round started' },
        'selfdiag.links.issue': { th: 'ออกลิงก์ตอบแบบประเมินตนเอง', en: 'Self-diagnosis links issued' },
        'selfdiag.round.close': { th: 'ปิดรอบการประเมินตนเอง', en: 'Self-diagnosis round closed' },
      },
      entities: { selfdiag_round: { th: 'รอบการประเมินตนเอง', en: 'Self-diagnosis round' } },
    },
  });
