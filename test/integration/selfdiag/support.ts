/**
 * Setting up a self-diagnosis round as a coordinator does: a test agency, an IIT round for
 * FY2565 Q2 (threshold 5), and one-time links printed for units.
 */
import { TestClient, buildTestApp, html, setUpAgency, type TestApp } from '../../support/app.js';
import { fixedClock } from '../../../src/shared/clock.js';
import type { Dialect } from '../../../src/db/portable.js';

export interface RoundSetUp {
  t: TestApp;
  admin: TestClient;
  agencyId: string;
  roundId: string;
  round: Awaited<ReturnType<TestApp['services']['selfdiag']['getRound']>>;
}

export async function appWithRound(dialect: Dialect): Promise<RoundSetUp> {
  const t = await buildTestApp(dialect, { clock: fixedClock('2022-01-10T03:00:00Z') });
  const admin = await setUpAgency(t);
  const agencyId = (await t.services.agencies.findBySlug('test-town'))!.id;
  await admin.get('/admin/self-diagnosis');
  const created = await admin.submit('/admin/self-diagnosis/rounds', { tool: 'IIT', fiscalYear: '2565', quarter: '2', threshold: '5', extraQuestions: '' });
  const roundId = (created.headers.location as string).split('/').pop()!;
  return { t, admin, agencyId, roundId, round: await t.services.selfdiag.getRound(agencyId, roundId) };
}

/** Prints `count` one-time links for a unit, as the round page does; returns their paths. */
export async function printLinks(s: RoundSetUp, unit: string, count: number): Promise<string[]> {
  await s.admin.get(`/admin/self-diagnosis/rounds/${s.roundId}`);
  const slips = await s.admin.submit(`/admin/self-diagnosis/rounds/${s.roundId}/links`, { unit, count: String(count) });
  return html(slips.body).querySelectorAll('.slip .mono').map((e) => new URL(e.textContent.trim()).pathname);
}
