/**
 * Issue 7, finding 9: each SIGKILL during uploads left about one file in DATA_DIR with no row.
 * The sweep removes such files, and never one that has a row or may still be being written.
 */
import { readdirSync, utimesSync, writeFileSync, existsSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../support/database.js';
import { buildTestApp, setUpAgency, type TestApp, type TestClient } from '../../support/app.js';
import { startOrphanSweeper } from '../../../src/platform/file-store.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const twoHoursAgo = () => new Date(Date.now() - 2 * 3600_000);

describe.each(DIALECTS)('orphan upload files on %s', (dialect) => {
  let t: TestApp;
  let admin: TestClient;
  let agencyId: string;
  let dir: string;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    admin = await setUpAgency(t);
    agencyId = (await t.services.agencies.findBySlug('test-town'))!.id;
    dir = join(t.config.dataDir, 'files', agencyId);
  });
  afterAll(async () => t.close());

  it('removes old files without a row, keeps recorded, recent and foreign ones', async () => {
    // A recorded evidence file, made old: it has its row and stays.
    await admin.get('/admin/oit/2567/O1');
    const up = await admin.upload('/admin/oit/2567/O1/evidence/file', { 'file.title': 'แผน' }, [{ field: 'file.upload', filename: 'plan.pdf', content: PDF }]);
    expect(up.statusCode).toBe(303);
    const recorded = readdirSync(dir);
    expect(recorded).toHaveLength(1);
    for (const n of recorded) utimesSync(join(dir, n), twoHoursAgo(), twoHoursAgo());

    // What a crash between staging and the row's commit leaves: a staged file that was never recorded.
    const crashed = await t.services.files.stage(agencyId, PDF, 'crash.pdf');
    utimesSync(crashed.path, twoHoursAgo(), twoHoursAgo());
    // Another orphan in a second agency folder, and one being written right now (fresh mtime).
    const otherAgency = randomUUID();
    const elsewhere = join(t.config.dataDir, 'files', otherAgency);
    await t.services.files.stage(otherAgency, PDF, 'x.pdf').then((s) => utimesSync(s.path, twoHoursAgo(), twoHoursAgo()));
    const writing = await t.services.files.stage(agencyId, PDF, 'now.pdf');
    // A file whose name this store never makes is not its business.
    const foreign = join(dir, 'README.txt');
    writeFileSync(foreign, 'not an upload');
    utimesSync(foreign, twoHoursAgo(), twoHoursAgo());

    const result = await t.services.files.sweepOrphans();
    expect(result).toEqual({ removed: 2, kept: 1 });
    expect(existsSync(crashed.path)).toBe(false);
    expect(readdirSync(elsewhere)).toEqual([]);
    expect(existsSync(writing.path)).toBe(true);
    expect(existsSync(foreign)).toBe(true);
    for (const n of recorded) expect(existsSync(join(dir, n))).toBe(true);
    // The recorded file is still served.
    const page = await admin.get('/admin/oit/2567/O1');
    const href = /href="(\/admin\/oit\/files\/[^"]+)"/.exec(page.body)?.[1];
    expect(href).toBeDefined();
    expect((await admin.get(href!)).statusCode).toBe(200);
  });

  it('sweeps once when the server starts (the sweeper main.ts runs)', async () => {
    const crashed = await t.services.files.stage(agencyId, PDF, 'crash-2.pdf');
    utimesSync(crashed.path, twoHoursAgo(), twoHoursAgo());
    const logged: object[] = [];
    const sweeper = startOrphanSweeper(t.services.files, { info: (o) => void logged.push(o), warn: (o) => void logged.push(o) });
    await sweeper.first;
    sweeper.stop();
    expect(existsSync(crashed.path)).toBe(false);
    expect(logged).toEqual([{ removed: 1, kept: 1 }]);
  });
});
