/** Time source, injected so tests can fix "now". */
export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };
export const fixedClock = (iso: string): Clock => ({ now: () => new Date(iso) });
/** "Now" as the ISO text stored in every timestamp column. */
export const nowIso = (clock: Clock): string => clock.now().toISOString();

/**
 * Today's date (ISO, CE) in Thailand (UTC+7, no daylight saving): documents are dated and fiscal
 * years decided by the Thai calendar day, not the UTC one (07:00 the day before in UTC).
 */
export const todayInThailand = (clock: Clock): string => new Date(clock.now().getTime() + 7 * 3600_000).toISOString().slice(0, 10);
