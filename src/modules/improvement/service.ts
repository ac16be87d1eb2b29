/**
 * Use cases of the improvement plan: draft it from the analysis, edit rows, replace it from an
 * edited workbook, and read it for the measures document. Every change is audited.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { ImprovementDb } from './tables.js';
import type { Clock } from '../../shared/clock.js';
import { notFound, validationError } from '../../shared/errors.js';
import { writeAudit, type Actor } from '../../platform/audit.js';
import type { Catalogue } from '../catalogue/index.js';
import type { Analysis } from '../ita-results/index.js';
import { improvementRepository } from './repository.js';
import type { PlanRowRow } from './tables.js';
import type { DrivingMeasure, ImprovementPlan, PlanRow, PlanRowSource } from './domain/types.js';
import { draftPlan, defaultDrivingMeasures } from './domain/draft-plan.js';
import { validatePlan, validatePlanRow, type PlanRowEdit } from './domain/plan-validation.js';
import { planFromXlsx, planToXlsx } from './domain/plan-xlsx.js';
import { UNIT_KINDS, UNIT_KIND_LABELS, type UnitKind } from './domain/issue-phrases.js';
import { unitOfKind } from './domain/draft-plan.js';

/** One kind of work, the unit the agency chose for it (or null) and the unit a draft uses now. */
export interface UnitDefaultView {
  kind: UnitKind;
  labelTh: string;
  chosen: string | null;
  effective: string | null;
}

export interface ImprovementDeps {
  db: Kysely<ImprovementDb>;
  clock: Clock;
  getCatalogue: (year: number) => Promise<Catalogue>;
  analysisFor: (agencyId: string, year: number) => Promise<Analysis | undefined>;
  unitNames: (agencyId: string) => Promise<string[]>;
  /** Told when a plan is drafted or replaced, so the published document reaches its OIT item. */
  onPlanPublished?: (agencyId: string, resultsYear: number, targetYear: number) => Promise<void>;
}

const parseList = (json: string): string[] => {
  const v: unknown = JSON.parse(json);
  return Array.isArray(v) ? v.map(String) : [];
};

function toPlanRow(r: PlanRowRow): PlanRow {
  const source: PlanRowSource =
    r.source_kind === 'indicator' || r.source_kind === 'question' || r.source_kind === 'oit'
      ? { kind: r.source_kind, code: r.source_code ?? '' }
      : { kind: 'manual' };
  return {
    id: r.id,
    order: r.sort_order,
    source,
    weaknessTh: r.weakness_th,
    steps: parseList(r.steps),
    responsibleUnit: r.responsible_unit,
    monitoring: parseList(r.monitoring),
    sixMonthDue: r.six_month_due,
    twelveMonthDue: r.twelve_month_due,
  };
}

export function improvementService(deps: ImprovementDeps) {
  const { db, clock } = deps;
  const now = () => clock.now().toISOString();

  async function readPlan(tx: Kysely<ImprovementDb>, agencyId: string, resultsYear: number): Promise<(ImprovementPlan & { id: string; updatedAt: string }) | undefined> {
    const repo = improvementRepository(tx);
    const plan = await repo.findPlan(agencyId, resultsYear);
    if (!plan) return undefined;
    const rows = (await repo.listRows(agencyId, plan.id)).map(toPlanRow);
    const drivingMeasures: DrivingMeasure[] = (await repo.listMeasures(agencyId, plan.id)).map((m) => ({ order: m.sort_order, titleTh: m.title_th, detailTh: m.detail_th }));
    return { id: plan.id, updatedAt: plan.updated_at, resultsYear: plan.results_year, targetYear: plan.target_year, rows, drivingMeasures };
  }

  async function writeContent(tx: Kysely<ImprovementDb>, agencyId: string, planId: string, plan: ImprovementPlan): Promise<void> {
    const repo = improvementRepository(tx);
    const ts = now();
    await repo.deleteRows(agencyId, planId);
    await repo.deleteMeasures(agencyId, planId);
    for (const [i, row] of plan.rows.entries()) {
      await repo.insertRow({
        id: row.id || randomUUID(),
        agency_id: agencyId,
        plan_id: planId,
        sort_order: i + 1,
        source_kind: row.source.kind,
        source_code: row.source.code ?? null,
        weakness_th: row.weaknessTh,
        steps: JSON.stringify(row.steps),
        responsible_unit: row.responsibleUnit,
        monitoring: JSON.stringify(row.monitoring),
        six_month_due: row.sixMonthDue,
        twelve_month_due: row.twelveMonthDue,
        created_at: ts,
        updated_at: ts,
      });
    }
    for (const [i, m] of plan.drivingMeasures.entries()) {
      await repo.insertMeasure({ id: randomUUID(), agency_id: agencyId, plan_id: planId, sort_order: i + 1, title_th: m.titleTh, detail_th: m.detailTh, created_at: ts, updated_at: ts });
    }
  }

  async function requirePlan(tx: Kysely<ImprovementDb>, agencyId: string, resultsYear: number) {
    const plan = await readPlan(tx, agencyId, resultsYear);
    if (!plan) throw notFound(`ยังไม่มีแผนปรับปรุงจากผลการประเมินปี ${resultsYear}`);
    return plan;
  }

  async function unitChoices(agencyId: string): Promise<Partial<Record<UnitKind, string>>> {
    const rows = await improvementRepository(db).listUnitDefaults(agencyId);
    return Object.fromEntries(rows.filter((r) => (UNIT_KINDS as string[]).includes(r.kind)).map((r) => [r.kind, r.unit_name]));
  }

  return {
    getPlan: (agencyId: string, resultsYear: number) => readPlan(db, agencyId, resultsYear),

    /** The responsible unit per kind of work that drafts use: the agency's choice, else the unit whose name fits. */
    async unitDefaults(agencyId: string): Promise<UnitDefaultView[]> {
      const [units, chosen] = await Promise.all([deps.unitNames(agencyId), unitChoices(agencyId)]);
      return UNIT_KINDS.map((kind) => ({
        kind,
        labelTh: UNIT_KIND_LABELS[kind],
        chosen: chosen[kind] && units.includes(chosen[kind]!) ? chosen[kind]! : null,
        effective: unitOfKind(kind, units, chosen) ?? null,
      }));
    },

    /**
     * Saves the agency's unit for each kind of work (form fields named by kind; empty = automatic).
     * Every value must be one of the agency's units; nothing is saved when one is not.
     */
    async saveUnitDefaults(actor: Actor, agencyId: string, raw: Record<string, unknown>): Promise<void> {
      const units = await deps.unitNames(agencyId);
      const choices: [UnitKind, string][] = [];
      const errors: { field: string; message: string }[] = [];
      for (const kind of UNIT_KINDS) {
        const value = typeof raw[kind] === 'string' ? (raw[kind] as string).trim() : '';
        if (!value) continue;
        if (!units.includes(value)) errors.push({ field: kind, message: `${UNIT_KIND_LABELS[kind]}: "${value}" ไม่ใช่หน่วยงานภายในของหน่วยงานนี้` });
        else choices.push([kind, value]);
      }
      if (errors.length) throw validationError('เลือกหน่วยงานผู้รับผิดชอบจากรายชื่อหน่วยงานภายในเท่านั้น', errors);
      await db.transaction().execute(async (tx) => {
        const repo = improvementRepository(tx);
        const ts = now();
        for (const [kind, unit] of choices) {
          await repo.upsertUnitDefault({ id: randomUUID(), agency_id: agencyId, kind, unit_name: unit, updated_by: actor.userId, created_at: ts, updated_at: ts });
        }
        await writeAudit(tx, clock, actor, { agencyId, action: 'plan.units', entityType: 'improvement_plan', entityId: agencyId, details: Object.fromEntries(choices.map(([kind, unit]) => [UNIT_KIND_LABELS[kind], unit])) });
      });
    },

    /** Drafts (or re-drafts, replacing rows) the plan from the analysis of `resultsYear`. */
    async draft(actor: Actor, agencyId: string, resultsYear: number): Promise<ImprovementPlan> {
      const analysis = await deps.analysisFor(agencyId, resultsYear);
      if (!analysis) throw notFound(`ยังไม่มีผลการประเมินปีงบประมาณ ${resultsYear} กรุณาบันทึกผลก่อนจัดทำแผน`);
      const catalogue = await deps.getCatalogue(resultsYear);
      const [units, unitByKind] = await Promise.all([deps.unitNames(agencyId), unitChoices(agencyId)]);
      const drafted = draftPlan(analysis, catalogue, { units, unitByKind });
      drafted.drivingMeasures = defaultDrivingMeasures(drafted.targetYear);
      return db.transaction().execute(async (tx) => {
        const repo = improvementRepository(tx);
        let plan = await repo.findPlan(agencyId, resultsYear);
        const ts = now();
        if (!plan) {
          await repo.insertPlan({ id: randomUUID(), agency_id: agencyId, results_year: resultsYear, target_year: drafted.targetYear, updated_by: actor.userId, created_at: ts, updated_at: ts });
          plan = (await repo.findPlan(agencyId, resultsYear))!;
        } else {
          await repo.touchPlan(agencyId, plan.id, actor.userId, ts);
        }
        await writeContent(tx, agencyId, plan.id, drafted);
        await writeAudit(tx, clock, actor, { agencyId, action: 'plan.draft', entityType: 'improvement_plan', entityId: plan.id, details: { resultsYear, rows: drafted.rows.length } });
        return (await readPlan(tx, agencyId, resultsYear))!;
      }).then(async (saved) => {
        await deps.onPlanPublished?.(agencyId, resultsYear, saved.targetYear);
        return saved;
      });
    },

    /** Validates and saves one row (new when `rowId` is null). */
    async saveRow(actor: Actor, agencyId: string, resultsYear: number, rowId: string | null, input: unknown): Promise<PlanRow> {
      const units = await deps.unitNames(agencyId);
      return db.transaction().execute(async (tx) => {
        const plan = await requirePlan(tx, agencyId, resultsYear);
        const checked = validatePlanRow(input, { units, targetYear: plan.targetYear });
        if (!checked.ok) throw validationError('กรุณาตรวจสอบข้อมูลในแถวของแผน', checked.errors);
        const v: PlanRowEdit = checked.value;
        const repo = improvementRepository(tx);
        const ts = now();
        const fields = {
          weakness_th: v.weaknessTh,
          steps: JSON.stringify(v.steps),
          responsible_unit: v.responsibleUnit,
          monitoring: JSON.stringify(v.monitoring),
          six_month_due: v.sixMonthDue,
          twelve_month_due: v.twelveMonthDue,
          updated_at: ts,
        };
        let id = rowId;
        if (id) {
          if ((await repo.updateRow(agencyId, plan.id, id, fields)) === 0) throw notFound('ไม่พบแถวนี้ในแผน');
        } else {
          id = randomUUID();
          await repo.insertRow({ id, agency_id: agencyId, plan_id: plan.id, sort_order: plan.rows.length + 1, source_kind: 'manual', source_code: null, created_at: ts, ...fields });
        }
        await repo.touchPlan(agencyId, plan.id, actor.userId, ts);
        await writeAudit(tx, clock, actor, { agencyId, action: rowId ? 'plan.row_update' : 'plan.row_create', entityType: 'plan_row', entityId: id, details: { ...v } });
        return toPlanRow((await repo.listRows(agencyId, plan.id)).find((r) => r.id === id)!);
      });
    },

    async deleteRow(actor: Actor, agencyId: string, resultsYear: number, rowId: string): Promise<void> {
      await db.transaction().execute(async (tx) => {
        const plan = await requirePlan(tx, agencyId, resultsYear);
        const repo = improvementRepository(tx);
        if ((await repo.deleteRow(agencyId, plan.id, rowId)) === 0) throw notFound('ไม่พบแถวนี้ในแผน');
        // Keep the order dense so the document numbers rows 1…n.
        const rest = await repo.listRows(agencyId, plan.id);
        for (const [i, r] of rest.entries()) if (r.sort_order !== i + 1) await repo.updateRow(agencyId, plan.id, r.id, { sort_order: i + 1 });
        await repo.touchPlan(agencyId, plan.id, actor.userId, now());
        await writeAudit(tx, clock, actor, { agencyId, action: 'plan.row_delete', entityType: 'plan_row', entityId: rowId });
      });
    },

    async exportXlsx(agencyId: string, resultsYear: number): Promise<Buffer> {
      const plan = await requirePlan(db, agencyId, resultsYear);
      return planToXlsx(plan, await deps.unitNames(agencyId));
    },

    /** Replaces the plan's rows and measures from an edited workbook; all-or-nothing. */
    async importXlsx(actor: Actor, agencyId: string, resultsYear: number, buffer: Buffer): Promise<ImprovementPlan> {
      const units = await deps.unitNames(agencyId);
      const current = await requirePlan(db, agencyId, resultsYear);
      const parsed = await planFromXlsx(buffer, units, current.targetYear);
      if (!parsed.ok) throw validationError('ไฟล์แผนปรับปรุงไม่ถูกต้อง ยังไม่ได้บันทึกข้อมูลใด ๆ', parsed.errors);
      const errors = validatePlan(parsed.plan, units);
      if (errors.length > 0) throw validationError('ไฟล์แผนปรับปรุงไม่ถูกต้อง ยังไม่ได้บันทึกข้อมูลใด ๆ', errors);
      return db.transaction().execute(async (tx) => {
        await writeContent(tx, agencyId, current.id, { ...parsed.plan, resultsYear, targetYear: current.targetYear });
        await improvementRepository(tx).touchPlan(agencyId, current.id, actor.userId, now());
        await writeAudit(tx, clock, actor, { agencyId, action: 'plan.import', entityType: 'improvement_plan', entityId: current.id, details: { rows: parsed.plan.rows.length } });
        return (await readPlan(tx, agencyId, resultsYear))!;
      });
    },

    async saveMeasures(actor: Actor, agencyId: string, resultsYear: number, measures: DrivingMeasure[]): Promise<void> {
      // Indices name the form's slots, so errors are computed before empty slots are dropped.
      const errors = measures.flatMap((m, i) =>
        !m.titleTh.trim() && m.detailTh.trim() ? [{ field: `measures.${i}.titleTh`, message: `มาตรการข้อ ${i + 1}: ต้องระบุชื่อมาตรการ` }] : [],
      );
      const cleaned = measures.filter((m) => m.titleTh.trim());
      if (errors.length) throw validationError('กรุณาตรวจสอบมาตรการขับเคลื่อน', errors);
      await db.transaction().execute(async (tx) => {
        const plan = await requirePlan(tx, agencyId, resultsYear);
        await writeContent(tx, agencyId, plan.id, { ...plan, drivingMeasures: cleaned.map((m, i) => ({ ...m, order: i + 1 })) });
        await writeAudit(tx, clock, actor, { agencyId, action: 'plan.measures_update', entityType: 'improvement_plan', entityId: plan.id, details: { count: cleaned.length } });
      });
    },
  };
}
export type ImprovementService = ReturnType<typeof improvementService>;
