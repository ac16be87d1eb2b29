/**
 * Process entry: configuration → database → migrations → app → listen, with a graceful close.
 * On an empty database it prints a one-time setup link instead of creating a default password.
 */
import { loadConfig, ConfigError } from './config/index.js';
import { openDatabase } from './db/index.js';
import { APP_VERSION, buildApp, createServices } from './app.js';
import { upgradeDatabase } from './ops/upgrade.js';
import { scheduleBackups } from './ops/scheduled-backup.js';
import { systemClock } from './shared/clock.js';
import { loadShippedCatalogues } from './modules/catalogue/index.js';
import { startReminderScheduler } from './modules/calendar/index.js';
import { startOitWatchScheduler } from './modules/oit-watch/index.js';
import { startPendingImportSweeper } from './modules/procurement/index.js';
import { inProcessFetch } from './platform/in-process-fetch.js';
import { startOrphanSweeper } from './platform/file-store.js';
import { startComplaintOrphanSweeper } from './modules/complaints/index.js';
import { startCitizenNoticeScheduler, startEservicePurgeScheduler } from './modules/eservices/index.js';

async function main(): Promise<void> {
  const config = loadConfig();
  // Fail fast on a broken catalogue file rather than scoring with it later.
  loadShippedCatalogues();
  const database = openDatabase(config.database);
  // Backs up a database that needs migrations, then migrates all or nothing.
  await upgradeDatabase(database.db, config, { version: APP_VERSION, log: (m) => process.stdout.write(`  ${m}\n`) });
  const app = await buildApp({ config, db: database.db, dialect: database.dialect, ...(database.poolStats ? { poolStats: database.poolStats } : {}) });

  const { users, calendar, oitWatch, files, eserviceReports, eserviceNotices, complaints, procurement } = createServices({ db: database.db, clock: systemClock, config });
  // Work outside a request has no tenant, so it sees no agency's rows unless it names a scope:
  // the schedulers, the orphan sweeper and users.countUsers do (docs/adr/0008).
  await app.listen({ port: config.port, host: config.host });
  // Upload files a crash left without their row (issue 7): swept at start and hourly.
  const sweeper = startOrphanSweeper(files, app.log);
  // The same for the complaint channel's encrypted files (DATA_DIR/complaints), which have their own store.
  const complaintSweeper = startComplaintOrphanSweeper(complaints, app.log);
  const backups = scheduleBackups(database.db, config, { version: APP_VERSION, log: app.log });
  // Reminders of the calendar: safe to run in every instance (each reminder is claimed once in the database).
  const scheduler = startReminderScheduler(calendar, { intervalMinutes: config.reminders?.intervalMinutes ?? 60, onError: (e) => app.log.error(e, 'reminder run failed') });
  // The watch on the public OIT pages (default daily): each run is claimed once across instances;
  // the built-in portal is read in process, agencies' own websites through the outbound fetch.
  const watch = startOitWatchScheduler(oitWatch, { intervalHours: config.oitWatch?.intervalHours ?? 24, ownSite: inProcessFetch(app), onError: (e) => app.log.error(e, 'OIT watch run failed') });
  // E-services: citizens' notices retried every minute (each claimed once across instances), and
  // the PDPA retention purge daily (each request purged once); both off with their variable at 0.
  const notices = startCitizenNoticeScheduler(eserviceNotices, { intervalSeconds: config.eservices?.noticeIntervalSeconds ?? 60, onError: (e) => app.log.error(e, 'e-service notice run failed') });
  const purge = startEservicePurgeScheduler(eserviceReports, {
    intervalHours: config.eservices?.purgeIntervalHours ?? 24,
    onRun: (n) => n > 0 && app.log.info({ purged: n }, 'e-service retention purge'),
    onError: (e) => app.log.error(e, 'e-service retention purge failed'),
  });
  // Procurement files whose column mapping nobody finished: removed 30 minutes after upload.
  const pendingSweep = startPendingImportSweeper(() => procurement.sweepPendingImports(), { onRun: (n) => n > 0 && app.log.info({ removed: n }, 'expired procurement uploads removed'), onError: (e) => app.log.error(e, 'procurement upload sweep failed') });
  const base = config.publicBaseUrl;
  if ((await users.countUsers()) === 0) {
    const token = await users.issueSetupToken();
    process.stdout.write(
      `\n  โปร่งใส (Prongsai) พร้อมใช้งานที่ ${base}\n` +
        `  ยังไม่มีผู้ดูแลระบบ — เปิด ${base}/setup แล้วกรอกรหัสตั้งค่าครั้งแรกนี้ (ใช้ได้ครั้งเดียว ภายใน 24 ชั่วโมง):\n\n` +
        `    ${token}\n\n` +
        `  First run: open ${base}/setup and type the one-time setup code above to create the agency and its administrator.\n\n`,
    );
  } else {
    process.stdout.write(`\n  โปร่งใส (Prongsai) พร้อมใช้งานที่ ${base}\n\n`);
  }

  const close = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    backups?.stop();
    sweeper.stop();
    complaintSweeper.stop();
    scheduler.stop();
    watch.stop();
    notices.stop();
    purge.stop();
    pendingSweep.stop();
    await eserviceNotices.settled();
    eserviceNotices.close();
    calendar.close();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void close('SIGINT'));
  process.once('SIGTERM', () => void close('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`เริ่มระบบไม่สำเร็จ: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  process.exit(1);
});
