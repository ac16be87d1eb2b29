/**
 * The government spending API's contract records (`cgdcontract`, fed by e-GP) as contracts of the
 * register. Pure: the client (../govspending-client.ts) fetches, this maps. A record that lacks a
 * project number or a date to place it in a month is skipped and counted, never half-stored.
 */
import { parseDate, parseMoney } from './import-table.js';
import type { Contract } from './types.js';

export interface CgdContractRecord {
  project_id?: string | number;
  project_name?: string;
  project_type_name?: string;
  purchase_method_name?: string;
  project_money?: number | string;
  price_build?: number | string;
  sum_price_agree?: number | string;
  announce_date?: string;
  transaction_date?: string;
  dept_code?: string;
  contract?: { winner?: string; winner_tin?: string; contract_no?: string; contract_date?: string; price_agree?: number | string; status?: string }[];
}

const str = (v: unknown) => (v === null || v === undefined ? '' : String(v).trim());
const money = (v: unknown): number | null => {
  const m = parseMoney(v === null || v === undefined ? null : typeof v === 'number' ? v : String(v));
  return m === undefined ? null : m;
};

export function contractFromApi(r: CgdContractRecord): Contract | undefined {
  const projectNo = str(r.project_id);
  const contracts = Array.isArray(r.contract) ? r.contract : [];
  const first = contracts[0];
  const contractDate = first?.contract_date ? (parseDate(first.contract_date) ?? null) : null;
  const announced = parseDate(str(r.announce_date) || str(r.transaction_date)) ?? null;
  const procuredOn = contractDate ?? announced;
  if (!projectNo || !str(r.project_name) || !procuredOn) return undefined;
  const winners = [...new Set(contracts.map((c) => str(c.winner)).filter(Boolean))];
  const prices = contracts.map((c) => money(c.price_agree)).filter((p): p is number => p !== null);
  const agreed = money(r.sum_price_agree) ?? (prices.length ? prices.reduce((a, b) => a + b, 0) : null);
  return {
    projectNo,
    titleTh: str(r.project_name),
    procType: str(r.project_type_name),
    method: str(r.purchase_method_name),
    budget: money(r.project_money),
    referencePrice: money(r.price_build),
    // The API lists the contracts signed, not every bid: the winners and their prices.
    bidders: contracts.filter((c) => str(c.winner)).map((c) => ({ name: str(c.winner), price: money(c.price_agree) })),
    winner: winners.join(', '),
    agreedPrice: agreed,
    reason: '',
    contractNo: contracts.map((c) => str(c.contract_no)).filter(Boolean).join(', '),
    contractDate,
    procuredOn,
    sources: ['api'],
  };
}
