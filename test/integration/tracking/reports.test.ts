/**
 * Tracked measures → periodic reports → OIT items, on both dialects: the report attaches itself to
 * the right item of the right year with its period, its element check passes without any
 * declaration, readiness rises; a report without problems/suggestions is refused and stores
 * nothing; a previous-year report lands on the next year's item; the CLI writes the file.
 */
import { readFileSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../support/database.js';
import { buildTestApp, setUpAgency, type TestApp } from '../../support/app.js';
import { DomainError } from '../../../src/shared/errors.js';
import { SYSTEM_ACTOR } from '../../../src/platform/audit.js';
import { runReport } from '../../../src/cli/commands/report.js';
import type { User } from '../../../src/modules/users/domain/user.js';
import type { ReportSpec } from '../../../src/modules/tracking/index.js';

const SEED = JSON.parse(readFileSync(new URL('../../../src/modules/ita-results/domain/fixtures/seed-fy2565.json', import.meta.url), 'utf8')) as unknown;
const PROBLEMS = 'ผู้รับผิดชอบมีภารกิจหลายด้าน ทำให้บางมาตรการล่าช้า';
const SUGGESTIONS = 'ควรติดตามความก้าวหน้าทุกเดือนและกำหนดผู้รับผิดชอบสำรอง';

describe.each(DIALECTS)('tracked measures and periodic reports on %s', (dialect) => {
  let t: TestApp;
  let agencyId: string;
  let coordinator: User;
  const measures6: ReportSpec = { kind: 'measures', year: 2566, round: 6, role: 'measures-report' };

  const itemOf = async (year: number, code: string) => (await t.services.oit.loadYear(agencyId, year, { withPeople: false })).items.find((i) => i.code === code)!;
  const refusal = async (p: Promise<unknown>) => {
    const e = await p.then(() => undefined, (error: unknown) => error);
    expect(e).toBeInstanceOf(DomainError);
    return e as DomainError;
  };

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    await setUpAgency(t);
    agencyId = (await t.services.agencies.findBySlug('test-town'))!.id;
    coordinator = { id: '', agencyId, username: 'c', displayName: 'ผู้ประสานงาน', email: null, roles: ['coordinator'], unitId: null, disabled: false };
    await t.services.results.saveResultsJson(SYSTEM_ACTOR, agencyId, SEED);
    await t.services.plans.draft(SYSTEM_ACTOR, agencyId, 2565);
  });
  afterAll(async () => t.close());

  it('makes every plan row and driving measure a tracked measure of the target year', async () => {
    const plan = (await t.services.plans.getPlan(agencyId, 2565))!;
    const list = await t.services.tracking.listMeasures(agencyId, 2566);
    expect(list.length).toBe(plan.rows.length + plan.drivingMeasures.length);
    expect(list[0]!.titleTh).toBe(plan.rows[0]!.weaknessTh);
    expect(list[0]!.activities).toEqual(plan.rows[0]!.steps);
    expect(list[0]!.unitName).toBe(plan.rows[0]!.responsibleUnit);
    expect(list.filter((m) => m.sourceKind === 'driving').length).toBe(plan.drivingMeasures.length);
    // Syncing again keeps progress and creates nothing new.
    await t.services.tracking.updateMeasure(coordinator, list[0]!.id, { status: 'done', doneOn: '2023-01-10', plannedFrom: '2022-10-01', plannedTo: '2023-09-30', activities: list[0]!.activities.join('\n'), note: 'ดำเนินการแล้วเสร็จ' });
    const again = await t.services.tracking.syncFromPlan(SYSTEM_ACTOR, agencyId, plan);
    expect(again.created).toBe(0);
    const after = await t.services.tracking.listMeasures(agencyId, 2566);
    expect(after[0]!.status).toBe('done');
    expect(after[0]!.notes.map((n) => n.noteTh)).toEqual(['ดำเนินการแล้วเสร็จ']);
  });

  it('refuses a report without problems and suggestions, in Thai, storing nothing', async () => {
    const e = await refusal(t.services.reports.produce(SYSTEM_ACTOR, agencyId, measures6, { problems: '', suggestions: '  ' }));
    expect(e.fieldErrors.map((f) => f.field).sort()).toEqual(['problems', 'suggestions']);
    expect(e.fieldErrors.find((f) => f.field === 'problems')!.message).toContain('ปัญหา อุปสรรค');
    expect(e.fieldErrors.find((f) => f.field === 'suggestions')!.message).toContain('ข้อเสนอแนะ');
    const rows = await t.database.db.selectFrom('periodic_reports').selectAll().where('agency_id', '=', agencyId).execute();
    expect(rows).toEqual([]);
    expect((await itemOf(2566, 'O43')).evidence).toEqual([]);
  });

  it('attaches the 6-month measures report to its OIT item with its period; the item is complete and readiness rises', async () => {
    const before = (await t.services.oit.readinessReport(agencyId, 2566)).readiness;
    const { view } = await t.services.reports.produce(SYSTEM_ACTOR, agencyId, measures6, { problems: PROBLEMS, suggestions: SUGGESTIONS });
    expect(view.attachedTo).toEqual(['2566:O43']);
    const o43 = await itemOf(2566, 'O43');
    expect(o43.evidence).toHaveLength(1);
    expect(o43.evidence[0]!.periodFrom).toBe('2022-10-01');
    expect(o43.evidence[0]!.periodTo).toBe('2023-03-31');
    expect(o43.evidence[0]!.url).toContain('/a/test-town/reports/2566/measures-6');
    // No declaration was made: the element check reads the generated PDF itself.
    expect(o43.declarations).toEqual({});
    expect(o43.result.missing).toEqual([]);
    expect(o43.result.complete).toBe(true);
    expect((await t.services.oit.readinessReport(agencyId, 2566)).readiness).toBeGreaterThan(before);
  });

  it('states the period exactly and writes the problems and suggestions in the agency digits', async () => {
    const model = await t.services.reports.model(agencyId, measures6);
    const title = model.blocks[0]!;
    expect(title.kind === 'title' && title.lines).toContain('ระหว่างเดือนตุลาคม ๒๕๖๕ – มีนาคม ๒๕๖๖');
    // Layout numbers (widths, heading levels) are not text; every written string is in Thai digits.
    const text = JSON.stringify(model.blocks, (_k, v: unknown) => (typeof v === 'number' ? undefined : v));
    expect(text).toContain('ปัญหา อุปสรรค');
    expect(text).toContain(SUGGESTIONS);
    expect(text).not.toMatch(/[0-9]/);
  });

  it('lands a previous-year report on the next year\'s item (FY2565 anti-corruption report → FY2566 O38)', async () => {
    const spec: ReportSpec = { kind: 'anti-corruption-report', year: 2565, round: 12, role: 'anti-corruption-report' };
    const { view } = await t.services.reports.produce(SYSTEM_ACTOR, agencyId, spec, {
      problems: PROBLEMS,
      suggestions: SUGGESTIONS,
      projects: [{ name: 'โครงการอบรมคุณธรรมจริยธรรม', budget: 20000, spent: 18500, result: 'บุคลากรเข้าร่วม ๔๐ คน' }],
    });
    expect(view.attachedTo).toEqual(['2566:O38']);
    const o38 = await itemOf(2566, 'O38');
    expect(o38.evidence[0]!.periodFrom).toBe('2021-10-01');
    expect(o38.evidence[0]!.periodTo).toBe('2022-09-30');
    expect(o38.result.missing).toEqual([]);
  });

  it('passes the element checks of every report type it generates', async () => {
    const cases: [ReportSpec, unknown, string][] = [
      [{ kind: 'anti-corruption-plan', year: 2566, round: 0, role: 'anti-corruption-plan' }, { projects: [{ name: 'โครงการเสริมสร้างวัฒนธรรมองค์กร', budget: 15000, period: 'ตุลาคม ๒๕๖๕ – กันยายน ๒๕๖๖', unit: 'สำนักปลัด' }] }, '2566:O36'],
      [
        { kind: 'anti-corruption-report', year: 2566, round: 6, role: 'anti-corruption-progress-6m' },
        { problems: PROBLEMS, suggestions: SUGGESTIONS, projects: [{ name: 'โครงการเสริมสร้างวัฒนธรรมองค์กร', budget: 15000, spent: 5000, result: 'จัดอบรมแล้ว ๑ ครั้ง' }] },
        '2566:O37',
      ],
      [
        { kind: 'operating-plan-report', year: 2566, round: 6, role: 'progress-6m' },
        { problems: PROBLEMS, suggestions: SUGGESTIONS, projects: [{ name: 'ก่อสร้างถนน คสล. หมู่ ๓', budget: 450000, spent: 450000, result: 'แล้วเสร็จ' }] },
        '2566:O12',
      ],
      [
        { kind: 'operating-plan-report', year: 2565, round: 12, role: 'annual-report' },
        { problems: PROBLEMS, suggestions: SUGGESTIONS, projects: [{ name: 'ก่อสร้างถนน คสล. หมู่ ๓', budget: 450000, spent: 430000, result: 'แล้วเสร็จ' }] },
        '2566:O13',
      ],
      [{ kind: 'generic', year: 2565, round: 12, role: 'hr-report' }, { sections: { results: 'อบรมบุคลากร ๓ หลักสูตร ผู้เข้าร่วม ๔๕ คน' }, problems: PROBLEMS, suggestions: SUGGESTIONS }, '2566:O26'],
    ];
    for (const [spec, content, where] of cases) {
      const { view } = await t.services.reports.produce(SYSTEM_ACTOR, agencyId, spec, content);
      expect(view.attachedTo).toEqual([where]);
      const [y, code] = where.split(':') as [string, string];
      const item = await itemOf(Number(y), code);
      expect({ where, missing: item.result.missing }).toEqual({ where, missing: [] });
    }
  });

  it('attaches by role, not by code: the HR report of FY2568 lands on FY2569\'s hr-report item (O14, O26 in FY2566)', async () => {
    const { view } = await t.services.reports.produce(SYSTEM_ACTOR, agencyId, { kind: 'generic', year: 2568, round: 12, role: 'hr-report' }, {
      sections: { report: 'อบรมบุคลากร ๔ หลักสูตร ผู้เข้าร่วม ๕๒ คน' },
      problems: PROBLEMS,
      suggestions: SUGGESTIONS,
    });
    expect(view.attachedTo).toEqual(['2569:O14']);
    const o14 = await itemOf(2569, 'O14');
    const entry = o14.evidence.find((e) => e.source === 'tracking:generic')!;
    expect([entry.kind, entry.periodFrom, entry.periodTo, entry.file !== null]).toEqual(['generated', '2024-10-01', '2025-09-30', true]);
    // It claims every element of the item it landed on (the report has a field for each).
    expect(entry.elements).toEqual(['report', 'year']);
    expect(o14.result.missing).toEqual([]);
  }, 60_000);

  it('refuses a generic report with an empty section, naming the element', async () => {
    const e = await refusal(t.services.reports.produce(SYSTEM_ACTOR, agencyId, { kind: 'generic', year: 2566, round: 6, role: 'hr-policy-actions' }, { sections: {}, problems: PROBLEMS, suggestions: SUGGESTIONS }));
    expect(e.fieldErrors.map((f) => f.field)).toContain('sections.actions');
  });

  it('CLI: report measures writes DOCX, PDF and HTML; refuses a round without a saved report', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'report-cli-'));
    const err: string[] = [];
    const io = { out: () => undefined, err: (s: string) => err.push(s) };
    for (const ext of ['pdf', 'docx', 'html']) {
      const out = join(dir, `x.${ext}`);
      expect(await runReport(['measures', '--year', '2566', '--round', '6', '--agency', 'test-town', '--out', out], io, t.services)).toBe(0);
      expect(statSync(out).size).toBeGreaterThan(1000);
    }
    expect(readFileSync(join(dir, 'x.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    await expect(runReport(['measures', '--year', '2566', '--round', '12', '--agency', 'test-town', '--out', join(dir, 'y.pdf')], io, t.services)).rejects.toThrow('ยังไม่ได้จัดทำ');
  });
});
