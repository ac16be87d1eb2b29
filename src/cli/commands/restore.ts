/**
 * `npm run cli -- restore FILE.tar.gz`: restores an archive into the configured database and
 * DATA_DIR, both of which must be empty; every checksum is verified before and after.
 */
import type { CliCommand } from '../main.js';
import { parseArgs } from '../args.js';
import { loadConfig } from '../../config/index.js';
import { BackupError, restoreBackup } from '../../ops/backup.js';

export const run: CliCommand = async (args, io) => {
  const { positional } = parseArgs(args);
  const archive = positional[0];
  if (!archive) {
    io.err('ต้องระบุไฟล์สำรอง: npm run cli -- restore FILE.tar.gz');
    return 2;
  }
  const config = loadConfig();
  try {
    const manifest = await restoreBackup(archive, { database: config.database, dataDir: config.dataDir });
    io.out(JSON.stringify({ restored: archive, version: manifest.version, createdAt: manifest.createdAt, files: manifest.files.length }));
    io.err(`กู้คืนแล้ว: ข้อมูลจากรุ่น ${manifest.version} เมื่อ ${manifest.createdAt} (ไฟล์ ${manifest.files.length} ไฟล์ ตรวจค่า SHA-256 ครบ) — เริ่มระบบด้วย npm start เพื่อปรับโครงสร้างฐานข้อมูลหากจำเป็น`);
    return 0;
  } catch (error) {
    if (error instanceof BackupError) {
      io.err(`กู้คืนไม่สำเร็จ: ${error.message}`);
      return 1;
    }
    throw error;
  }
};
