/** A contract of the register, as the domain, views and documents see it (storage-free). */
export interface Bidder {
  name: string;
  price: number | null;
}

export type ContractSource = 'file' | 'api';

export interface Contract {
  /** e-GP project number (เลขที่โครงการ): the merge key across sources. */
  projectNo: string;
  titleTh: string;
  /** ซื้อ | จ้าง | เช่า | อื่น ๆ (free text as the source wrote it, normalised where recognised). */
  procType: string;
  method: string;
  /** วงเงินที่จะซื้อหรือจ้าง (budget). */
  budget: number | null;
  /** ราคากลาง (reference price). */
  referencePrice: number | null;
  bidders: Bidder[];
  winner: string;
  agreedPrice: number | null;
  reason: string;
  contractNo: string;
  /** ISO date (CE) or null. */
  contractDate: string | null;
  /** ISO date (CE) that places the contract in a month: the contract date, else the announcement. */
  procuredOn: string;
  sources: ContractSource[];
}

/** Month key 'YYYY-MM' (CE) of an ISO date. */
export const monthOf = (iso: string): string => iso.slice(0, 7);

/**
 * The twelve months of a fiscal year (B.E.) as 'YYYY-MM' keys, October first.
 * @example fiscalMonths(2569)[0] // '2025-10'
 */
export function fiscalMonths(fiscalYear: number): string[] {
  const endCE = fiscalYear - 543;
  const out: string[] = [];
  for (let i = 0; i < 12; i++) {
    const m = ((9 + i) % 12) + 1;
    const y = m >= 10 ? endCE - 1 : endCE;
    out.push(`${y}-${String(m).padStart(2, '0')}`);
  }
  return out;
}

/** The month key of month number `m` (1–12) within fiscal year `fy`: Oct–Dec fall in the year before. */
export function monthInFiscalYear(fy: number, m: number): string {
  const endCE = fy - 543;
  return `${m >= 10 ? endCE - 1 : endCE}-${String(m).padStart(2, '0')}`;
}

/** Normalised method family, for totals and the e-bidding share. */
export function methodFamily(method: string): 'e-bidding' | 'e-market' | 'specific' | 'selective' | 'other' {
  const m = method.toLowerCase().replace(/\s+/g, '');
  if (/e-?bidding|ประกวดราคาอิเล็กทรอนิกส์/.test(m)) return 'e-bidding';
  if (/e-?market|ตลาดอิเล็กทรอนิกส์/.test(m)) return 'e-market';
  if (/เฉพาะเจาะจง|specific/.test(m)) return 'specific';
  if (/คัดเลือก|selective/.test(m)) return 'selective';
  return 'other';
}

export const METHOD_FAMILY_LABELS: Record<ReturnType<typeof methodFamily>, string> = {
  'e-bidding': 'ประกวดราคาอิเล็กทรอนิกส์ (e-bidding)',
  'e-market': 'ตลาดอิเล็กทรอนิกส์ (e-market)',
  specific: 'เฉพาะเจาะจง',
  selective: 'คัดเลือก',
  other: 'วิธีอื่น',
};

/** ซื้อ / จ้าง / เช่า from a type text or, failing that, the title. */
export function typeOf(procType: string, title = ''): 'ซื้อ' | 'จ้าง' | 'เช่า' | 'อื่น ๆ' {
  for (const w of ['เช่า', 'จ้าง', 'ซื้อ'] as const) if (procType.includes(w)) return w;
  if (/^(โครงการ)?\s*เช่า/.test(title)) return 'เช่า';
  if (/^(โครงการ)?\s*(จ้าง|ก่อสร้าง|ปรับปรุง|ซ่อม)/.test(title)) return 'จ้าง';
  if (/^(โครงการ)?\s*(ซื้อ|จัดซื้อ)/.test(title)) return 'ซื้อ';
  return 'อื่น ๆ';
}
