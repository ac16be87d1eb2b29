/** `npm run cli -- migrate`: brings the configured database to the latest schema. */
import type { CliCommand } from '../main.js';
import { withDatabase } from '../open-db.js';

export const run: CliCommand = async (_args, io) => {
  await withDatabase(async (db, config) => {
    io.err(`ฐานข้อมูล (${db.dialect}) เป็นปัจจุบันแล้ว: ${config.database.kind === 'sqlite' ? config.database.file : 'PostgreSQL'}`);
  });
  return 0;
};
