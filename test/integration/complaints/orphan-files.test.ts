/**
 * Issue 7, finding 9, for the complaint channel's own encrypted store (DATA_DIR/complaints): a
 * kill between writing a submission's files and committing its rows leaves ciphertext with no
 * row. The sweep (at start, then hourly, in the deployment scope) removes those once they are an
 * hour old, and never a file with a row (working copy or kept original), one being written, or a
 * name this store never makes.
 */
import { existsSync, readdirSync, utimesSync, writeFileSync, mkdirSync } from 'node:fs';
import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../support/database.js';
import { buildTestApp, setUpAgency, type TestApp } from '../../support/app.js';
import { photoWithGps } from '../../support/gps-photo.js';
import { startComplaintOrphanSweeper } from '../../../src/modules/complaints/index.js';
import { movableClock, openChannel } from './support.js';

const twoHoursAgo = () => new Date(Date.now() - 2 * 3600_000);
const age = (path: string) => utimesSync(path, twoHoursAgo(), twoHoursAgo());

describe.each(DIALECTS)('orphan complaint files (%s)', (dialect) => {
  let t: TestApp;
  const clock = movableClock();
  let agencyId: string;
  let dir: string;
  beforeAll(async () => {
    t = await buildTestApp(dialect, { clock });
    await setUpAgency(t);
    const agency = (await t.services.agencies.findBySlug('test-town'))!;
    agencyId = agency.id;
    dir = join(t.config.dataDir, 'complaints', agencyId);
    await openChannel(t, clock, agencyId);
    // A stored report with a photo whose original is kept: two recorded files.
    await t.services.complaints.channel.submit(agency, { category: 'bribery', description: 'รับเงินใต้โต๊ะที่ห้องทะเบียน', involvesExecutive: false }, { files: [{ name: 'p.jpg', bytes: photoWithGps() }], keepOriginals: true });
  });
  afterAll(async () => t.close());

  it('removes old files without a row; keeps recorded, recent and foreign ones', async () => {
    const recorded = readdirSync(dir);
    expect(recorded).toHaveLength(2);
    for (const n of recorded) age(join(dir, n));
    const orphan = join(dir, randomUUID());
    writeFileSync(orphan, randomBytes(200));
    age(orphan);
    const halfWritten = join(dir, `${randomUUID()}.tmp`);
    writeFileSync(halfWritten, randomBytes(50));
    age(halfWritten);
    const fresh = join(dir, randomUUID());
    writeFileSync(fresh, randomBytes(200));
    const foreign = join(dir, 'README.txt');
    writeFileSync(foreign, 'not a complaint file');
    age(foreign);
    const elsewhereDir = join(t.config.dataDir, 'complaints', randomUUID());
    mkdirSync(elsewhereDir);
    const elsewhere = join(elsewhereDir, randomUUID());
    writeFileSync(elsewhere, randomBytes(10));
    age(elsewhere);

    const logged: object[] = [];
    const sweeper = startComplaintOrphanSweeper(t.services.complaints, { info: (o) => logged.push(o), warn: (o) => logged.push({ warn: o }) });
    await sweeper.first;
    sweeper.stop();

    expect(logged).toEqual([{ removed: 3, kept: 2 }]);
    for (const gone of [orphan, halfWritten, elsewhere]) expect(existsSync(gone)).toBe(false);
    for (const stays of [fresh, foreign, ...recorded.map((n) => join(dir, n))]) expect(existsSync(stays)).toBe(true);
    // A second run finds nothing more to remove.
    expect(await t.services.complaints.sweepOrphans()).toEqual({ removed: 0, kept: 2 });
  });
});
