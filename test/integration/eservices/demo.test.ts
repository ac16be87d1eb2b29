/** The demo agency shows e-services populated: two services on, requests in mixed states, survey answers. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../support/database.js';
import { buildTestApp, type TestApp } from '../../support/app.js';
import { seedDemo } from '../../../src/demo.js';
import { moduleManifests } from '../../../src/app.js';
import { fiscalYearOf } from '../../../src/shared/fiscal.js';
import { systemClock, todayInThailand } from '../../../src/shared/clock.js';

describe.each(DIALECTS)('demo e-services on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(async () => t.close());

  it('has two services switched on, the complaint channel, requests in every state and answers for three services', async () => {
    const outcome = await seedDemo(t.services, moduleManifests(t.services, { config: t.config, clock: t.clock, db: t.database.db, dialect }));
    if (!outcome.created) throw new Error('demo not created');
    const services = await t.services.eservices.publicServices(outcome.agencyId);
    expect(services.filter((s) => s.category === 'service').map((s) => s.nameTh).sort()).toEqual(['คำร้องทั่วไป', 'แจ้งซ่อมไฟฟ้าสาธารณะ'].sort());
    expect(services.some((s) => s.category === 'complaint')).toBe(true);
    const list = await t.app.inject({ method: 'GET', url: '/a/demo/api/services' });
    expect((list.json() as unknown[]).length).toBe(3);
    const admin = (await t.services.users.listUsers(outcome.agencyId)).find((u) => u.username === outcome.username)!;
    const states = new Set((await t.services.eservices.queue(admin, outcome.agencyId, { states: ['received', 'in_progress', 'waiting_citizen', 'done', 'rejected'] })).map((r) => r.state));
    expect([...states].sort()).toEqual(['done', 'in_progress', 'received', 'rejected', 'waiting_citizen']);
    const stats = await t.services.eserviceReports.stats(outcome.agencyId, fiscalYearOf(todayInThailand(systemClock)), 12);
    expect(stats.total).toBe(9);
    expect(stats.satisfaction.services).toBe(3);
    const form = (await t.services.surveys.findForm(outcome.agencyId, 'eservice-satisfaction'))!;
    const results = await t.services.surveys.results(outcome.agencyId, form.id, { groupBy: 'service' });
    expect(results.groups.length).toBeGreaterThanOrEqual(3);
  });
});
