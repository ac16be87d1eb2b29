/**
 * Issue 7, finding 9: a 449 KB XLSX that inflates to 450 MB took the server from 555 to 1,213 MB
 * before it was refused. The central-directory check alone is not enough: these packages declare
 * 1 KB per entry and inflate to 200 MB. Every XLSX upload route must refuse them after inflating
 * no more than what they declared, quickly and with nothing saved.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../support/database.js';
import { buildTestApp, mainText, setUpAgency, type TestApp, type TestClient, rowCount } from '../../support/app.js';
import { xlsxLyingBomb } from '../../support/hostile.js';

const bomb = xlsxLyingBomb(200);

async function rows(t: TestApp, table: 'oit_evidence' | 'ita_results' | 'catalogue_versions'): Promise<number> {
  return rowCount(t, table);
}

describe.each(DIALECTS)('XLSX whose sizes lie on %s', (dialect) => {
  let t: TestApp;
  let admin: TestClient;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    admin = await setUpAgency(t);
  });
  afterAll(async () => t.close());

  it('is small on disk and declares almost nothing', () => {
    expect(bomb.length).toBeLessThan(1024 * 1024);
  });

  it.each([
    { page: '/admin/oit/import', field: 'upload', table: 'oit_evidence' as const, says: 'zip bomb' },
    { page: '/admin/results/import', field: 'file', table: 'ita_results' as const, says: undefined },
    { page: '/admin/catalogue/import', field: 'file', table: 'catalogue_versions' as const, says: undefined },
  ])('is refused by $page without being inflated', async ({ page, field, table, says }) => {
    await admin.get(page);
    const before = await rows(t, table);
    const rss = process.memoryUsage().rss;
    const started = Date.now();
    const res = await admin.upload(page, {}, [{ field, filename: 'report.xlsx', content: bomb }]);
    const took = Date.now() - started;
    expect(res.statusCode).toBe(400);
    if (says) expect(mainText(res.body)).toContain(says);
    // Inflating 200 MB (what a reader trusting the directory does) takes seconds and as much memory.
    expect(took).toBeLessThan(3000);
    expect(process.memoryUsage().rss - rss).toBeLessThan(150 * 1024 * 1024);
    expect(await rows(t, table)).toBe(before);
  });
});
