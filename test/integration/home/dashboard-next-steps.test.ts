/**
 * The staff dashboard says what to do next (issue 9, item 8): the OIT year that matters now
 * (FY2570 on 1 Dec 2026, not FY2568), that its catalogue is provisional, the link from results
 * year N to the plan and OIT of N+1, and a short list of next steps in the agency's digits.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../support/database.js';
import { TestClient, buildTestApp, html, setUpAgency, type TestApp } from '../../support/app.js';
import type { Clock } from '../../../src/shared/clock.js';

const SEED = JSON.parse(readFileSync(new URL('../../../src/modules/ita-results/domain/fixtures/seed-fy2565.json', import.meta.url), 'utf8')) as unknown;
const clock: Clock = { now: () => new Date('2026-12-01T03:00:00Z') };
const squash = (s: string | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

describe.each(DIALECTS)('dashboard next steps on %s', (dialect) => {
  let t: TestApp;
  let admin: TestClient;
  let agencyId: string;
  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock });
    admin = await setUpAgency(t, { 'agency.digits': 'thai' });
    agencyId = (await t.services.agencies.findBySlug('test-town'))!.id;
  });
  afterAll(async () => t.close());

  it('without results: enter results first; OIT card on FY2570 flagged provisional', async () => {
    const doc = html((await admin.get('/admin')).body);
    const steps = doc.querySelectorAll('.next-steps li');
    expect(steps.map((s) => s.getAttribute('data-step'))).toEqual(['enter-results', 'provisional-catalogue', 'oit-evidence']);
    const card = squash(doc.querySelector('a[href="/admin/oit/2570"]')?.textContent);
    expect(card).toContain('๒๕๗๐');
    expect(doc.querySelector('[data-flag="provisional"]')?.textContent).toContain('ฉบับชั่วคราว');
    // The agency chose Thai digits: no Arabic digit in the steps.
    expect(squash(doc.querySelector('.next-steps')?.textContent)).not.toMatch(/[0-9]/);
  });

  it('with FY2565 results: links them to the FY2566 plan and OIT, and asks for the plan', async () => {
    await t.services.results.saveResultsJson({ userId: null, label: 'test' }, agencyId, SEED);
    const doc = html((await admin.get('/admin')).body);
    const cycle = doc.querySelector('.cycle')!;
    expect(cycle.querySelector('a[href="/admin/plan/2565"]')?.textContent).toContain('๒๕๖๖');
    expect(cycle.querySelector('a[href="/admin/oit/2566"]')).not.toBeNull();
    const keys = doc.querySelectorAll('.next-steps li').map((s) => s.getAttribute('data-step'));
    expect(keys).toContain('draft-plan');
    expect(keys).not.toContain('enter-results');
    await admin.submit('/admin/plan/2565/draft', {});
    const after = html((await admin.get('/admin')).body).querySelectorAll('.next-steps li').map((s) => s.getAttribute('data-step'));
    expect(after[0]).toBe('download-measures');
    expect(after).not.toContain('draft-plan');
  });
});
