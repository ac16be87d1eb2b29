/**
 * Fuzzing of every staff form (issue 7): forms are discovered by crawling the staff pages and
 * reading their <form> elements, so a new module's forms are covered without touching this file.
 * Each form is sent hostile values (huge strings, Thai combining marks, zero-width and control
 * characters, NUL, formula strings, XSS, traversal) and, for file inputs, broken archives and
 * hostile CSV. The server must never answer 5xx, and a refused submission must leave every table
 * exactly as it was (nothing half-saved).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HTMLElement } from 'node-html-parser';
import { sql } from 'kysely';
import { DIALECTS } from '../../support/database.js';
import { TestClient, buildTestApp, html, setUpAgency, type TestApp } from '../../support/app.js';
import { HOSTILE_STRINGS, truncatedZip } from '../../support/hostile.js';

interface FoundForm {
  page: string;
  action: string;
  multipart: boolean;
  fields: { name: string; kind: 'text' | 'choice' | 'file' | 'hidden' | 'check'; value: string }[];
}

/** Pages whose forms end the session or would lock the fuzzer out; everything else is fuzzed. */
const SKIP_ACTION = /\/logout|\/account\/password|\/delete$|\/2fa|\/totp/;
const SKIP_PAGE = /\.(csv|xlsx|pdf|docx|json|png|jpg)(\?|$)|\/files\/|\/logout/;

function formsOf(page: string, body: string): FoundForm[] {
  return html(body)
    .querySelectorAll('form')
    .filter((f) => (f.getAttribute('method') ?? 'get').toLowerCase() === 'post')
    .map((f: HTMLElement) => {
      const fields: FoundForm['fields'] = [];
      for (const el of f.querySelectorAll('input, select, textarea')) {
        const name = el.getAttribute('name');
        if (!name) continue;
        const tag = el.tagName.toLowerCase();
        const type = (el.getAttribute('type') ?? 'text').toLowerCase();
        if (tag === 'select') fields.push({ name, kind: 'choice', value: el.querySelectorAll('option').map((o) => o.getAttribute('value') ?? o.textContent).find((v) => v) ?? '' });
        else if (type === 'file') fields.push({ name, kind: 'file', value: '' });
        else if (type === 'hidden') fields.push({ name, kind: 'hidden', value: el.getAttribute('value') ?? '' });
        else if (type === 'checkbox' || type === 'radio') fields.push({ name, kind: 'check', value: el.getAttribute('value') ?? 'on' });
        else fields.push({ name, kind: 'text', value: tag === 'textarea' ? el.textContent : el.getAttribute('value') ?? '' });
      }
      return { page, action: f.getAttribute('action') || page, multipart: (f.getAttribute('enctype') ?? '').includes('multipart'), fields };
    });
}

async function crawl(client: TestClient, start: string[], maxPages = 50): Promise<FoundForm[]> {
  const seen = new Set<string>();
  const queue = [...start];
  const forms = new Map<string, FoundForm>();
  while (queue.length && seen.size < maxPages) {
    const url = queue.shift()!;
    if (seen.has(url) || SKIP_PAGE.test(url)) continue;
    seen.add(url);
    const res = await client.get(url);
    expect(res.statusCode, `GET ${url}`).toBeLessThan(500);
    if (res.statusCode !== 200 || !String(res.headers['content-type']).includes('text/html')) continue;
    for (const a of html(res.body).querySelectorAll('a[href]')) {
      const href = a.getAttribute('href')!.split('#')[0]!;
      if (href.startsWith('/admin') && !seen.has(href)) queue.push(href);
    }
    for (const f of formsOf(url, res.body)) {
      // One sample per action shape: ids and years vary, the form does not.
      const shape = f.action.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, ':id').replace(/\d{4}/g, ':y');
      if (!SKIP_ACTION.test(f.action) && f.action.startsWith('/') && !forms.has(shape)) forms.set(shape, f);
    }
  }
  return [...forms.values()];
}

async function tableCounts(t: TestApp): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  // Only this test's own schema on PostgreSQL: Kysely's introspection reads every schema, and other
  // test files create and drop theirs meanwhile (a dropped one fails the introspection query).
  const names = t.database.pgSchema
    ? (await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = ${t.database.pgSchema} and table_type = 'BASE TABLE'`.execute(t.database.db)).rows.map((r) => r.name)
    : (await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(t.database.db)).rows.map((r) => r.name);
  for (const name of names) {
    if (/^(sessions|kysely_|audit_log|rate_|job)/.test(name)) continue;
    const r = await t.database.db.selectFrom(name as never).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    out[name] = Number((r as { n: unknown }).n);
  }
  return out;
}

const HOSTILE_FILES = (): { filename: string; content: Buffer }[] => [
  { filename: '../../../etc/passwd.xlsx', content: truncatedZip() },
  { filename: 'a\u0000.csv', content: Buffer.from(`ปี,ข้อ,ชื่อ,ลิงก์\r\n2565,O1,"=HYPERLINK(""http://x"")\u0000",javascript:alert(1)\r\n2565,O2,${'ก\u0e49'.repeat(500)},https://x.go.th/\u200b`) },
  { filename: 'empty.pdf', content: Buffer.alloc(0) },
  { filename: 'fake.docx', content: Buffer.from('PK\u0003\u0004 not really a zip') },
];

describe.each(DIALECTS)('fuzzing every staff form on %s', (dialect) => {
  let t: TestApp;
  let admin: TestClient;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    admin = await setUpAgency(t);
  });
  afterAll(async () => t.close());

  it('finds the forms of every module by crawling, and none of them answers 5xx or half-saves on hostile values', async () => {
    const forms = await crawl(admin, ['/admin', '/admin/oit/2565/O1', '/admin/oit/2565/O2', '/admin/oit/2565/O11', '/admin/oit/import', '/admin/results/import', '/admin/plan']);
    // The crawl reaches forms of several modules (agencies, users, oit, results, catalogue…).
    expect(forms.length).toBeGreaterThan(10);
    const actions = forms.map((f) => f.action);
    for (const known of ['/admin/agency/units', '/admin/oit/import', '/admin/results/import', '/admin/users']) expect(actions, known).toContain(known);
    const failures: string[] = [];
    // The most telling values (huge, combining marks, zero-width, NUL, controls, formula, XSS,
    // traversal); the full list runs in the unit-level checks of each boundary.
    const values = [0, 1, 2, 3, 4, 5, 8, 9].map((i) => HOSTILE_STRINGS[i]!);
    for (const form of forms) {
      for (const [n, hostile] of values.entries()) {
        await admin.get(form.page); // a fresh CSRF token, as a browser would have
        const before = await tableCounts(t);
        const text: Record<string, string> = {};
        for (const f of form.fields) {
          if (f.name === '_csrf' || f.kind === 'file') continue;
          text[f.name] = f.kind === 'text' ? hostile : f.value;
        }
        const res = form.multipart
          ? await admin.upload(form.action, text, form.fields.filter((f) => f.kind === 'file').map((f) => ({ field: f.name, ...HOSTILE_FILES()[n % 4]! })))
          : await admin.submit(form.action, text);
        if (res.statusCode >= 500) failures.push(`${form.action} ← ${JSON.stringify(hostile.slice(0, 30))}: ${res.statusCode}`);
        if (res.statusCode >= 400) {
          const after = await tableCounts(t);
          const changed = Object.keys(after).filter((k) => after[k] !== before[k]);
          if (changed.length) failures.push(`${form.action} ← ${JSON.stringify(hostile.slice(0, 30))}: refused (${res.statusCode}) but changed ${changed.join(', ')}`);
        }
      }
    }
    expect(failures).toEqual([]);
  }, 400_000);
});
