/**
 * `npm run cli -- backup --out FILE.tar.gz`: one consistent archive of the configured database and
 * file store with a manifest of checksums (see src/ops/backup.ts).
 */
import type { CliCommand } from '../main.js';
import { parseArgs } from '../args.js';
import { loadConfig } from '../../config/index.js';
import { openDatabase, migrationStatus } from '../../db/index.js';
import { createBackup } from '../../ops/backup.js';
import { APP_VERSION } from '../../app.js';

export const run: CliCommand = async (args, io) => {
  const { flags } = parseArgs(args, ['out']);
  if (typeof flags.out !== 'string') {
    io.err('ต้องระบุ --out FILE.tar.gz (ไฟล์ที่จะเขียน)');
    return 2;
  }
  const config = loadConfig();
  const database = openDatabase(config.database);
  try {
    const { applied } = await migrationStatus(database.db);
    const manifest = await createBackup({ database: config.database, dataDir: config.dataDir }, { out: flags.out, version: APP_VERSION, migrations: applied });
    io.out(JSON.stringify({ out: flags.out, dialect: manifest.dialect, files: manifest.files.length, database: manifest.database }));
    io.err(`สำรองข้อมูลแล้ว: ${flags.out} (ฐานข้อมูล ${manifest.dialect}, ไฟล์ ${manifest.files.length} ไฟล์)`);
    return 0;
  } finally {
    await database.close();
  }
};
