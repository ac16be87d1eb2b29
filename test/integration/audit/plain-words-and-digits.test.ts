/**
 * Plain words and the agency's digits (issue 9 §7) on the demo agency, which chose Thai digits
 * and whose every module writes to the audit trail: each code in its audit log has Thai words,
 * and the pages that show the log, the OIT pages, a flash and an error message show no Arabic
 * digit outside identifiers (docs/adr/0011-digits-and-identifiers.md: URLs, item codes, tracking
 * codes and file names, any token mixing Latin letters and digits, stay as written).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'node-html-parser';
import { DIALECTS } from '../../support/database.js';
import { buildTestApp, signIn, type TestApp, type TestClient } from '../../support/app.js';
import { seedDemo } from '../../../src/demo.js';
import { moduleManifests } from '../../../src/app.js';
import { mergeAuditLabels } from '../../../src/platform/module.js';
import { ELEMENT_CHECKS } from '../../../src/modules/catalogue/domain/schema.js';

/**
 * Visible text with Arabic digits that break the agency's choice: identifiers (tokens with a Latin
 * letter: URLs, O11, ES-7KQ2M, report-2569.pdf), code shown as code and elements marked
 * data-verbatim are left out.
 */
export function strayArabicDigits(body: string, selector = 'main'): string[] {
  const root = parse(body).querySelector(selector);
  if (!root) throw new Error(`no ${selector} in the page`);
  for (const el of root.querySelectorAll('[data-verbatim], script, style, textarea, pre, code, kbd, samp')) el.remove();
  const text = root.textContent.replace(/\s+/g, ' ');
  return [...text.matchAll(/\S+/g)].map((m) => m[0]).filter((token) => /[0-9]/.test(token) && !/[A-Za-z]/.test(token));
}

describe.each(DIALECTS)('plain words and the agency digits on %s', (dialect) => {
  let t: TestApp;
  let admin: TestClient;
  let agencyId: string;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    const manifests = moduleManifests(t.services, { config: t.config, clock: t.clock, db: t.database.db, dialect });
    const demo = await seedDemo(t.services, manifests);
    if (!demo.created) throw new Error('demo not created');
    agencyId = demo.agencyId;
    admin = await signIn(t, demo.username, demo.password);
  });
  afterAll(async () => t?.close());

  it('every action, entity, detail key and state in the demo audit log has Thai words', async () => {
    const labels = mergeAuditLabels(moduleManifests(t.services, { config: t.config, clock: t.clock, db: t.database.db, dialect }));
    const rows = await t.database.db.selectFrom('audit_log' as any).select(['action', 'entity_type', 'details'] as any).where('agency_id' as any, '=', agencyId).execute();
    expect(rows.length).toBeGreaterThan(30);
    const missing = new Set<string>();
    for (const r of rows as { action: string; entity_type: string; details: string | null }[]) {
      if (!labels.actions[r.action]) missing.add(`action ${r.action}`);
      if (!labels.entities[r.entity_type]) missing.add(`entity ${r.entity_type}`);
      for (const [k, v] of Object.entries(r.details ? (JSON.parse(r.details) as Record<string, unknown>) : {})) {
        if (/Id$/.test(k)) continue;
        if (!labels.details[k]) missing.add(`detail ${k}`);
        // A lowercase ASCII word or snake_case is a state or kind code (`done`, `in_progress`).
        if (k === 'slug' || k === 'username') continue; // shown as typed (verbatim)
        if (typeof v === 'string' && /^[a-z]+(?:[_:-][a-z]+)*$/.test(v) && !labels.values[r.entity_type]?.[v]) missing.add(`value ${r.entity_type}.${k} ${v}`);
      }
    }
    expect([...missing].sort()).toEqual([]);
  });

  it('the audit page shows no code and no Arabic digit', async () => {
    const res = await admin.get('/admin/audit');
    expect(res.statusCode).toBe(200);
    const cells = parse(res.body).querySelectorAll('main td').map((td) => td.textContent.trim());
    expect(cells.length).toBeGreaterThan(100);
    // Outside links, e-mail addresses and file names, no lowercase ASCII word: codes read as English.
    const words = (c: string) => c.replace(/(ชื่อย่อ|ชื่อผู้ใช้): \S+/g, '').replace(/\S*(https?:\/\/|@|\.(pdf|csv|docx|xlsx|png|jpg))\S*/g, '').match(/\b[a-z][a-z_.-]*[a-z]\b/g) ?? [];
    expect(cells.filter((c) => words(c).length > 0).map((c) => `${words(c).join(',')} in «${c}»`)).toEqual([]);
    expect(strayArabicDigits(res.body)).toEqual([]);
  });

  it('the deployment change log shows words and the digits of the administrator\'s agency', async () => {
    const res = await admin.get('/deployment/audit');
    expect(res.statusCode).toBe(200);
    const cells = parse(res.body).querySelectorAll('main td').map((td) => td.textContent.trim());
    expect(cells.some((c) => c.includes('มอบสิทธิ์ผู้ดูแลระบบ'))).toBe(true);
    expect(cells.filter((c) => /\b[a-z]+[._][a-z_]+\b/.test(c))).toEqual([]);
    expect(strayArabicDigits(res.body)).toEqual([]);
  });

  it('every page of the demo, staff and public, shows no Arabic digit outside identifiers', async () => {
    // Crawl what a person can reach: the staff navigation and the public home, two links deep
    // (lists lead to items, items to their sub-pages), every GET page but downloads and files.
    const isPage = (href: string) =>
      (href.startsWith('/admin') || href.startsWith('/deployment') || href.startsWith('/a/demo')) &&
      !/\.(pdf|docx|xlsx|csv|json|txt|png|jpg)(\?|$)|\/(files|api|download)(\/|\?|$)|[?&](lang|format)=/.test(href);
    const seen = new Set<string>();
    let frontier = ['/admin', '/a/demo'];
    const found: Record<string, string[]> = {};
    for (let depth = 0; depth < 3 && frontier.length; depth++) {
      const next: string[] = [];
      for (const url of frontier) {
        if (seen.has(url)) continue;
        seen.add(url);
        const res = url.startsWith('/a/') ? await t.app.inject({ method: 'GET', url }) : await admin.get(url);
        if (res.statusCode !== 200 || !String(res.headers['content-type']).startsWith('text/html')) continue;
        const stray = strayArabicDigits(res.body);
        if (stray.length) found[url] = stray;
        for (const a of parse(res.body).querySelectorAll('a[href]')) {
          const href = a.getAttribute('href')!.split('#')[0]!;
          if (href && isPage(href) && !seen.has(href)) next.push(href);
        }
      }
      frontier = next;
    }
    expect(seen.size).toBeGreaterThan(150);
    expect(found).toEqual({});
  });

  it('a flash message and the error messages of a refused form follow the agency digits', async () => {
    // Carry FY2565's items over to FY2566: the flash counts items and evidence.
    const plan = await admin.get('/admin/oit/2566/carry-over?from=2565');
    expect(plan.statusCode).toBe(200);
    const codes = parse(plan.body).querySelectorAll('input[name="codes"]').map((i) => i.getAttribute('value')!);
    const done = await admin.submit('/admin/oit/2566/carry-over?from=2565', { codes: codes.slice(0, 2) });
    expect(done.statusCode).toBe(303);
    const after = await admin.get(String(done.headers.location));
    const flash = parse(after.body).querySelector('main .notice-success')?.textContent ?? '';
    expect(flash).toMatch(/ยกมาจากปี ๒๕๖๕ แล้ว ๒ รายการ/);
    expect(strayArabicDigits(after.body, 'main .notice-success')).toEqual([]);

    // An indicator score over 100: the summary and the inline message, word for word, in Thai digits.
    const form = await admin.get('/admin/results/2565/edit');
    const fields: Record<string, string> = {};
    for (const el of parse(form.body).querySelectorAll('form[method="post"] input, form[method="post"] select, form[method="post"] textarea')) {
      const name = el.getAttribute('name');
      if (!name || name === '_csrf' || el.getAttribute('type') === 'checkbox') continue;
      fields[name] = el.tagName === 'SELECT' ? ((el.querySelector('option[selected]') ?? el.querySelector('option'))?.getAttribute('value') ?? '') : el.tagName === 'TEXTAREA' ? el.textContent : (el.getAttribute('value') ?? '');
    }
    const indicator = Object.keys(fields).find((k) => /indicators/.test(k))!;
    const refused = await admin.submit('/admin/results/2565/edit', { ...fields, [indicator]: '120' });
    expect(refused.statusCode).toBe(400);
    const page = parse(refused.body);
    const summary = page.querySelectorAll('.error-summary li').map((li) => li.textContent.trim());
    const inline = page.querySelectorAll('.error-message').map((p) => p.textContent.trim());
    expect(summary.length).toBeGreaterThan(0);
    expect(summary.join(' ')).toMatch(/[๐-๙]/);
    expect(inline).toEqual(expect.arrayContaining(summary));
    expect(strayArabicDigits(refused.body, '.error-summary')).toEqual([]);
    expect(inline.flatMap((m) => strayArabicDigits(`<main>${m}</main>`))).toEqual([]);
  });

  it('a number typed in Thai digits is read as a number, and words keep what was typed', async () => {
    // The settings page shows "๓ วัน" in the agency's digits; an officer types the days the same way.
    await admin.get('/admin/complaints/settings');
    const saved = await admin.submit('/admin/complaints/settings', { responsibleUnit: 'สำนักปลัด ชั้น ๒', acknowledgeDays: '๕', concludeDays: '๔๕', phone: '๐๔๕-๖๑๒-๓๔๕', address: '', email: '' });
    expect(saved.statusCode).toBe(303);
    expect(await t.services.complaints.channel.guideline(agencyId)).toMatchObject({ responsibleUnit: 'สำนักปลัด ชั้น ๒', acknowledgeDays: 5, concludeDays: 45, phone: '045-612-345' });
  });

  it('the catalogue page names each automatic check in words, not its code', async () => {
    const res = await admin.get('/admin/catalogue/2568');
    expect(res.statusCode).toBe(200);
    const hints = parse(res.body).querySelectorAll('main .hint').map((h) => h.textContent).filter((h) => h.startsWith('ตรวจอัตโนมัติ'));
    expect(hints.length).toBeGreaterThan(5);
    expect(hints.filter((h) => ELEMENT_CHECKS.some((code) => h.includes(code)))).toEqual([]);
  });
});
