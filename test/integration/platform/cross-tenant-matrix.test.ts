/**
 * The cross-tenant matrix (issue 6): two agencies loaded with the same full demo data in every
 * module; every registered route (read from the Fastify route table, so a route added later is
 * covered without being listed) × every role and the public × the own agency's ids and the other
 * agency's ids substituted into its parameters. No response may carry the other agency's data
 * (its row ids or the marker written into its texts), and no request may change any row of it.
 */
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { parse } from 'node-html-parser';
import type { LightMyRequestResponse } from 'fastify';
import { DIALECTS } from '../../support/database.js';
import { buildTestApp, staffClient, TestClient, type TestApp } from '../../support/app.js';
import { moduleManifests } from '../../../src/app.js';
import { seedDemo } from '../../../src/demo.js';
import { SYSTEM_ACTOR } from '../../../src/platform/audit.js';
import { registeredRoutes } from '../../../src/platform/route-table.js';
import { ROLES } from '../../../src/shared/permissions.js';
import type { Dialect } from '../../../src/db/portable.js';

/** Not a base64 or token character, so a font or a CSRF token cannot contain it by chance. */
const MARK = '~ZQB~';
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
/** Human text columns that get the other agency's marker (whichever of them a table has). */
const TEXT_COLUMNS = ['name_th', 'title', 'title_th', 'weakness_th', 'detail_th', 'note_th', 'body', 'display_name', 'original_name', 'text_th', 'question', 'answer', 'position_th', 'purpose_th', 'description_th'];
/** Requests that end the requester's own session or identity: not part of the matrix. */
const SKIP_POST = new Set(['/logout', '/logout/everywhere', '/admin/account/password']);
/** The literal path segment before an id parameter → the tables whose ids it takes. */
const HINTS: Record<string, string[]> = {
  units: ['agency_units'],
  executives: ['agency_executives'],
  users: ['users'],
  handlers: ['users'],
  rows: ['plan_rows'],
  files: ['stored_files', 'complaint_attachments', 'eservice_request_files'],
  r: ['complaint_reports'],
  requests: ['eservice_requests'],
  services: ['eservice_services'],
  templates: ['eservice_reply_templates'],
  surveys: ['survey_forms'],
  measures: ['tracked_measures'],
  evidence: ['oit_evidence', 'measure_evidence'],
  agencies: ['agencies'],
  questions: ['qa_questions'],
};

interface Tenant {
  id: string;
  slug: string;
  /** table → ids of the agency's rows */
  ids: Map<string, string[]>;
  oitCode: string;
  trackingCode: string;
}

async function agencyTables(db: Kysely<any>, dialect: Dialect, schema?: string): Promise<{ table: string; hasId: boolean }[]> {
  const names =
    dialect === 'sqlite'
      ? (await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%'`.execute(db)).rows.map((r) => r.name)
      : (await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = ${schema} and table_type = 'BASE TABLE'`.execute(db)).rows.map((r) => r.name);
  const out: { table: string; hasId: boolean }[] = [];
  for (const table of names.sort()) {
    const cols = await columnsOf(db, dialect, table, schema);
    if (cols.includes('agency_id')) out.push({ table, hasId: cols.includes('id') });
  }
  return out;
}

async function columnsOf(db: Kysely<any>, dialect: Dialect, table: string, schema?: string): Promise<string[]> {
  return dialect === 'sqlite'
    ? (await sql<{ name: string }>`select name from pragma_table_info(${table})`.execute(db)).rows.map((r) => r.name)
    : (await sql<{ name: string }>`select column_name as name from information_schema.columns where table_schema = ${schema} and table_name = ${table}`.execute(db)).rows.map((r) => r.name);
}

async function tenantOf(t: TestApp, agencyId: string, slug: string, tables: { table: string; hasId: boolean }[]): Promise<Tenant> {
  const db = t.database.db;
  const ids = new Map<string, string[]>();
  ids.set('agencies', [agencyId]);
  for (const { table, hasId } of tables) {
    if (!hasId) continue;
    const rows = await db.selectFrom(table).select('id').where('agency_id', '=', agencyId).orderBy('id').execute();
    ids.set(table, rows.map((r: { id: string }) => String(r.id)));
  }
  const code = await db
    .selectFrom('oit_evidence as e')
    .innerJoin('oit_items as i', (j) => j.onRef('i.id', '=', 'e.item_id').onRef('i.agency_id', '=', 'e.agency_id'))
    .select('i.code')
    .where('e.agency_id', '=', agencyId)
    .executeTakeFirst();
  const request = await db.selectFrom('eservice_requests').select('tracking_code').where('agency_id', '=', agencyId).executeTakeFirst();
  return { id: agencyId, slug, ids, oitCode: code?.code ?? 'O1', trackingCode: request?.tracking_code ?? 'none' };
}

/** Everything of one agency, hashed per table: any insert, update or delete shows. */
async function fingerprint(db: Kysely<any>, agencyId: string, tables: { table: string }[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const agency = await db.selectFrom('agencies').selectAll().where('id', '=', agencyId).execute();
  out.set('agencies', createHash('sha256').update(JSON.stringify(agency)).digest('hex'));
  for (const { table } of tables) {
    const rows = await db.selectFrom(table).selectAll().where('agency_id', '=', agencyId).execute();
    const text = rows.map((r: Record<string, unknown>) => JSON.stringify(r, (_k, v) => (v instanceof Date ? v.toISOString() : Buffer.isBuffer(v) ? v.toString('hex') : v))).sort();
    out.set(table, `${rows.length}:${createHash('sha256').update(text.join('\n')).digest('hex')}`);
  }
  return out;
}

/** Values for a route's parameters, one URL per combination (ids of `target`, the rest fixed). */
function urlsFor(pattern: string, own: Tenant, target: Tenant, pool: string[]): string[] {
  const segments = pattern.split('/');
  let urls = [''];
  const literalBefore = (i: number) => {
    for (let k = i - 1; k >= 0; k--) if (!segments[k]!.startsWith(':')) return segments[k]!;
    return '';
  };
  for (const [i, seg] of segments.entries()) {
    if (i === 0) continue;
    let options: string[];
    if (seg === '*') options = ['app.css'];
    else if (!seg.includes(':')) options = [seg];
    else {
      // A segment may hold a parameter and a suffix (`measures.:format`).
      const [head, param] = seg.startsWith(':') ? ['', seg.slice(1)] : [seg.slice(0, seg.indexOf(':')), seg.slice(seg.indexOf(':') + 1)];
      const name = param!;
      let values: string[];
      if (name === 'slug') values = [own.slug];
      // The demo's results, plan and OIT year; its tracked measures and reports are of the next year.
      else if (name === 'year') values = [/^\/admin\/(measures|reports|calendar)|\/reports\//.test(pattern) ? '2566' : '2565'];
      else if (name === 'format') values = ['html'];
      else if (name === 'round') values = ['6'];
      else if (name === 'name') values = ['file.pdf'];
      else if (name === 'code') values = literalBefore(i) === 'track' ? [target.trackingCode] : [target.oitCode];
      else if (/id$/i.test(name)) {
        const tables = HINTS[literalBefore(i)] ?? (name === 'evidenceId' ? ['measure_evidence'] : null);
        values = tables ? tables.flatMap((tb) => target.ids.get(tb)?.slice(0, 1) ?? []) : pool;
        if (values.length === 0) values = ['00000000-0000-4000-8000-000000000000'];
      } else values = ['x'];
      options = values.map((v) => head + v);
    }
    urls = urls.flatMap((u) => options.map((o) => `${u}/${o}`));
  }
  return [...new Set(urls.map((u) => u || '/'))];
}

/** The other agency's data in a response, other than what the request itself sent. */
function leakIn(res: LightMyRequestResponse, url: string, foreignIds: Set<string>, sent: string): string | null {
  const text = typeof res.body === 'string' ? res.body : '';
  const location = String(res.headers.location ?? '');
  const all = `${text}\n${location}`;
  if (all.includes(MARK)) return `marker ${all.slice(Math.max(0, all.indexOf(MARK) - 60), all.indexOf(MARK) + 20).replace(/\s+/g, ' ')}`;
  for (const m of all.matchAll(UUID)) if (foreignIds.has(m[0]) && !url.includes(m[0]) && !sent.includes(m[0])) return `id ${m[0]}`;
  return null;
}

/** Post forms found on the own agency's pages: action pattern → field values. */
function harvestForms(body: string, forms: Map<string, { fields: [string, string][] }[]>): void {
  if (!body.includes('<form')) return;
  for (const form of parse(body).querySelectorAll('form')) {
    if ((form.getAttribute('method') ?? 'get').toLowerCase() !== 'post') continue;
    const action = (form.getAttribute('action') ?? '').split('?')[0]!;
    if (!action.startsWith('/')) continue;
    const fields: [string, string][] = [];
    for (const el of form.querySelectorAll('input, textarea, select')) {
      const name = el.getAttribute('name');
      if (!name || name === '_csrf') continue;
      const type = (el.getAttribute('type') ?? '').toLowerCase();
      if (type === 'file' || ((type === 'checkbox' || type === 'radio') && el.getAttribute('checked') === undefined)) continue;
      if (el.tagName === 'TEXTAREA') fields.push([name, el.textContent]);
      else if (el.tagName === 'SELECT') fields.push([name, (el.querySelector('option[selected]') ?? el.querySelector('option'))?.getAttribute('value') ?? '']);
      else fields.push([name, el.getAttribute('value') ?? '']);
    }
    const list = forms.get(action) ?? [];
    if (list.length < 3) list.push({ fields });
    forms.set(action, list);
  }
}

const matches = (pattern: string, path: string) => new RegExp(`^${pattern.replace(/[.]/g, '\\.').replace(/:[A-Za-z]+/g, '[^/]+').replace(/\*/g, '.*')}$`).test(path);

describe.each(DIALECTS)('cross-tenant matrix on %s', (dialect) => {
  it('no route, for any role or the public, reads or changes the other agency', { timeout: 900_000 }, async () => {
    const t = await buildTestApp(dialect);
    try {
      const db = t.database.db;
      const manifests = moduleManifests(t.services, { config: t.config, clock: t.clock, db, dialect });
      // The deployment administrator is someone else: neither agency's staff may see across.
      const office = await t.services.agencies.createAgency(
        SYSTEM_ACTOR,
        { slug: 'office', nameTh: 'สำนักงานจังหวัด', nameEn: null, type: 'subdistrict_municipality', province: 'ศรีสะเกษ', address: null, phone: null, email: null, websiteUrl: null, digits: 'thai' },
        [],
      );
      const officer = await t.services.users.createUser(SYSTEM_ACTOR, office.id, { username: 'officer', displayName: 'ผู้ดูแลจังหวัด', email: null, password: 'officer-password-1', passwordConfirm: 'officer-password-1', roles: ['admin'], unitId: null });
      await t.services.deployment.grantFirstAdministrator(officer.id, 'setup');
      const a = await seedDemo(t.services, manifests, { slug: 'town-a', nameTh: 'เทศบาลตำบลเอ' });
      // Agency names and slugs are public (the deployment's home page lists them): no marker there.
      const b = await seedDemo(t.services, manifests, { slug: 'town-b', nameTh: 'เทศบาลตำบลบี' });
      if (!a.created || !b.created) throw new Error('demo not seeded');

      const tables = await agencyTables(db, dialect, t.database.pgSchema);
      // The other agency's texts carry the marker, so a page showing them is caught.
      for (const { table } of tables) {
        const cols = await columnsOf(db, dialect, table, t.database.pgSchema);
        for (const col of TEXT_COLUMNS.filter((c) => cols.includes(c))) {
          await sql`update ${sql.table(table)} set ${sql.ref(col)} = ${sql.ref(col)} || ${` ${MARK}-${table}`} where agency_id = ${b.agencyId} and ${sql.ref(col)} is not null`.execute(db);
        }
      }
      const own = await tenantOf(t, a.agencyId, 'town-a', tables);
      const other = await tenantOf(t, b.agencyId, 'town-b', tables);
      const foreignIds = new Set([...other.ids.values()].flat());
      const ownPool = [...own.ids.values()].map((ids) => ids[0]).filter((v): v is string => !!v);
      const otherPool = [...other.ids.values()].map((ids) => ids[0]).filter((v): v is string => !!v);
      // Own ids ↔ other ids of the same table, to turn an own form into one aimed at the other agency.
      const swap = new Map<string, string>();
      for (const [table, ids] of own.ids) ids.forEach((id, i) => other.ids.get(table)?.[i] && swap.set(id, other.ids.get(table)![i]!));
      swap.set(own.trackingCode, other.trackingCode);
      const toOther = (s: string) => s.replace(UUID, (m) => swap.get(m) ?? m).split(own.trackingCode).join(other.trackingCode);

      const requesters: { name: string; client: TestClient }[] = [{ name: 'public', client: new TestClient(t.app) }];
      for (const role of ROLES) requesters.push({ name: role, client: await staffClient(t, a.agencyId, `matrix-${role}`, [role]) });

      const routes = registeredRoutes(t.app).filter((r) => r.method !== 'HEAD');
      const leaks: string[] = [];
      const changes: string[] = [];
      const n = { cells: 0, readsOwn: 0, readsOther: 0, readsRefused: 0, readsAnsweredClean: 0, writes: 0, writesRefused: 0, writesAccepted: 0, requests: 0 };
      const forms = new Map<string, { fields: [string, string][] }[]>();

      // Reads: every GET route, own ids and other ids.
      for (const route of routes.filter((r) => r.method === 'GET')) {
        const ownUrls = urlsFor(route.url, own, own, ownPool);
        const otherUrls = urlsFor(route.url, own, other, otherPool).filter((u) => !ownUrls.includes(u));
        for (const { name, client } of requesters) {
          for (const [kind, urls] of [['own', ownUrls], ['other', otherUrls]] as const) {
            if (urls.length === 0) continue;
            n.cells++;
            for (const url of urls) {
              n.requests++;
              const res = await client.get(url);
              if (kind === 'own') harvestForms(res.body, forms);
              const leak = leakIn(res, url, foreignIds, '');
              if (leak) leaks.push(`${name} GET ${url} (${res.statusCode}): ${leak}`);
              if (kind === 'other') {
                n.readsOther++;
                if (res.statusCode >= 300) n.readsRefused++;
                else n.readsAnsweredClean++;
              } else n.readsOwn++;
            }
          }
        }
      }

      // Writes: every POST route with the other agency's ids; the body is a form of the own
      // agency's pages for that route (ids swapped), or empty when no page carries one.
      let before = await fingerprint(db, other.id, tables);
      for (const route of routes.filter((r) => r.method === 'POST' && !SKIP_POST.has(r.url))) {
        const ownUrls = urlsFor(route.url, own, own, ownPool);
        const targets = urlsFor(route.url, own, other, otherPool);
        const bodies = [...forms.entries()].filter(([action]) => matches(route.url, action) && ownUrls.includes(action) || matches(route.url, action)).flatMap(([, f]) => f).slice(0, 2);
        if (bodies.length === 0) bodies.push({ fields: [] });
        for (const { name, client } of requesters) {
          n.cells++;
          for (const url of targets) {
            for (const body of bodies) {
              n.requests++;
              n.writes++;
              const fields: Record<string, string[]> = {};
              for (const [k, v] of body.fields) (fields[k] ??= []).push(toOther(v));
              const res = await client.submit(url, fields);
              const leak = leakIn(res, url, foreignIds, JSON.stringify(fields));
              if (leak) leaks.push(`${name} POST ${url} (${res.statusCode}): ${leak}`);
              if (res.statusCode >= 400 || (res.statusCode === 303 && /\/login/.test(String(res.headers.location)))) n.writesRefused++;
              else n.writesAccepted++;
            }
          }
        }
        const after = await fingerprint(db, other.id, tables);
        for (const [table, hash] of after) if (before.get(table) !== hash) changes.push(`POST ${route.url}: ${table} of the other agency changed`);
        before = after;
      }

      console.log(
        `[cross-tenant ${dialect}] routes ${routes.length} (GET ${routes.filter((r) => r.method === 'GET').length}, POST ${routes.filter((r) => r.method === 'POST').length}) × requesters ${requesters.length} (public + ${ROLES.length} roles): ` +
          `cells ${n.cells}, requests ${n.requests}; reads with own ids ${n.readsOwn}, with the other agency's ids ${n.readsOther} ` +
          `(refused ${n.readsRefused}, answered without its data ${n.readsAnsweredClean}); writes aimed at the other agency ${n.writes} ` +
          `(refused ${n.writesRefused}, answered ${n.writesAccepted}, of which changed its data: ${changes.length}); leaks ${leaks.length}`,
      );
      expect(leaks).toEqual([]);
      expect(changes).toEqual([]);
      // The matrix really ran: every module's pages, the other agency's ids and its marker exist.
      expect(foreignIds.size).toBeGreaterThan(100);
      expect(n.readsOther).toBeGreaterThan(100);
      const sample = await requesters[1]!.client.get('/admin/agency/units');
      expect(sample.statusCode).toBe(200);
      const marked = await db.selectFrom('oit_evidence').select('title').where('agency_id', '=', other.id).execute();
      expect(marked.length).toBeGreaterThan(0);
      expect(marked.every((r: { title: string }) => r.title.includes(`${MARK}-oit_evidence`))).toBe(true);
    } finally {
      await t.close();
    }
  });
});
