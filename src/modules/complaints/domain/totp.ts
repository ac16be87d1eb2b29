/** TOTP (RFC 6238) through `otpauth`, and single-use recovery codes. */
import { Secret, TOTP } from 'otpauth';
import { createHash, randomBytes } from 'node:crypto';

const PERIOD = 30;

export const newTotpSecret = (): string => new Secret({ size: 20 }).base32;

export function totpUri(secretBase32: string, account: string): string {
  return new TOTP({ issuer: 'Prongsai', label: account, secret: Secret.fromBase32(secretBase32), period: PERIOD }).toString();
}

/** The code of a moment (tests and the demo compute what an authenticator app shows). */
export const totpCode = (secretBase32: string, at: Date): string =>
  new TOTP({ secret: Secret.fromBase32(secretBase32), period: PERIOD }).generate({ timestamp: at.getTime() });

/**
 * The time step a code belongs to (±1 step of drift), or undefined. The caller refuses a step at
 * or before the last one accepted, so a code seen over a shoulder cannot be used twice.
 */
export function totpStep(secretBase32: string, code: string, at: Date): number | undefined {
  const token = code.replace(/\s/g, '');
  if (!/^\d{6}$/.test(token)) return undefined;
  const delta = new TOTP({ secret: Secret.fromBase32(secretBase32), period: PERIOD }).validate({ token, timestamp: at.getTime(), window: 1 });
  return delta === null ? undefined : Math.floor(at.getTime() / 1000 / PERIOD) + delta;
}

const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
/** Ten codes of 10 characters (≈49 bits each), shown once; only their SHA-256 is kept. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: 10 }, () => {
    const bytes = randomBytes(10);
    return Array.from(bytes, (b) => ALPHABET[b % ALPHABET.length]).join('').replace(/(.{5})(.{5})/, '$1-$2');
  });
}
export const hashRecoveryCode = (code: string): string => createHash('sha256').update(code.trim().toLowerCase().replace(/\s/g, '')).digest('hex');
