/**
 * A change that fails half-way keeps nothing — rows nor files — so the 500 page's "nothing was
 * saved" is true. A fault plugin on the real database makes one statement in the middle of a
 * multi-step write fail: an evidence upload (entry → stored file → version row → item → audit)
 * and an executive saved with a photo (stored file → the agencies module's executive row → item →
 * audit).
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../support/database.js';
import { buildTestApp, setUpAgency, type TestApp, type TestClient } from '../../support/app.js';
import { faultPlugin, InjectedFault } from '../../support/faults.js';
import type { User } from '../../../src/modules/users/index.js';
import { png, textPdf } from './fixtures.js';

const Y = 2565;
const TABLES = ['oit_items', 'oit_evidence', 'oit_evidence_versions', 'stored_files', 'agency_executives', 'audit_log'] as const;

describe.each(DIALECTS)('OIT writes are all or nothing on %s', (dialect) => {
  let t: TestApp;
  let admin: TestClient;
  let user: User;
  const faults = faultPlugin();

  beforeAll(async () => {
    t = await buildTestApp(dialect, { wrapDb: (db) => db.withPlugin(faults.plugin) });
    admin = await setUpAgency(t);
    const agency = (await t.services.agencies.findBySlug('test-town'))!;
    user = (await t.services.users.listUsers(agency.id)).find((u) => u.username === 'admin')!;
  });
  afterAll(() => t.close());

  async function snapshot() {
    const counts: Record<string, number> = {};
    for (const table of TABLES) {
      const r = await t.database.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
      counts[table] = Number(r.n);
    }
    const root = join(t.config.dataDir, 'files');
    const files = existsSync(root) ? readdirSync(root, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).length : 0;
    const executives = await t.database.db.selectFrom('agency_executives').select(['id', 'name_th', 'photo_file_id']).orderBy('id').execute();
    return { counts, files, executives };
  }

  it('an evidence upload whose version row fails keeps no entry, no stored file, no bytes, no audit entry', async () => {
    const before = await snapshot();
    const fired = faults.fired;
    faults.failNext('insert', 'oit_evidence_versions');
    const staged = await t.services.files.stage(user.agencyId, await textPdf(['รายงานผลการดำเนินงาน ปีงบประมาณ พ.ศ. 2565']), 'รายงาน.pdf');
    await expect(t.services.oit.addFileEvidence(user, Y, 'O3', { title: 'อำนาจหน้าที่' }, staged)).rejects.toBeInstanceOf(InjectedFault);
    expect(faults.fired).toBe(fired + 1);
    expect(await snapshot()).toEqual(before);
    // The same upload without the fault goes through: the test breaks a write that really happens.
    const again = await t.services.files.stage(user.agencyId, await textPdf(['อำนาจหน้าที่']), 'อำนาจหน้าที่.pdf');
    await t.services.oit.addFileEvidence(user, Y, 'O3', { title: 'อำนาจหน้าที่' }, again);
    const after = await snapshot();
    expect(after.counts['oit_evidence_versions']).toBe(before.counts['oit_evidence_versions']! + 1);
    expect(after.files).toBe(before.files + 1);
  });

  it('a new executive with a photo whose item update fails keeps no executive, no photo, no audit entry', async () => {
    const before = await snapshot();
    const fired = faults.fired;
    // The item's row is updated last, after the photo and the executive row were written.
    faults.failNext('update', 'oit_items');
    const photo = await t.services.files.stage(user.agencyId, png(), 'นายก.png');
    const input = { kind: 'political', nameTh: 'นายสมชาย ใจดี', positionTh: 'นายกเทศมนตรี', phone: '', email: '', sortOrder: '0' };
    await expect(t.services.oit.saveExecutive(user, Y, 'O2', null, input, photo)).rejects.toBeInstanceOf(InjectedFault);
    expect(faults.fired).toBe(fired + 1);
    expect(await snapshot()).toEqual(before);
  });

  it('changing an executive and photo, failing at the audit entry, leaves the executive and photo as they were', async () => {
    const photo = await t.services.files.stage(user.agencyId, png(), 'เดิม.png');
    const input = { kind: 'permanent', nameTh: 'นางสุดา มั่นคง', positionTh: 'ปลัดเทศบาล', phone: '', email: 'palad@example.go.th', sortOrder: '1' };
    await t.services.oit.saveExecutive(user, Y, 'O2', null, input, photo);
    const before = await snapshot();
    const exec = before.executives.find((e) => e.name_th === 'นางสุดา มั่นคง')!;
    expect(exec.photo_file_id).not.toBeNull();
    faults.failNext('insert', 'audit_log');
    const fired = faults.fired;
    const newPhoto = await t.services.files.stage(user.agencyId, png(16, 16), 'ใหม่.png');
    await expect(t.services.oit.saveExecutive(user, Y, 'O2', exec.id, { ...input, nameTh: 'นางสุดา เปลี่ยนชื่อ' }, newPhoto)).rejects.toBeInstanceOf(InjectedFault);
    expect(faults.fired).toBe(fired + 1);
    expect(await snapshot()).toEqual(before);
  });

  it('through the page: the 500 page says nothing was saved, and nothing was', async () => {
    await admin.get(`/admin/oit/${Y}/O2`);
    const before = await snapshot();
    faults.failNext('update', 'oit_items');
    const res = await admin.upload(`/admin/oit/${Y}/O2/executives`, { 'exec.new.kind': 'political', 'exec.new.nameTh': 'นายใหม่ ทดสอบ', 'exec.new.positionTh': 'รองนายกเทศมนตรี' }, [
      { field: 'exec.new.photo', filename: 'รอง.png', content: png() },
    ]);
    expect(res.statusCode).toBe(500);
    expect(res.body).toContain('ยังไม่ได้บันทึกข้อมูลใด ๆ');
    expect(res.body).not.toContain('injected failure');
    expect(await snapshot()).toEqual(before);
  });
});
