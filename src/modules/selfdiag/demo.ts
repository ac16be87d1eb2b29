/**
 * The demo agency's self-diagnosis: an IIT round of the current fiscal year with links issued to
 * three units and answered — two units above the threshold (results shown), one below (hidden).
 */
import type { Actor } from '../../platform/audit.js';
import type { SurveysService } from '../surveys/index.js';
import type { SelfdiagService } from './service.js';
import { fiscalYearOf } from '../../shared/fiscal.js';
import { todayInThailand, type Clock } from '../../shared/clock.js';

export async function seedDemoSelfdiag(deps: { selfdiag: SelfdiagService; surveys: SurveysService; clock: Clock }, agencyId: string, actor: Actor, units: string[]): Promise<{ roundId: string }> {
  const { selfdiag, surveys } = deps;
  const year = fiscalYearOf(todayInThailand(deps.clock));
  const round = await selfdiag.createRound(actor, agencyId, { tool: 'IIT', fiscalYear: String(year), quarter: '1', threshold: '5', extraQuestions: '' });
  // Answers vary by unit and respondent so the results differ (deterministic demo data).
  const plan: [string, number, number][] = [
    [units[0] ?? 'สำนักปลัด', 7, 4],
    [units[1] ?? 'กองคลัง', 6, 3],
    [units[2] ?? 'กองช่าง', 3, 3],
  ];
  for (const [unit, answered, level] of plan) {
    const { tokens } = await selfdiag.issueLinks(actor, agencyId, round.id, { unit, count: String(answered + 2) });
    for (let i = 0; i < answered; i++) {
      const answers: Record<string, string> = {};
      for (const q of round.questions) {
        const v = Math.max(1, Math.min(4, level - ((i + q.indicator) % 3 === 0 ? 1 : 0)));
        answers[q.key] = q.scoring.kind === 'yesno' ? ((q.scoring.yesScore === 0) === (v >= 3) ? 'no' : 'yes') : String(v);
      }
      await surveys.respond(agencyId, tokens[i]!, answers);
    }
  }
  return { roundId: round.id };
}
