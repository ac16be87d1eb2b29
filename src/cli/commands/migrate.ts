/**
 * `npm run cli -- migrate`: brings the configured database to the latest schema, with a backup
 * first when it already holds data (as `npm start` does). `migrate --status [--json]` only shows
 * the version and which migrations are applied and pending.
 */
import type { CliCommand } from '../main.js';
import { parseArgs } from '../args.js';
import { loadConfig } from '../../config/index.js';
import { migrationStatus, openDatabase } from '../../db/index.js';
import { upgradeDatabase } from '../../ops/upgrade.js';
import { APP_VERSION } from '../../app.js';

export const run: CliCommand = async (args, io) => {
  const { flags } = parseArgs(args);
  const config = loadConfig();
  const database = openDatabase(config.database);
  try {
    if (flags.status) {
      const status = await migrationStatus(database.db);
      if (flags.json) io.out(JSON.stringify({ version: APP_VERSION, dialect: database.dialect, ...status }));
      else {
        io.out(`โปร่งใส รุ่น ${APP_VERSION} — ฐานข้อมูล ${database.dialect}`);
        io.out(`ปรับแล้ว ${status.applied.length} ขั้น, ค้างอยู่ ${status.pending.length} ขั้น`);
        for (const name of status.pending) io.out(`  ค้าง: ${name}`);
      }
      return 0;
    }
    const result = await upgradeDatabase(database.db, config, { version: APP_VERSION, log: (m) => io.err(m) });
    io.err(
      result.applied.length === 0
        ? `ฐานข้อมูล (${database.dialect}) เป็นปัจจุบันแล้ว`
        : `ฐานข้อมูล (${database.dialect}) ปรับแล้ว ${result.applied.length} ขั้น${result.backup ? ` — สำรองไว้ที่ ${result.backup}` : ''}`,
    );
    return 0;
  } finally {
    await database.close();
  }
};
