/**
 * One consistent archive of a deployment: the database (SQLite's online backup, or `pg_dump` in
 * its custom format) and the file store, with a manifest of SHA-256 checksums — and its inverse,
 * which restores only into an EMPTY database and data folder and verifies every checksum first.
 *
 * Why this order: the database is copied before the files. Files are written before the row that
 * points at them, so every row in the copy finds its file; at worst the archive carries a file
 * whose row came later (an orphan, swept at start), never a row without its file.
 *
 * The archive is a gzipped tar made by the system's `tar` (present on every Debian), so an
 * operator can also open it by hand: `tar -tzf backup.tar.gz`.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import type { Config } from '../config/index.js';

export const BACKUP_FORMAT = 'prongsai-backup/1';

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  version: string;
  createdAt: string;
  dialect: 'sqlite' | 'postgres';
  migrations: string[];
  database: { path: string; sha256: string; bytes: number };
  files: { path: string; sha256: string; bytes: number }[];
}

export interface BackupTarget {
  database: Config['database'];
  dataDir: string;
  /** PostgreSQL schema to dump (isolated test schemas); the whole database when absent. */
  pgSchema?: string;
}

export class BackupError extends Error {}

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function run(command: string, args: string[], what: string): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    // A backup is deployment-wide work: under row-level security (docs/adr/0008) the pg tools
    // see every agency's rows only in the deployment scope, given as a session setting.
    const env = { ...process.env, PGOPTIONS: `${process.env.PGOPTIONS ?? ''} -c app.scope=deployment:backup`.trim() };
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'], env });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()).length > 4000 && (stderr = stderr.slice(-4000)));
    child.on('error', (error) => reject(new BackupError(`${what}: เรียกใช้ ${command} ไม่ได้ (${error.message})`)));
    child.on('close', (code) => (code === 0 ? resolvePromise() : reject(new BackupError(`${what} ไม่สำเร็จ (${command} exit ${code}): ${redactUrls(stderr.trim())}`))));
  });
}

// pg tools echo the connection string in some errors; it can hold a password.
const redactUrls = (text: string) => text.replace(/postgres(ql)?:\/\/\S+/g, 'postgres://…');

async function walkFiles(dir: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const out: string[] = [];
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await walkFiles(path)));
    else if (entry.isFile()) out.push(path);
  }
  return out.sort();
}

/** Writes `out` (a .tar.gz) atomically: a half-written archive never carries the final name. */
export async function createBackup(target: BackupTarget, opts: { out: string; version: string; migrations: string[] }): Promise<BackupManifest> {
  const out = resolve(opts.out);
  await mkdir(dirname(out), { recursive: true });
  const staging = await mkdtemp(join(dirname(out), '.prongsai-backup-'));
  try {
    let databasePath: string;
    if (target.database.kind === 'sqlite') {
      databasePath = 'database.sqlite';
      // The online backup API copies a consistent snapshot while the server keeps writing (WAL).
      const source = new SqliteDatabase(target.database.file, { readonly: true, fileMustExist: true });
      try {
        await source.backup(join(staging, databasePath));
      } finally {
        source.close();
      }
    } else {
      databasePath = 'database.pgdump';
      // --enable-row-security: the app's role is bound by the (forced) policies; with the scope above they show every row.
      const args = ['--format=custom', '--no-owner', '--no-privileges', '--enable-row-security', `--file=${join(staging, databasePath)}`];
      if (target.pgSchema) args.push(`--schema=${target.pgSchema}`);
      await run('pg_dump', [...args, `--dbname=${target.database.url}`], 'สำรองฐานข้อมูล PostgreSQL');
    }
    const filesRoot = join(target.dataDir, 'files');
    const files: BackupManifest['files'] = [];
    for (const file of await walkFiles(filesRoot)) {
      const rel = relative(filesRoot, file);
      // Readiness probes and half-written uploads are not data.
      if (rel.split(sep).some((part) => part.startsWith('.'))) continue;
      const dest = join(staging, 'files', rel);
      await mkdir(dirname(dest), { recursive: true });
      await copyFile(file, dest);
      files.push({ path: rel.split(sep).join('/'), sha256: await sha256File(dest), bytes: (await stat(dest)).size });
    }
    const dbFile = join(staging, databasePath);
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      version: opts.version,
      createdAt: new Date().toISOString(),
      dialect: target.database.kind,
      migrations: opts.migrations,
      database: { path: databasePath, sha256: await sha256File(dbFile), bytes: (await stat(dbFile)).size },
      files,
    };
    await writeFile(join(staging, 'manifest.json'), JSON.stringify(manifest, null, 2));
    const partial = `${out}.partial`;
    await run('tar', ['-czf', partial, '-C', staging, '.'], 'เขียนไฟล์สำรอง');
    await rename(partial, out);
    return manifest;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/** Reads and checks an archive into a temporary folder; the caller removes `dir`. */
export async function unpackBackup(archive: string, workDir: string): Promise<{ dir: string; manifest: BackupManifest }> {
  const dir = await mkdtemp(join(workDir, '.prongsai-restore-'));
  await run('tar', ['-xzf', resolve(archive), '-C', dir, '--no-same-owner', '--no-same-permissions'], 'อ่านไฟล์สำรอง');
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as BackupManifest;
  } catch {
    throw new BackupError('ไฟล์สำรองไม่มี manifest.json ที่อ่านได้ — อาจไม่ใช่ไฟล์สำรองของโปร่งใส');
  }
  if (manifest.format !== BACKUP_FORMAT) throw new BackupError(`รูปแบบไฟล์สำรองไม่รองรับ: ${String(manifest.format)}`);
  const safe = (p: string) => !p.startsWith('/') && !p.split('/').includes('..') && p.length > 0;
  const listed = new Set<string>();
  for (const entry of [manifest.database, ...manifest.files.map((f) => ({ ...f, path: `files/${f.path}` }))]) {
    if (!safe(entry.path)) throw new BackupError(`ชื่อไฟล์ในไฟล์สำรองไม่ปลอดภัย: ${entry.path}`);
    const path = join(dir, entry.path);
    let actual: string;
    try {
      actual = await sha256File(path);
    } catch {
      throw new BackupError(`ไฟล์สำรองไม่ครบ: ไม่พบ ${entry.path}`);
    }
    if (actual !== entry.sha256) throw new BackupError(`ค่าตรวจสอบ (SHA-256) ไม่ตรง: ${entry.path} — ไฟล์สำรองอาจเสียหาย`);
    listed.add(entry.path);
  }
  for (const file of await walkFiles(dir)) {
    const rel = relative(dir, file).split(sep).join('/');
    if (rel !== 'manifest.json' && !listed.has(rel)) throw new BackupError(`ไฟล์สำรองมีไฟล์ที่ไม่อยู่ในรายการ: ${rel}`);
  }
  return { dir, manifest };
}

async function postgresIsEmpty(url: string, schema: string | undefined): Promise<boolean> {
  const { default: pg } = await import('pg'); // only for PostgreSQL deployments
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(
      schema
        ? `select count(*)::int as n from information_schema.tables where table_schema = $1`
        : `select count(*)::int as n from information_schema.tables where table_schema not in ('pg_catalog', 'information_schema')`,
      schema ? [schema] : [],
    );
    return rows[0].n === 0;
  } finally {
    await client.end();
  }
}

async function sqliteIsEmpty(file: string): Promise<boolean> {
  try {
    await stat(file);
  } catch {
    return true;
  }
  const db = new SqliteDatabase(file, { readonly: true });
  try {
    return (db.prepare(`select count(*) as n from sqlite_master where type = 'table'`).get() as { n: number }).n === 0;
  } finally {
    db.close();
  }
}

/**
 * Restores an archive into an empty database and data folder, then checks every restored file
 * against the manifest again. Refuses anything that would overwrite data.
 */
export async function restoreBackup(archive: string, target: BackupTarget): Promise<BackupManifest> {
  await mkdir(target.dataDir, { recursive: true });
  const filesRoot = join(target.dataDir, 'files');
  if ((await walkFiles(filesRoot)).length > 0) throw new BackupError(`โฟลเดอร์ข้อมูลไม่ว่าง (${filesRoot}): กู้คืนได้เฉพาะที่ว่างเท่านั้น`);
  const empty =
    target.database.kind === 'sqlite' ? await sqliteIsEmpty(target.database.file) : await postgresIsEmpty(target.database.url, target.pgSchema);
  if (!empty) throw new BackupError('ฐานข้อมูลปลายทางมีข้อมูลอยู่แล้ว: กู้คืนได้เฉพาะฐานข้อมูลว่างเท่านั้น');

  const { dir, manifest } = await unpackBackup(archive, target.dataDir);
  try {
    if (manifest.dialect !== target.database.kind) {
      throw new BackupError(`ไฟล์สำรองนี้มาจาก ${manifest.dialect} แต่ปลายทางเป็น ${target.database.kind}: กู้คืนข้ามชนิดฐานข้อมูลไม่ได้`);
    }
    if (target.database.kind === 'sqlite') {
      await mkdir(dirname(target.database.file), { recursive: true });
      await rm(target.database.file, { force: true });
      await copyFile(join(dir, manifest.database.path), target.database.file);
    } else {
      await run(
        'pg_restore',
        ['--no-owner', '--no-privileges', '--enable-row-security', '--exit-on-error', '--single-transaction', `--dbname=${target.database.url}`, join(dir, manifest.database.path)],
        'กู้คืนฐานข้อมูล PostgreSQL',
      );
    }
    for (const file of manifest.files) {
      const dest = join(filesRoot, ...file.path.split('/'));
      await mkdir(dirname(dest), { recursive: true });
      await copyFile(join(dir, 'files', ...file.path.split('/')), dest);
      if ((await sha256File(dest)) !== file.sha256) throw new BackupError(`คัดลอกไฟล์ไม่ถูกต้อง: ${file.path}`);
    }
    return manifest;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Keeps the newest `keep` archives named `prefix…tar.gz` in `dir`; returns what it removed. */
export async function pruneBackups(dir: string, prefix: string, keep: number): Promise<string[]> {
  const names = (await readdir(dir)).filter((n) => n.startsWith(prefix) && n.endsWith('.tar.gz')).sort();
  const remove = names.slice(0, Math.max(0, names.length - keep));
  for (const name of remove) await rm(join(dir, name), { force: true });
  return remove;
}

/** A sortable, filesystem-safe time stamp for archive names. */
export const stampNow = (now = new Date()) => now.toISOString().replace(/[:.]/g, '-');
