/**
 * Usage statistics of a reporting round, pure: requests by service, channel and state, handling
 * time, share closed within the legal time limit, and satisfaction per service. The 6-month
 * round is October–March of the fiscal year, the 12-month round the whole fiscal year; a request
 * counts in the round it was submitted in.
 */
import { firstHalfRange, fiscalYearRange, type DateRange } from '../../../shared/fiscal.js';
import { CHANNELS, CHANNEL_LABELS, REQUEST_STATES, STATE_LABELS, isFinal, type Category, type Channel, type RequestState } from './states.js';

export type Round = 6 | 12;
export const roundRange = (year: number, round: Round): DateRange => (round === 6 ? firstHalfRange(year) : fiscalYearRange(year));
export const roundLabel = (year: number, round: Round): string =>
  round === 6 ? `รอบ 6 เดือน (ตุลาคม ${year - 1} – มีนาคม ${year})` : `รอบ 12 เดือน (ปีงบประมาณ พ.ศ. ${year})`;

/** Element wording asks for satisfaction results of at least three services. */
export const MIN_SATISFACTION_SERVICES = 3;

export interface StatRequest {
  serviceId: string;
  channel: Channel;
  state: RequestState;
  submittedOn: string;
  dueDate: string;
  closedOn: string | null;
}

export interface StatService {
  id: string;
  name: string;
  category: Category;
}

export interface ServiceStats {
  serviceId: string;
  name: string;
  category: Category;
  total: number;
  done: number;
  rejected: number;
  open: number;
  /** Mean days from submission to closing, over closed requests. */
  meanDays?: number;
  /** Share (0…1) of closed requests closed by their due date. */
  withinLimitShare?: number;
  satisfaction?: { responses: number; score?: number };
}

export interface EserviceStats {
  year: number;
  round: Round;
  range: DateRange;
  total: number;
  services: ServiceStats[];
  channels: { channel: Channel; label: string; total: number }[];
  states: { state: RequestState; label: string; total: number }[];
  meanDays?: number;
  withinLimitShare?: number;
  satisfaction: { responses: number; score?: number; services: number };
  /** Satisfaction per responsible unit (the unit a request belonged to when it was done). */
  units: { unitId: string; name: string; responses: number; score?: number }[];
}

const days = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : undefined);

function timing(rs: StatRequest[]) {
  const closed = rs.filter((r) => isFinal(r.state) && r.closedOn);
  const meanDays = mean(closed.map((r) => days(r.submittedOn, r.closedOn!)));
  const withinLimitShare = closed.length ? closed.filter((r) => r.closedOn! <= r.dueDate).length / closed.length : undefined;
  return { ...(meanDays !== undefined ? { meanDays } : {}), ...(withinLimitShare !== undefined ? { withinLimitShare } : {}) };
}

/**
 * @example computeStats(2569, 6, services, requests, new Map([[serviceId, { responses: 4, score: 85 }]]), new Map([[unitId, { name: 'กองช่าง', responses: 4, score: 85 }]]))
 */
export function computeStats(
  year: number,
  round: Round,
  services: readonly StatService[],
  requests: readonly StatRequest[],
  satisfaction: ReadonlyMap<string, { responses: number; score?: number }>,
  unitSatisfaction: ReadonlyMap<string, { name: string; responses: number; score?: number }> = new Map(),
): EserviceStats {
  const range = roundRange(year, round);
  const inRound = requests.filter((r) => r.submittedOn >= range.from && r.submittedOn <= range.to);
  const perService = services
    .map((s): ServiceStats => {
      const rs = inRound.filter((r) => r.serviceId === s.id);
      const sat = satisfaction.get(s.id);
      return {
        serviceId: s.id,
        name: s.name,
        category: s.category,
        total: rs.length,
        done: rs.filter((r) => r.state === 'done').length,
        rejected: rs.filter((r) => r.state === 'rejected').length,
        open: rs.filter((r) => !isFinal(r.state)).length,
        ...timing(rs),
        ...(sat && sat.responses > 0 ? { satisfaction: sat } : {}),
      };
    })
    .filter((s) => s.total > 0 || s.satisfaction);
  const satServices = perService.filter((s) => s.satisfaction && s.satisfaction.responses > 0);
  const satResponses = satServices.reduce((a, s) => a + s.satisfaction!.responses, 0);
  // The overall score weighs each service by its responses.
  const weighted = satServices.filter((s) => s.satisfaction!.score !== undefined);
  const weight = weighted.reduce((a, s) => a + s.satisfaction!.responses, 0);
  const score = weight ? weighted.reduce((a, s) => a + s.satisfaction!.score! * s.satisfaction!.responses, 0) / weight : undefined;
  return {
    year,
    round,
    range,
    total: inRound.length,
    services: perService,
    channels: CHANNELS.map((c) => ({ channel: c, label: CHANNEL_LABELS[c], total: inRound.filter((r) => r.channel === c).length })),
    states: REQUEST_STATES.map((s) => ({ state: s, label: STATE_LABELS[s], total: inRound.filter((r) => r.state === s).length })),
    ...timing(inRound),
    satisfaction: { responses: satResponses, ...(score !== undefined ? { score } : {}), services: satServices.length },
    units: [...unitSatisfaction]
      .filter(([, u]) => u.responses > 0)
      .map(([unitId, u]) => ({ unitId, name: u.name, responses: u.responses, ...(u.score !== undefined ? { score: u.score } : {}) }))
      .sort((a, b) => a.name.localeCompare(b.name, 'th')),
  };
}
