import { describe, expect, it } from 'vitest';
import { hashRecoveryCode, newRecoveryCodes, newTotpSecret, totpCode, totpStep } from './totp.js';

describe('TOTP', () => {
  it('accepts the current code and one step of drift, refuses others', () => {
    const s = newTotpSecret();
    const now = new Date('2026-12-01T00:00:15Z');
    const step = Math.floor(now.getTime() / 30_000);
    expect(totpStep(s, totpCode(s, now), now)).toBe(step);
    expect(totpStep(s, totpCode(s, new Date(now.getTime() - 30_000)), now)).toBe(step - 1);
    expect(totpStep(s, totpCode(s, new Date(now.getTime() - 120_000)), now)).toBeUndefined();
    expect(totpStep(s, 'abcdef', now)).toBeUndefined();
  });
  it('makes distinct recovery codes and hashes them as typed', () => {
    const codes = newRecoveryCodes();
    expect(new Set(codes).size).toBe(10);
    expect(hashRecoveryCode(` ${codes[0]!.toUpperCase()} `)).toBe(hashRecoveryCode(codes[0]!));
  });
});
