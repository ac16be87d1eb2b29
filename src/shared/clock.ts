/** Time source, injected so tests can fix "now". */
export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };
export const fixedClock = (iso: string): Clock => ({ now: () => new Date(iso) });
/** "Now" as the ISO text stored in every timestamp column. */
export const nowIso = (clock: Clock): string => clock.now().toISOString();
