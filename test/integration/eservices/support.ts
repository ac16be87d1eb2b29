/** Shared set-up of the e-service tests: a clock the test moves, an agency with services on, helpers. */
import type { Clock } from '../../../src/shared/clock.js';
import { SYSTEM_ACTOR } from '../../../src/platform/audit.js';
import { rowCount, type TestApp } from '../../support/app.js';
import type { Agency } from '../../../src/modules/agencies/domain/agency.js';

/** A clock the test sets: `clock.set('2022-01-15T03:00:00Z')`. */
export function movableClock(iso: string): Clock & { set(iso: string): void } {
  let now = new Date(iso);
  return { now: () => new Date(now), set: (v: string) => void (now = new Date(v)) };
}

/** A valid Thai national ID (check digit computed). */
export function nationalId(first12: string): string {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(first12[i]) * (13 - i);
  return `${first12}${(11 - (sum % 11)) % 10}`;
}

export async function otherAgency(t: TestApp, slug = 'other-town'): Promise<Agency> {
  return t.services.agencies.createAgency(
    SYSTEM_ACTOR,
    { slug, nameTh: 'เทศบาลตำบลอื่น', nameEn: null, type: 'subdistrict_municipality', province: 'ศรีสะเกษ', address: null, phone: null, email: null, websiteUrl: null, digits: 'arabic' },
    ['สำนักปลัด'],
  );
}

export async function count(t: TestApp, table: 'eservice_requests' | 'stored_files' | 'survey_responses' | 'eservice_request_files'): Promise<number> {
  return rowCount(t, table);
}
