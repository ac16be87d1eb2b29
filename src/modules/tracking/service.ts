/**
 * Tracked measures: every row of the published improvement plan and every driving measure
 * becomes a measure of the target year that unit staff update (status, progress notes, outputs,
 * indicators, evidence incl. photos through the file store) and the coordinator oversees.
 *
 * Who may change a measure: staff with `plan.edit` (coordinators) any measure; staff with
 * `measures.update` only the measures of their own unit.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Clock } from '../../shared/clock.js';
import { todayInThailand } from '../../shared/clock.js';
import { forbidden, notFound, validationError } from '../../shared/errors.js';
import { zodToFieldErrors } from '../../shared/zod-errors.js';
import { can } from '../../shared/permissions.js';
import { fiscalYearRange } from '../../shared/fiscal.js';
import { writeAudit, actorOf, type Actor } from '../../platform/audit.js';
import { IMAGE_KINDS, DOCUMENT_KINDS, type FileStore, type StagedFile, type StoredFile } from '../../platform/file-store.js';
import type { ImprovementPlan } from '../improvement/index.js';
import type { Unit } from '../agencies/index.js';
import type { User } from '../users/domain/user.js';
import { trackingRepository } from './repository.js';
import type { TrackedMeasureRow } from './tables.js';
import { MEASURE_STATUSES, type MeasureStatus, type TrackedMeasure } from './domain/types.js';
import { evidenceInputSchema, measureUpdateSchema } from './schemas.js';

export interface TrackingDeps {
  db: Kysely<Database>;
  clock: Clock;
  files: FileStore;
  listUnits: (agencyId: string) => Promise<Unit[]>;
  /** The saved improvement plan drafted from the results of `resultsYear` (improvement module). */
  getPlan: (agencyId: string, resultsYear: number) => Promise<ImprovementPlan | undefined>;
}

const parseList = (json: string): string[] => {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.map(String) : [];
  } catch {
    return [];
  }
};
const asStatus = (s: string): MeasureStatus => ((MEASURE_STATUSES as readonly string[]).includes(s) ? (s as MeasureStatus) : 'not_started');

export function trackingService(deps: TrackingDeps) {
  const { db, clock, files } = deps;
  const repo = trackingRepository(db);
  const now = () => clock.now().toISOString();

  async function load(agencyId: string, year: number): Promise<TrackedMeasure[]> {
    const rows = await repo.listMeasures(agencyId, year);
    const ids = rows.map((r) => r.id);
    const [notes, evidence] = await Promise.all([repo.listNotes(agencyId, ids), repo.listEvidence(agencyId, ids)]);
    return rows.map((r) => ({
      id: r.id,
      fiscalYear: Number(r.fiscal_year),
      sourceKind: r.source_kind === 'driving' ? 'driving' : 'plan-row',
      sourceRef: r.source_ref,
      order: Number(r.sort_order),
      titleTh: r.title_th,
      activities: parseList(r.activities),
      unitId: r.unit_id,
      unitName: r.unit_name,
      responsiblePerson: r.responsible_person,
      plannedFrom: r.planned_from,
      plannedTo: r.planned_to,
      status: asStatus(r.status),
      doneOn: r.done_on,
      outputsTh: r.outputs_th,
      indicatorsTh: r.indicators_th,
      updatedAt: r.updated_at,
      notes: notes.filter((n) => n.measure_id === r.id).map((n) => ({ id: n.id, noteTh: n.note_th, status: asStatus(n.status), authorName: n.author_name, createdAt: n.created_at })),
      evidence: evidence
        .filter((e) => e.measure_id === r.id)
        .map((e) => ({ id: e.id, kind: e.kind === 'photo' ? 'photo' : e.kind === 'link' ? 'link' : 'file', title: e.title, url: e.url, fileId: e.file_id, createdAt: e.created_at })),
    }));
  }

  const manages = (user: User) => can(user.roles, 'plan.edit');
  function mayUpdate(user: User, m: Pick<TrackedMeasureRow, 'unit_id'>): boolean {
    if (manages(user)) return true;
    return can(user.roles, 'measures.update') && !!user.unitId && user.unitId === m.unit_id;
  }

  async function editable(user: User, measureId: string): Promise<TrackedMeasureRow> {
    const row = await repo.findMeasure(user.agencyId, measureId);
    if (!row) throw notFound('ไม่พบมาตรการนี้');
    if (!mayUpdate(user, row)) throw forbidden('ท่านแก้ไขได้เฉพาะมาตรการของหน่วยงานของท่าน ผู้ประสานงาน ITA แก้ไขได้ทุกมาตรการ');
    return row;
  }

  const service = {
    manages,
    mayUpdate: (user: User, m: { unitId: string | null }) => mayUpdate(user, { unit_id: m.unitId }),
    listMeasures: load,
    listYears: (agencyId: string) => repo.listYears(agencyId),
    async getMeasure(agencyId: string, measureId: string): Promise<TrackedMeasure> {
      const row = await repo.findMeasure(agencyId, measureId);
      if (!row) throw notFound('ไม่พบมาตรการนี้');
      return (await load(agencyId, Number(row.fiscal_year))).find((m) => m.id === measureId)!;
    },

    /**
     * Makes the plan's rows and driving measures tracked measures of its target year. Existing
     * measures keep their progress; their title, unit and activities follow the plan. Measures whose
     * plan row is gone are removed only if nobody has reported on them yet.
     */
    async syncFromPlan(actor: Actor, agencyId: string, plan: ImprovementPlan): Promise<{ created: number; updated: number; removed: number }> {
      const units = await deps.listUnits(agencyId);
      const unitId = (name: string) => units.find((u) => u.nameTh === name)?.id ?? null;
      const year = plan.targetYear;
      const range = fiscalYearRange(year);
      const wanted = [
        ...plan.rows.map((r, i) => ({
          kind: 'plan-row' as const,
          ref: r.id,
          order: i + 1,
          title: r.weaknessTh,
          activities: r.steps,
          unit: r.responsibleUnit,
          to: r.twelveMonthDue && r.twelveMonthDue <= range.to ? r.twelveMonthDue : range.to,
        })),
        ...plan.drivingMeasures.map((m, i) => ({
          kind: 'driving' as const,
          ref: String(m.order || i + 1),
          order: plan.rows.length + i + 1,
          title: m.titleTh,
          activities: m.detailTh ? [m.detailTh] : [],
          unit: units[0]?.nameTh ?? '',
          to: range.to,
        })),
      ];
      return db.transaction().execute(async (tx) => {
        const r = trackingRepository(tx);
        const existing = await r.listMeasures(agencyId, year);
        const ts = now();
        let created = 0;
        let updated = 0;
        let removed = 0;
        for (const w of wanted) {
          const found = existing.find((e) => e.source_kind === w.kind && e.source_ref === w.ref);
          const fields = { sort_order: w.order, title_th: w.title, activities: JSON.stringify(w.activities), unit_name: w.unit, unit_id: unitId(w.unit), updated_at: ts };
          if (found) {
            await r.updateMeasure(agencyId, found.id, fields);
            updated++;
          } else {
            await r.insertMeasure({ id: randomUUID(), agency_id: agencyId, fiscal_year: year, source_kind: w.kind, source_ref: w.ref, responsible_person: '', planned_from: range.from, planned_to: w.to, status: 'not_started', done_on: null, outputs_th: '', indicators_th: '', updated_by: actor.userId, created_at: ts, ...fields });
            created++;
          }
        }
        for (const e of existing) {
          if (wanted.some((w) => w.kind === e.source_kind && w.ref === e.source_ref)) continue;
          if ((await r.countActivity(agencyId, e.id)) === 0 && e.status === 'not_started') {
            await r.deleteMeasure(agencyId, e.id);
            removed++;
          }
        }
        await writeAudit(tx, clock, actor, { agencyId, action: 'measures.sync', entityType: 'tracked_measures', entityId: String(year), details: { year, created, updated, removed } });
        return { created, updated, removed };
      });
    },

    /** Saves a measure's state and, when given, a progress note (kept with the status at that time). */
    async updateMeasure(user: User, measureId: string, raw: unknown): Promise<void> {
      const row = await editable(user, measureId);
      const parsed = measureUpdateSchema.safeParse(raw);
      if (!parsed.success) throw validationError('กรุณาตรวจสอบข้อมูลของมาตรการ', zodToFieldErrors(parsed.error));
      const v = parsed.data;
      const actor = actorOf(user);
      await db.transaction().execute(async (tx) => {
        const r = trackingRepository(tx);
        const ts = now();
        await r.updateMeasure(user.agencyId, row.id, {
          status: v.status,
          activities: JSON.stringify(v.activities),
          responsible_person: v.responsiblePerson,
          planned_from: v.plannedFrom,
          planned_to: v.plannedTo,
          done_on: v.status === 'done' ? v.doneOn : null,
          outputs_th: v.outputsTh,
          indicators_th: v.indicatorsTh,
          updated_by: user.id || null,
          updated_at: ts,
        });
        if (v.note) await r.insertNote({ id: randomUUID(), agency_id: user.agencyId, measure_id: row.id, note_th: v.note, status: v.status, created_by: user.id || null, author_name: user.displayName, created_at: ts });
        await writeAudit(tx, clock, actor, { agencyId: user.agencyId, action: 'measures.update', entityType: 'tracked_measure', entityId: row.id, details: { status: v.status, note: v.note || undefined } });
      });
    },

    /** Adds evidence: a link, a document, or a photo of the activity (images only). */
    async addEvidence(user: User, measureId: string, raw: unknown, staged?: StagedFile, opts: { photo?: boolean } = {}): Promise<string> {
      try {
        const row = await editable(user, measureId);
        const parsed = evidenceInputSchema.safeParse(raw);
        if (!parsed.success) throw validationError('กรุณาตรวจสอบหลักฐาน', zodToFieldErrors(parsed.error));
        const { title, url } = parsed.data;
        if (!staged && !url) throw validationError('กรุณาแนบไฟล์ ภาพถ่าย หรือใส่ลิงก์', [{ field: 'file', message: 'กรุณาแนบไฟล์ ภาพถ่าย หรือใส่ลิงก์' }]);
        if (staged && opts.photo && !IMAGE_KINDS.includes(staged.kind)) throw validationError('ภาพกิจกรรมต้องเป็นไฟล์รูปภาพ', [{ field: 'file', message: 'ภาพกิจกรรมต้องเป็นไฟล์รูปภาพ (PNG, JPEG, GIF, WebP)' }]);
        if (staged && !DOCUMENT_KINDS.includes(staged.kind)) throw validationError('ไม่รองรับไฟล์ชนิดนี้');
        const actor = actorOf(user);
        return await db.transaction().execute(async (tx) => {
          const id = randomUUID();
          const file = staged ? await files.record(tx, actor, staged) : undefined;
          const kind = staged ? (IMAGE_KINDS.includes(staged.kind) ? 'photo' : 'file') : 'link';
          await trackingRepository(tx).insertEvidence({ id, agency_id: user.agencyId, measure_id: row.id, kind, title, url: url || null, file_id: file?.id ?? null, created_by: user.id || null, created_at: now() });
          if (row.status === 'not_started') await trackingRepository(tx).updateMeasure(user.agencyId, row.id, { status: 'in_progress', updated_at: now() });
          await writeAudit(tx, clock, actor, { agencyId: user.agencyId, action: 'measures.evidence', entityType: 'measure_evidence', entityId: id, details: { measureId: row.id, kind, title } });
          return id;
        });
      } catch (error) {
        await files.discard(staged);
        throw error;
      }
    },

    /** A stored evidence file, for any signed-in staff member of the agency. */
    async evidenceFile(agencyId: string, evidenceId: string): Promise<StoredFile> {
      const ev = await repo.findEvidence(agencyId, evidenceId);
      const file = ev?.file_id ? await files.get(agencyId, ev.file_id) : undefined;
      if (!file) throw notFound('ไม่พบไฟล์');
      return file;
    },

    today: () => todayInThailand(clock),

    /** Syncs from the saved plan of `resultsYear` (its measures are carried out in the next year). */
    async syncFromPlanOf(actor: Actor, agencyId: string, resultsYear: number) {
      const plan = await deps.getPlan(agencyId, resultsYear);
      if (!plan) throw notFound(`ยังไม่มีแผนปรับปรุงจากผลการประเมินปี ${resultsYear} กรุณาจัดทำแผนก่อน`);
      return service.syncFromPlan(actor, agencyId, plan);
    },
  };
  return service;
}
export type TrackingService = ReturnType<typeof trackingService>;
