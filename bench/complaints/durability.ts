/**
 * Durability: 1,000 concurrent submissions, SIGKILL of the server while they are in flight; then,
 * from the files on disk alone, every receipt the server returned must open a stored report whose
 * decrypted text is exactly what was sent. Prints the counts; exits 1 on any lost report.
 *   npx tsx bench/complaints/durability.ts [--n 1000] [--kill-after 0.4]
 */
import { rmSync } from 'node:fs';
import { prepareDataDir, startServer, submit } from './server.js';

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const N = arg('n', 1000);
const KILL_AFTER = arg('kill-after', 0.4);

const { dataDir, env } = prepareDataDir();
const { child, url } = await startServer(env);
const returned = new Map<string, string>();
let failed = 0;
let killedAt = -1;
const started = Date.now();
await Promise.all(
  Array.from({ length: N }, async (_, i) => {
    const text = `รายงานทดสอบความทนทานหมายเลข ${i} ${Math.random().toString(36).slice(2)}`;
    try {
      const res = await submit(url, text);
      if (res.status === 201) {
        returned.set(((await res.json()) as { receipt: string }).receipt, text);
        if (killedAt < 0 && returned.size >= N * KILL_AFTER) {
          killedAt = returned.size;
          child.kill('SIGKILL');
        }
      } else failed++;
    } catch {
      failed++;
    }
  }),
);
const elapsed = (Date.now() - started) / 1000;
await new Promise((r) => (child.exitCode !== null || child.signalCode ? r(null) : child.once('exit', r)));

// Verify from disk, in this process, with the server gone.
process.env.DATA_DIR = dataDir;
const { loadConfig } = await import('../../src/config/index.js');
const { openDatabase, migrateToLatest } = await import('../../src/db/index.js');
const { createServices } = await import('../../src/app.js');
const { systemClock } = await import('../../src/shared/clock.js');
const config = loadConfig({ ...env, DATA_DIR: dataDir });
const database = openDatabase(config.database);
await migrateToLatest(database.db);
const services = createServices({ db: database.db, clock: systemClock, config });
const agency = (await services.agencies.findBySlug('demo'))!;
let ok = 0;
const lost: string[] = [];
for (const [receipt, text] of returned) {
  try {
    if ((await services.complaints.channel.readWithReceipt(agency.id, receipt)) === text) ok++;
    else lost.push(receipt);
  } catch {
    lost.push(receipt);
  }
}
const stats = await services.complaints.publishedComplaintStatistics(agency.id, 2570, '12-month');
await database.close();
rmSync(dataDir, { recursive: true, force: true });

console.log(JSON.stringify({ submissions: N, receiptsReturned: returned.size, killedAfterReceipts: killedAt, requestsFailedOrCut: failed, receiptsVerified: ok, receiptsLost: lost.length, secondsUntilAllSettled: elapsed, storedThisYearAtLeast: stats.total }, null, 2));
process.exit(lost.length === 0 && ok === returned.size && returned.size > 0 ? 0 : 1);
