/**
 * The retention purge scheduled inside the app, on both databases: the daily job (run by two
 * instances at once, on connections that have no scope outside a request as in production)
 * purges exactly the requests the CLI's `eservice purge` would — every agency's closed requests
 * past their service's retention, each once — and leaves the CLI nothing; its variable turns it
 * off. On PostgreSQL, the same call without the job's deployment scope is shown nothing by
 * row-level security.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../support/database.js';
import { buildTestApp, setUpAgency, type TestApp } from '../../support/app.js';
import { createServices, type Services } from '../../../src/app.js';
import { openDatabase, type Db } from '../../../src/db/index.js';
import { SYSTEM_ACTOR, actorOf } from '../../../src/platform/audit.js';
import { loadConfig, ConfigError } from '../../../src/config/index.js';
import { runEservice } from '../../../src/cli/commands/eservice.js';
import { startEservicePurgeScheduler } from '../../../src/modules/eservices/index.js';
import type { User } from '../../../src/modules/users/domain/user.js';
import { png } from '../oit/fixtures.js';
import { movableClock, otherAgency } from './support.js';

const clock = movableClock('2022-01-10T03:00:00Z');

/** Runs one scheduled purge (first tick at once) and resolves with what it purged. */
function scheduledRun(s: Services): Promise<number> {
  return new Promise((resolve, reject) => {
    const job = startEservicePurgeScheduler(s.eserviceReports, {
      intervalHours: 24,
      firstAfterMs: 0,
      onRun: (n) => (job.stop(), resolve(n)),
      onError: (e) => (job.stop(), reject(e instanceof Error ? e : new Error(String(e)))),
    });
  });
}

describe.each(DIALECTS)('scheduled e-service purge on %s', (dialect) => {
  let t: TestApp;
  let second: Db;
  let third: Db;
  let a: Services;
  let b: Services;
  let c: Services;
  const expired: string[] = [];
  const kept: string[] = [];

  async function requestIn(agencyId: string, staff: User, service: string, opts: { closeOn: string | null; photo?: boolean }): Promise<string> {
    clock.set('2022-01-03T03:00:00Z');
    const files = opts.photo ? { photo: await t.services.files.stage(agencyId, png(), 'photo.png') } : undefined;
    const { id } = await t.services.eservices.submitRequest(agencyId, service, {
      channel: 'online',
      fields: { location: 'บ้านนาง ข ซอย 3', problem: 'ไฟดับ' },
      contact: { phone: '0899999999', email: 'b@example.com' },
      ...(files ? { files } : {}),
    });
    if (opts.closeOn) {
      clock.set(`${opts.closeOn}T03:00:00Z`);
      await t.services.eservices.changeState(staff, actorOf(staff), agencyId, id, 'done', '');
    }
    return id;
  }

  beforeAll(async () => {
    clock.set('2022-01-03T03:00:00Z');
    t = await buildTestApp(dialect, { clock });
    await setUpAgency(t);
    const town = (await t.services.agencies.findBySlug('test-town'))!;
    const other = await otherAgency(t);
    const pw = 'purge-coordinator-pw';
    await t.services.users.createUser(SYSTEM_ACTOR, other.id, { username: 'coord-other', displayName: 'ผู้ประสานงาน', email: null, password: pw, passwordConfirm: pw, roles: ['coordinator'], unitId: null });
    for (const agencyId of [town.id, other.id]) {
      const staff = (await t.services.users.listUsers(agencyId))[0]!;
      const light = (await t.services.eservices.enableTemplate(actorOf(staff), agencyId, 'street-light-repair')).id; // retention 180 days
      expired.push(await requestIn(agencyId, staff, light, { closeOn: '2022-01-10', photo: true }));
      kept.push(await requestIn(agencyId, staff, light, { closeOn: '2022-06-01' })); // retention not over on 2022-07-20
      kept.push(await requestIn(agencyId, staff, light, { closeOn: null })); // still open
    }
    clock.set('2022-07-20T03:00:00Z');
    a = t.services;
    // A second instance, and both on connections without a scope outside requests (production's).
    second = openDatabase(t.database.configDatabase, t.database.pgSchema ? { schema: t.database.pgSchema, max: 4 } : {});
    b = createServices({ db: second.db, clock, config: t.config });
    third = openDatabase(t.database.configDatabase, t.database.pgSchema ? { schema: t.database.pgSchema, max: 4 } : {});
    c = createServices({ db: third.db, clock, config: t.config });
  });
  afterAll(async () => {
    await second?.close();
    await third?.close();
    await t?.close();
  });

  const state = async (ids: string[]) =>
    (await t.database.db.selectFrom('eservice_requests').select(['id', 'fields', 'contact_phone', 'contact_email', 'anonymised_at']).where('id', 'in', ids).execute()).map((r) => ({
      purged: r.anonymised_at !== null && r.fields === '{}' && r.contact_phone === null && r.contact_email === null,
    }));

  if (dialect === 'postgres') {
    it('finds nothing to purge without the deployment scope (row-level security)', async () => {
      expect(await b.eserviceReports.anonymiseExpired(null)).toBe(0);
      expect((await state(expired)).every((r) => !r.purged)).toBe(true);
    });
  }

  it('purges, from two instances at once, exactly what the CLI would — each request once — and leaves the CLI nothing', async () => {
    const runs = await Promise.all([scheduledRun(b), scheduledRun(c)]);
    expect(runs[0] + runs[1]).toBe(expired.length);
    expect((await state(expired)).every((r) => r.purged)).toBe(true);
    expect((await state(kept)).some((r) => r.purged)).toBe(false);
    const audit = await t.database.db.selectFrom('audit_log').select('entity_id').where('action', '=', 'eservice.request.anonymise').execute();
    expect(audit.map((r) => r.entity_id).sort()).toEqual([...expired].sort());
    expect(await t.database.db.selectFrom('eservice_request_files').select('id').where('request_id', 'in', expired).execute()).toEqual([]);
    // The CLI runs the same job over the deployment: nothing is left for it.
    const out: string[] = [];
    expect(await runEservice(['purge'], { out: (s) => out.push(s), err: (s) => out.push(s) }, a)).toBe(0);
    expect(out.join('')).toContain('แล้ว 0 เรื่อง');
    // Once the next request's retention is over, the scheduled run takes it, as the CLI would.
    clock.set('2022-12-01T03:00:00Z');
    expect(await scheduledRun(b)).toBe(2);
  });

  it('is configured by ESERVICE_PURGE_INTERVAL_HOURS: daily by default, 0 turns it off, a bad value stops start-up naming it', async () => {
    expect(loadConfig({}).eservices?.purgeIntervalHours).toBe(24);
    expect(loadConfig({ ESERVICE_PURGE_INTERVAL_HOURS: '0' }).eservices?.purgeIntervalHours).toBe(0);
    expect(() => loadConfig({ ESERVICE_PURGE_INTERVAL_HOURS: 'daily' })).toThrow(ConfigError);
    expect(() => loadConfig({ ESERVICE_PURGE_INTERVAL_HOURS: 'daily' })).toThrow(/ESERVICE_PURGE_INTERVAL_HOURS/);
    let ran = false;
    const off = startEservicePurgeScheduler(a.eserviceReports, { intervalHours: 0, firstAfterMs: 0, onRun: () => (ran = true) });
    await new Promise((r) => setTimeout(r, 50));
    off.stop();
    expect(ran).toBe(false);
  });
});
