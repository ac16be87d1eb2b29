/** The reporter's receipt: 16 random decimal digits, from the OS CSPRNG, never from time or a counter. */
import { randomInt } from 'node:crypto';

export function newReceipt(): string {
  // randomInt's range is limited to 2^48, so two independent 8-digit halves.
  const half = () => String(randomInt(0, 100_000_000)).padStart(8, '0');
  return half() + half();
}

/** Accepts what people type: spaces, dashes and Thai digits. Undefined unless exactly 16 digits. */
export function normalizeReceipt(input: string): string | undefined {
  const ascii = input.replace(/[\u0E50-\u0E59]/g, (d) => String(d.charCodeAt(0) - 0x0e50)).replace(/[\s-]/g, '');
  return /^\d{16}$/.test(ascii) ? ascii : undefined;
}

/** 1234 5678 9012 3456: easier to copy down by hand. */
export const formatReceipt = (r: string): string => r.replace(/(\d{4})(?=\d)/g, '$1 ');
