/**
 * The file store: uploads are streamed to DATA_DIR/files/<agencyId>/<random> — outside every
 * served folder — while their SHA-256 and size are computed, and the size limit is enforced
 * while streaming, so memory stays bounded whatever the upload size. The type is detected from
 * the content (magic bytes, and the zip directory for DOCX/XLSX); the client's type and file
 * name are never trusted. Files are addressed by id only, so no request can name a path.
 *
 * Two steps, so a form that fails validation leaves nothing behind: `stage` writes the bytes
 * and detects the type; `record` inserts the `stored_files` row inside the caller's
 * transaction; `discard` removes a staged file that will not be recorded.
 */
import { withDeploymentScope } from '../db/tenant-scope.js';
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, readdir, readFile, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable, Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { PlatformTables } from './tables.js';
import type { Clock } from '../shared/clock.js';
import { DomainError } from '../shared/errors.js';
import type { Actor } from './audit.js';
import { checkField } from './input-guard.js';
import type { StoredFileRow } from './tables.js';

export type MediaKind = 'pdf' | 'docx' | 'xlsx' | 'png' | 'jpeg' | 'gif' | 'webp';

export const MEDIA: Record<MediaKind, { type: string; ext: readonly string[]; labelTh: string }> = {
  pdf: { type: 'application/pdf', ext: ['.pdf'], labelTh: 'PDF' },
  docx: { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', ext: ['.docx'], labelTh: 'Word (DOCX)' },
  xlsx: { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', ext: ['.xlsx'], labelTh: 'Excel (XLSX)' },
  png: { type: 'image/png', ext: ['.png'], labelTh: 'PNG' },
  jpeg: { type: 'image/jpeg', ext: ['.jpg', '.jpeg'], labelTh: 'JPEG' },
  gif: { type: 'image/gif', ext: ['.gif'], labelTh: 'GIF' },
  webp: { type: 'image/webp', ext: ['.webp'], labelTh: 'WEBP' },
};
export const DOCUMENT_KINDS: readonly MediaKind[] = ['pdf', 'docx', 'xlsx', 'png', 'jpeg', 'gif', 'webp'];
export const IMAGE_KINDS: readonly MediaKind[] = ['png', 'jpeg', 'gif', 'webp'];

export const mediaKindOf = (mediaType: string): MediaKind | undefined =>
  (Object.keys(MEDIA) as MediaKind[]).find((k) => MEDIA[k].type === mediaType);

/** Agency ids are UUIDs we made; anything else never reaches the file system. */
const SAFE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface StagedFile {
  readonly agencyId: string;
  readonly storageKey: string;
  readonly path: string;
  readonly sha256: string;
  readonly sizeBytes: number;
  readonly kind: MediaKind;
  readonly mediaType: string;
  readonly originalName: string;
}

export interface StoredFile {
  id: string;
  agencyId: string;
  sha256: string;
  sizeBytes: number;
  kind: MediaKind | undefined;
  mediaType: string;
  originalName: string;
  storageKey: string;
  createdAt: string;
}

export const toStoredFile = (r: StoredFileRow): StoredFile => ({
  id: r.id,
  agencyId: r.agency_id,
  sha256: r.sha256,
  sizeBytes: Number(r.size_bytes),
  kind: mediaKindOf(r.media_type),
  mediaType: r.media_type,
  originalName: r.original_name,
  storageKey: r.storage_key,
  createdAt: r.created_at,
});

const allowedLabel = (allow: readonly MediaKind[]): string => {
  const docs = allow.filter((k) => !IMAGE_KINDS.includes(k)).map((k) => MEDIA[k].labelTh);
  const images = allow.filter((k) => IMAGE_KINDS.includes(k)).map((k) => MEDIA[k].labelTh);
  return [...docs, ...(images.length ? [`รูปภาพ (${images.join(', ')})`] : [])].join(', ');
};

export const unsupportedType = (allow: readonly MediaKind[]) =>
  new DomainError('UNSUPPORTED_MEDIA', `ไม่รองรับชนิดไฟล์นี้ ระบบตรวจชนิดไฟล์จากเนื้อหาของไฟล์ และรับเฉพาะ ${allowedLabel(allow)}`);

export const tooLarge = (maxBytes: number) =>
  new DomainError('PAYLOAD_TOO_LARGE', `ไฟล์มีขนาดใหญ่เกินกำหนด (ไม่เกิน ${formatMegabytes(maxBytes)} เมกะไบต์) กรุณาลดขนาดไฟล์หรือแบ่งเป็นหลายไฟล์`);

function formatMegabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return mb >= 1 ? String(Math.round(mb * 10) / 10) : String(Math.round(mb * 1000) / 1000);
}

/** A file name safe to keep: no path, no control characters, at most 150 characters, right extension. */
export function cleanFileName(raw: string, kind: MediaKind): string {
  const base = raw.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  let name = base.normalize('NFC').replace(/[\u0000-\u001f\u007f"<>|:*?]/g, '').replace(/\s+/g, ' ').trim();
  if (name.startsWith('.')) name = name.replace(/^\.+/, '');
  if (name.length > 150) name = name.slice(0, 150);
  const lower = name.toLowerCase();
  if (!MEDIA[kind].ext.some((e) => lower.endsWith(e))) name = `${name || 'file'}${MEDIA[kind].ext[0]}`;
  return name;
}

// ----- content sniffing ------------------------------------------------------------------

/** Kind from the first bytes; 'zip' means "look inside" (DOCX and XLSX are zip packages). */
export function sniffHead(head: Uint8Array): MediaKind | 'zip' | undefined {
  const b = Buffer.from(head.buffer, head.byteOffset, head.byteLength);
  if (b.length >= 5 && b.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  if (b.length >= 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  if (b.length >= 6 && /^GIF8[79]a$/.test(b.subarray(0, 6).toString('latin1'))) return 'gif';
  if (b.length >= 12 && b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP') return 'webp';
  if (b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04) return 'zip';
  return undefined;
}

/** Office packages by the entries they must hold. */
export function officeKindFromEntries(names: readonly string[]): 'docx' | 'xlsx' | undefined {
  const set = new Set(names);
  if (!set.has('[Content_Types].xml')) return undefined;
  if (set.has('word/document.xml')) return 'docx';
  if (set.has('xl/workbook.xml')) return 'xlsx';
  return undefined;
}

/**
 * Entry names of a zip file, read from its central directory (the end of the file) with a
 * bounded buffer, so detecting DOCX/XLSX never loads the package into memory.
 */
export async function zipEntryNames(path: string, size: number): Promise<string[] | undefined> {
  const fh = await open(path, 'r');
  try {
    // End-of-central-directory: 22 bytes plus a comment of up to 64 KiB.
    const tailLength = Math.min(size, 22 + 0xffff);
    const tail = Buffer.alloc(tailLength);
    await fh.read(tail, 0, tailLength, size - tailLength);
    let eocd = -1;
    for (let i = tailLength - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === 0x06054b50) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) return undefined;
    const entries = tail.readUInt16LE(eocd + 10);
    const cdSize = tail.readUInt32LE(eocd + 12);
    const cdOffset = tail.readUInt32LE(eocd + 16);
    if (cdOffset + cdSize > size || cdSize > 16 * 1024 * 1024) return undefined;
    const cd = Buffer.alloc(cdSize);
    await fh.read(cd, 0, cdSize, cdOffset);
    const names: string[] = [];
    let p = 0;
    for (let n = 0; n < entries && p + 46 <= cd.length; n++) {
      if (cd.readUInt32LE(p) !== 0x02014b50) return undefined;
      const nameLength = cd.readUInt16LE(p + 28);
      const extraLength = cd.readUInt16LE(p + 30);
      const commentLength = cd.readUInt16LE(p + 32);
      names.push(cd.subarray(p + 46, p + 46 + nameLength).toString('utf8'));
      p += 46 + nameLength + extraLength + commentLength;
    }
    return names;
  } finally {
    await fh.close();
  }
}

// ----- streaming -------------------------------------------------------------------------

/** Hashes, counts and keeps the first bytes of a stream, failing as soon as it passes `maxBytes`. */
class Meter extends Transform {
  readonly hash = createHash('sha256');
  size = 0;
  head = Buffer.alloc(0);
  constructor(private readonly maxBytes: number) {
    super();
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.size += chunk.length;
    if (this.size > this.maxBytes) return done(tooLarge(this.maxBytes));
    if (this.head.length < 64) this.head = Buffer.concat([this.head, chunk.subarray(0, 64 - this.head.length)]);
    this.hash.update(chunk);
    done(null, chunk);
  }
}

export interface FileStoreDeps {
  db: Kysely<PlatformTables>;
  clock: Clock;
  config: { dataDir: string; maxUploadBytes: number };
}

export interface StageOptions {
  /** Kinds accepted here (default: documents and images). */
  allow?: readonly MediaKind[];
  /** Lower limit for this use (photos); never above the configured upload limit. */
  maxBytes?: number;
}

export function fileStore({ db, clock, config }: FileStoreDeps) {
  const root = join(config.dataDir, 'files');
  const pathOf = (storageKey: string) => {
    const [agency, name, ...rest] = storageKey.split('/');
    if (rest.length || !agency || !name || !SAFE_ID.test(agency) || !SAFE_ID.test(name)) throw new Error(`bad storage key ${storageKey}`);
    return join(root, agency, name);
  };

  async function stage(agencyId: string, source: Readable | Buffer, originalName: string, opts: StageOptions = {}): Promise<StagedFile> {
    if (!SAFE_ID.test(agencyId)) throw new Error('agency id is not a UUID');
    const allow = opts.allow ?? DOCUMENT_KINDS;
    const maxBytes = Math.min(opts.maxBytes ?? config.maxUploadBytes, config.maxUploadBytes);
    await mkdir(join(root, agencyId), { recursive: true });
    const storageKey = `${agencyId}/${randomUUID()}`;
    const path = pathOf(storageKey);
    const meter = new Meter(maxBytes);
    const input = Buffer.isBuffer(source) ? Readable.from([source]) : source;
    try {
      await pipeline(input, meter, createWriteStream(path, { flags: 'wx', mode: 0o640 }));
      // Busboy ends a file at its limit instead of failing it: a truncated stream is too large.
      if ((input as Readable & { truncated?: boolean }).truncated) throw tooLarge(maxBytes);
      if (meter.size === 0) throw new DomainError('VALIDATION', 'ไฟล์ว่างเปล่า กรุณาเลือกไฟล์ที่มีเนื้อหา');
      let kind = sniffHead(meter.head);
      if (kind === 'zip') kind = officeKindFromEntries((await zipEntryNames(path, meter.size)) ?? []);
      if (!kind || !allow.includes(kind)) throw unsupportedType(allow);
      return {
        agencyId,
        storageKey,
        path,
        sha256: meter.hash.digest('hex'),
        sizeBytes: meter.size,
        kind,
        mediaType: MEDIA[kind].type,
        originalName: cleanFileName(originalName, kind),
      };
    } catch (error) {
      // Drain what is left of the upload so the request can finish, then drop the partial file.
      if (!Buffer.isBuffer(source) && !source.readableEnded) source.resume();
      await unlink(path).catch(() => undefined);
      const code = (error as { code?: string }).code;
      if (code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(maxBytes);
      throw error;
    }
  }

  return {
    root,
    maxUploadBytes: config.maxUploadBytes,
    stage,

    async discard(staged: StagedFile | undefined): Promise<void> {
      if (staged) await unlink(staged.path).catch(() => undefined);
    },

    /** Inserts the stored_files row of a staged file (inside the caller's transaction). */
    async record(moduleTx: Kysely<any>, actor: Actor, staged: StagedFile): Promise<StoredFile> {
      const row: StoredFileRow = {
        id: randomUUID(),
        agency_id: staged.agencyId,
        sha256: staged.sha256,
        size_bytes: staged.sizeBytes,
        media_type: staged.mediaType,
        original_name: staged.originalName,
        storage_key: staged.storageKey,
        created_by: actor.userId,
        created_at: clock.now().toISOString(),
      };
      const tx = moduleTx as unknown as Kysely<PlatformTables>;
      await tx.insertInto('stored_files').values(row).execute();
      return toStoredFile(row);
    },

    async get(agencyId: string, id: string): Promise<StoredFile | undefined> {
      if (!SAFE_ID.test(id)) return undefined;
      const row = await db.selectFrom('stored_files').selectAll().where('agency_id', '=', agencyId).where('id', '=', id).executeTakeFirst();
      return row ? toStoredFile(row) : undefined;
    },

    /**
     * Removes files under DATA_DIR/files that no `stored_files` row names: what a crash between
     * staging an upload and committing its row leaves behind (a SIGKILL mid-upload). Safe while
     * uploads run, in this instance or another: a file modified within `graceMs` (default one
     * hour) may still be streaming in or waiting for its transaction and is never touched, and
     * only names this store makes (`<agency uuid>/<uuid>`) are considered.
     */
    async sweepOrphans(opts: { graceMs?: number } = {}): Promise<{ removed: number; kept: number }> {
      const cutoff = clock.now().getTime() - (opts.graceMs ?? 3600_000);
      let removed = 0;
      let kept = 0;
      const agencies = await readdir(root).catch(() => [] as string[]);
      for (const agencyId of agencies) {
        if (!SAFE_ID.test(agencyId)) continue;
        const names = (await readdir(join(root, agencyId)).catch(() => [] as string[])).filter((n) => SAFE_ID.test(n));
        for (let i = 0; i < names.length; i += 500) {
          const old: string[] = [];
          for (const name of names.slice(i, i + 500)) {
            const info = await stat(join(root, agencyId, name)).catch(() => undefined);
            if (info?.isFile() && info.mtimeMs < cutoff) old.push(name);
          }
          if (old.length === 0) continue;
          const keys = old.map((n) => `${agencyId}/${n}`);
          const known = new Set(
            (await db.selectFrom('stored_files').select('storage_key').where('agency_id', '=', agencyId).where('storage_key', 'in', keys).execute()).map((r) => r.storage_key),
          );
          for (const key of keys) {
            if (known.has(key)) kept++;
            else if (await unlink(pathOf(key)).then(() => true, () => false)) removed++;
          }
        }
      }
      return { removed, kept };
    },

    readAll: (file: { storageKey: string }): Promise<Buffer> => readFile(pathOf(file.storageKey)),
    /** Removes a stored file's bytes (after its row is deleted, e.g. when personal data expires). */
    remove: (file: { storageKey: string }): Promise<void> => unlink(pathOf(file.storageKey)).catch(() => undefined),
    readStaged: (staged: StagedFile): Promise<Buffer> => readFile(staged.path),

    /**
     * Sends a stored file with its detected type, a strong ETag (its SHA-256), nosniff and a
     * Content-Disposition carrying the Thai name (RFC 6266 / RFC 5987). Answers 304 when the
     * client already has it.
     */
    send(request: FastifyRequest, reply: FastifyReply, file: StoredFile, opts: { cacheControl: string; downloadName?: string }): FastifyReply {
      const etag = `"${file.sha256}"`;
      const inline = file.kind === 'pdf' || (file.kind !== undefined && IMAGE_KINDS.includes(file.kind));
      reply
        .header('etag', etag)
        .header('cache-control', opts.cacheControl)
        .header('x-content-type-options', 'nosniff')
        .header('content-disposition', contentDisposition(inline ? 'inline' : 'attachment', opts.downloadName ?? file.originalName));
      if (etagMatches(request.headers['if-none-match'], etag)) return reply.code(304).send();
      return reply.type(file.mediaType).header('content-length', file.sizeBytes).send(createReadStream(pathOf(file.storageKey)));
    },
  };
}
export type FileStore = ReturnType<typeof fileStore>;

/**
 * Sweeps orphan files once at start and then every `intervalMs` (default hourly), so what a crash
 * left is gone within about two hours even when the server restarts at once. Returns a stopper.
 */
export function startOrphanSweeper(
  files: Pick<FileStore, 'sweepOrphans'>,
  log: { info(obj: object, msg: string): void; warn(obj: object, msg: string): void },
  opts: { intervalMs?: number; graceMs?: number } = {},
): { first: Promise<void>; stop(): void } {
  const run = () =>
    // Over every agency's files: without the deployment scope no stored_files row would be visible
    // on PostgreSQL and every file would look orphaned (docs/adr/0008).
    withDeploymentScope('scheduled-job', () => files.sweepOrphans(opts.graceMs !== undefined ? { graceMs: opts.graceMs } : {})).then(
      (r) => {
        if (r.removed > 0) log.info(r, 'orphan upload files removed');
      },
      (error: unknown) => log.warn({ err: error }, 'orphan file sweep failed'),
    );
  const first = run();
  const timer = setInterval(() => void run(), opts.intervalMs ?? 3600_000);
  timer.unref();
  return { first, stop: () => clearInterval(timer) };
}

/** RFC 5987 value: percent-encoded UTF-8, also escaping the characters RFC 5987 reserves. */
const rfc5987 = (s: string): string => encodeURIComponent(s).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * @example contentDisposition('inline', 'รายงาน 6 เดือน.pdf')
 * // inline; filename="_______ 6 _____.pdf"; filename*=UTF-8''%E0%B8%A3...
 */
export function contentDisposition(type: 'inline' | 'attachment', name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]|["\\%;]/g, '_');
  return `${type}; filename="${fallback}"; filename*=UTF-8''${rfc5987(name)}`;
}

/** Whether an If-None-Match header names `etag` (weak comparison, as RFC 9110 asks for GET). */
export function etagMatches(header: string | string[] | undefined, etag: string): boolean {
  if (!header) return false;
  const strip = (t: string) => t.trim().replace(/^W\//, '');
  const want = strip(etag);
  return [header]
    .flat()
    .flatMap((h) => h.split(','))
    .some((t) => t.trim() === '*' || strip(t) === want);
}

// ----- multipart forms -------------------------------------------------------------------

export interface MultipartForm {
  /** Text fields; a repeated name keeps every value. */
  fields: Record<string, string[]>;
  /** Staged files by field name (empty file inputs are skipped). */
  files: Record<string, StagedFile>;
}

/** First value of a multipart field, or '' (handy for zod). */
export const field = (form: MultipartForm, name: string): string => form.fields[name]?.[0] ?? '';

/**
 * Reads a multipart form, staging each file as it streams in. On any error the files already
 * staged are removed, so a rejected upload leaves nothing on disk.
 */
export async function readMultipart(
  request: FastifyRequest,
  store: FileStore,
  agencyId: string,
  opts: StageOptions & { fileFields?: Record<string, StageOptions> } = {},
): Promise<MultipartForm> {
  if (!request.isMultipart()) throw new DomainError('UNSUPPORTED_MEDIA', 'แบบฟอร์มนี้ต้องส่งแบบ multipart/form-data');
  const form: MultipartForm = { fields: {}, files: {} };
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        if (!part.filename) {
          // An empty file input still sends a part; read it to the end and move on.
          part.file.resume();
          await new Promise<void>((resolve) => (part.file.readableEnded ? resolve() : part.file.once('end', () => resolve())));
          continue;
        }
        if (form.files[part.fieldname]) {
          part.file.resume();
          continue;
        }
        form.files[part.fieldname] = await store.stage(agencyId, part.file, part.filename, { ...opts, ...opts.fileFields?.[part.fieldname] });
      } else {
        const value = String(part.value ?? '');
        checkField(part.fieldname, value);
        (form.fields[part.fieldname] ??= []).push(value);
      }
    }
    return form;
  } catch (error) {
    for (const staged of Object.values(form.files)) await store.discard(staged);
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(Math.min(opts.maxBytes ?? store.maxUploadBytes, store.maxUploadBytes));
    throw error;
  }
}
