/**
 * The corruption-complaint channel's OIT evidence goes to "the item with role X in year N"
 * (`complaint-guideline`, `complaint-channel`, `complaint-statistics`) whatever its code that
 * year, with the statistics of the period the item asks for; a year whose catalogue lacks the
 * roles gets nothing, and publishing again refreshes the entries instead of adding new ones.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../support/database.js';
import { buildTestApp, setUpAgency, type TestApp } from '../../support/app.js';
import type { Agency } from '../../../src/modules/agencies/index.js';

describe.each(DIALECTS)('complaint evidence attached to OIT by role on %s', (dialect) => {
  let t: TestApp;
  let agency: Agency;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    await setUpAgency(t);
    agency = (await t.services.agencies.findBySlug('test-town'))!;
  });
  afterAll(() => t.close());

  const rowsOf = (year: number) =>
    t.database.db
      .selectFrom('oit_evidence as e')
      .innerJoin('oit_items as i', 'i.id', 'e.item_id')
      .select(['i.code', 'e.source', 'e.source_ref', 'e.kind', 'e.period_from', 'e.period_to', 'e.url'])
      .where('e.agency_id', '=', agency.id)
      .where('i.fiscal_year', '=', year)
      .where('e.source', 'like', 'complaints:%')
      .orderBy('i.code')
      .execute();

  it('FY2565: guideline → O29, channel → O30, first-half statistics → O31', async () => {
    expect(await t.services.complaints.publishComplaintEvidence(agency, 2565)).toEqual(['O29', 'O30', 'O31']);
    const rows = (await rowsOf(2565)).map((r) => [r.code, r.source, r.source_ref, r.kind, r.period_from, r.period_to]);
    expect(rows).toEqual([
      ['O29', 'complaints:guideline', null, 'generated', null, null],
      ['O30', 'complaints:channel', null, 'generated', null, null],
      ['O31', 'complaints:statistics', '2565-6-month', 'generated', '2021-10-01', '2022-03-31'],
    ]);
  });

  it('FY2569: the same roles are O16, O17 and O18, and the statistics are of the previous year', async () => {
    expect(await t.services.complaints.publishComplaintEvidence(agency, 2569)).toEqual(['O16', 'O17', 'O18']);
    const rows = await rowsOf(2569);
    expect(rows.map((r) => [r.code, r.source, r.source_ref, r.period_from, r.period_to])).toEqual([
      ['O16', 'complaints:guideline', null, null, null],
      ['O17', 'complaints:channel', null, null, null],
      ['O18', 'complaints:statistics', '2568-12-month', '2024-10-01', '2025-09-30'],
    ]);
    expect(rows.find((r) => r.code === 'O18')!.url).toBe('http://127.0.0.1:3000/a/test-town/report-corruption/statistics?year=2568');
  });

  it('a year whose catalogue has none of the roles gets nothing; publishing again adds no entries', async () => {
    expect(await t.services.complaints.publishComplaintEvidence(agency, 2567)).toEqual([]);
    expect(await rowsOf(2567)).toEqual([]);
    const before = (await rowsOf(2565)).length;
    expect(await t.services.complaints.publishComplaintEvidence(agency, 2565)).toEqual(['O29', 'O30', 'O31']);
    expect((await rowsOf(2565)).length).toBe(before);
  });
});
