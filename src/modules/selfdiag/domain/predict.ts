/**
 * The predicted ITA result, pure: the self-diagnosis indicators (IIT 1–5, EIT 6–8) and the OIT
 * readiness of the year (an item scores 100 when complete, else 0; an OIT indicator is the mean
 * of its items — the roll-up NACC uses from FY2567 is UNVERIFIED) give ten indicator scores; the
 * caller applies the year's rule (ita-results `analyze`) to get the total and the rating.
 */

export interface OitItemState {
  code: string;
  indicator: number;
  complete: boolean;
}

/** Indicator number → OIT score (0…100, two decimals) from item completeness. */
export function oitIndicatorScores(items: readonly OitItemState[]): Record<number, number> {
  const by = new Map<number, OitItemState[]>();
  for (const i of items) by.set(i.indicator, [...(by.get(i.indicator) ?? []), i]);
  return Object.fromEntries([...by].map(([no, is]) => [no, Math.round((is.filter((i) => i.complete).length / is.length) * 10000) / 100]));
}

/** The ten indicators of a prediction: self-diagnosis where measured, else the fallback (last official). */
export function combineIndicators(
  parts: { selfDiagnosis: Record<string, number>; oit: Record<number, number>; fallback: Record<number, number> },
  numbers: readonly number[],
): { indicators: Record<number, number>; sources: Record<number, 'self-diagnosis' | 'oit-readiness' | 'last-official' | 'missing'> } {
  const indicators: Record<number, number> = {};
  const sources: Record<number, 'self-diagnosis' | 'oit-readiness' | 'last-official' | 'missing'> = {};
  for (const no of numbers) {
    const sd = parts.selfDiagnosis[String(no)];
    const oit = parts.oit[no];
    const fb = parts.fallback[no];
    if (sd !== undefined) [indicators[no], sources[no]] = [sd, 'self-diagnosis'];
    else if (oit !== undefined) [indicators[no], sources[no]] = [oit, 'oit-readiness'];
    else if (fb !== undefined) [indicators[no], sources[no]] = [fb, 'last-official'];
    else [indicators[no], sources[no]] = [0, 'missing'];
  }
  return { indicators, sources };
}

/** OIT items as they would be if `codes` were completed too. */
export const withCompleted = (items: readonly OitItemState[], codes: readonly string[]): OitItemState[] =>
  items.map((i) => (codes.includes(i.code) ? { ...i, complete: true } : i));

/**
 * A plain statement of how uncertain a prediction is: the margin of a mean of 0…100 scores from
 * n answers (±1.96·sd/√n with the worst-case sd of 50 for a four-level item), rounded up.
 */
export function marginOfError(responses: number): number | undefined {
  if (responses <= 0) return undefined;
  return Math.ceil((1.96 * 50) / Math.sqrt(responses));
}

export interface PredictionSample {
  tool: 'IIT' | 'EIT';
  /** The round's title. */
  round: string;
  responses: number;
  margin?: number;
  provisional: boolean;
}

/**
 * The plain statement of how uncertain a prediction is, one sentence each (Thai, Arabic digits):
 * the sample behind each tool and its margin, a tool not measured this year, a provisional
 * catalogue, and what the OIT figure assumes. Shown on the prediction page and the dashboard card.
 */
export function uncertaintyLines(p: { samples: readonly PredictionSample[]; catalogueComplete: boolean }): string[] {
  const lines = p.samples.map(
    (s) =>
      `${s.tool}: ${s.round} ผู้ตอบที่นำมาคิด ${s.responses} คน` +
      (s.margin !== undefined ? ` ความคลาดเคลื่อนโดยประมาณ ±${s.margin} คะแนนต่อตัวชี้วัด` : ' ยังไม่มีผลที่แสดงได้') +
      (s.provisional ? ' (ข้อความคำถาม/วิธีให้คะแนนยังเป็นข้อมูลชั่วคราว)' : ''),
  );
  if (p.samples.length < 2) lines.push('เครื่องมือที่ยังไม่มีรอบประเมินตนเองในปีนี้ ใช้ผลทางการปีก่อนแทน (ถ้ามี)');
  if (!p.catalogueComplete) lines.push('เกณฑ์ของปีนี้ในแคตตาล็อกยังเป็นข้อมูลชั่วคราว (ยังไม่ยืนยันครบ)');
  lines.push('คะแนน OIT คิดจากรายการที่ครบถ้วนในระบบ (ครบ = 100, ไม่ครบ = 0) ผู้ตรวจของ ป.ป.ช. อาจให้ผลต่างออกไป');
  return lines;
}
