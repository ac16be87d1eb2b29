/**
 * Which alerts a watch run opens, keeps and resolves. An alert is one broken URL from the run
 * that first saw it until a run sees it working (or no longer linked): a link that stays broken
 * for a week is one alert and one reminder, not seven.
 */
export interface Finding {
  code: string;
  url: string;
  ok: boolean;
  problem: string | null;
}

export interface OpenAlert {
  id: string;
  url: string;
}

export interface AlertPlan {
  /** Problems no open alert covers yet: each opens an alert (and goes into the reminder). */
  open: Finding[];
  /** Open alerts still broken: last seen now, problem text refreshed. */
  keep: { id: string; finding: Finding }[];
  /** Open alerts whose URL now works or is no longer on the pages. */
  resolve: string[];
}

export function planAlerts(findings: Finding[], open: OpenAlert[]): AlertPlan {
  const broken = new Map<string, Finding>();
  for (const f of findings) if (!f.ok && !broken.has(f.url)) broken.set(f.url, f);
  const openByUrl = new Map(open.map((a) => [a.url, a]));
  return {
    open: [...broken.values()].filter((f) => !openByUrl.has(f.url)),
    keep: open.filter((a) => broken.has(a.url)).map((a) => ({ id: a.id, finding: broken.get(a.url)! })),
    resolve: open.filter((a) => !broken.has(a.url)).map((a) => a.id),
  };
}

/**
 * The start of the schedule slot `now` falls in, for an interval in hours (ISO). Runs are
 * claimed per slot, so every instance computes the same key.
 * @example slotOf(new Date('2026-01-15T10:00:00Z'), 24) // '2026-01-15T00:00:00.000Z'
 */
export function slotOf(now: Date, intervalHours: number): string {
  const ms = Math.max(1, Math.round(intervalHours * 3600_000));
  return new Date(Math.floor(now.getTime() / ms) * ms).toISOString();
}

/** The reminder text for newly broken evidence (Thai, names the first few items). */
export function reminderText(agencyName: string, year: number, opened: Finding[]): string {
  const items = [...new Set(opened.map((f) => f.code || 'หน้ารวม'))];
  const shown = items.slice(0, 5).join(', ');
  return `ตรวจหน้าเผยแพร่ข้อมูล OIT ปี ${year} ของ${agencyName} พบปัญหาใหม่ ${opened.length} รายการ (${shown}${items.length > 5 ? ' และอื่น ๆ' : ''}) เช่น ${opened[0]?.problem ?? ''} กรุณาแก้ไขก่อนผู้ประเมินตรวจ`;
}
