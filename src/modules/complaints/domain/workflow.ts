/** Which handling step may follow which, and the deadlines the agency's guideline sets. */
import { addDays } from '../../../shared/fiscal.js';
import { CLOSED_STATES, type State } from './types.js';

export type Action = 'acknowledge' | 'investigate' | 'conclude' | 'forward' | 'move_to_general';

const NEXT: Record<Action, { from: readonly State[]; to: State }> = {
  acknowledge: { from: ['received'], to: 'acknowledged' },
  investigate: { from: ['acknowledged'], to: 'under_investigation' },
  conclude: { from: ['acknowledged', 'under_investigation'], to: 'concluded' },
  forward: { from: ['received', 'acknowledged', 'under_investigation'], to: 'forwarded' },
  move_to_general: { from: ['received', 'acknowledged'], to: 'moved_to_general' },
};

/** The state after `action`, or undefined when the action does not apply now. */
export function nextState(current: State, action: Action): State | undefined {
  const rule = NEXT[action];
  return rule.from.includes(current) ? rule.to : undefined;
}

export const allowedActions = (current: State): Action[] => (Object.keys(NEXT) as Action[]).filter((a) => NEXT[a].from.includes(current));

export const isClosed = (s: State): boolean => CLOSED_STATES.includes(s);

export interface GuidelineDeadlines {
  acknowledgeDays: number;
  concludeDays: number;
}

/** Due dates (ISO dates, Thai calendar day of receipt) from the guideline's time frames. */
export function dueDates(receivedDate: string, g: GuidelineDeadlines): { acknowledgeBy: string; concludeBy: string } {
  return { acknowledgeBy: addDays(receivedDate, g.acknowledgeDays), concludeBy: addDays(receivedDate, g.concludeDays) };
}

/** Overdue: the step is still open after its due date (the due day itself is still in time). */
export function overdue(state: State, due: { acknowledgeBy: string; concludeBy: string }, today: string): 'acknowledge' | 'conclude' | null {
  if (state === 'received' && today > due.acknowledgeBy) return 'acknowledge';
  if (!isClosed(state) && today > due.concludeBy) return 'conclude';
  return null;
}

/**
 * Handlers who may see a report: the agency's handlers minus the executive it names, those the
 * reporter excluded and those who recused themselves.
 */
export function eligibleHandlers(handlerIds: readonly string[], excluded: readonly string[]): string[] {
  const out = new Set(excluded);
  return handlerIds.filter((id) => !out.has(id));
}
