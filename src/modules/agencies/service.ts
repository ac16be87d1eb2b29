/** Use cases of the agencies module. Each change is audited in the same transaction. */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { AgenciesDb } from './tables.js';
import { narrowDb, type SharedTransaction } from '../../db/narrow.js';
import type { Clock } from '../../shared/clock.js';
import { notFound, validationError } from '../../shared/errors.js';
import { writeAudit, writeAuditMany, type Actor } from '../../platform/audit.js';
import { agenciesRepository } from './repository.js';
import type { AgencyRow, ExecutiveRow, UnitRow } from './tables.js';
import { agencyTypeLabel, isAgencyStatus, type Agency, type AgencyStatus, type Executive, type Unit } from './domain/agency.js';
import type { AgencyProfileInput, ExecutiveInput, NewAgencyInput } from './schemas.js';

export function toAgency(row: AgencyRow): Agency {
  return {
    id: row.id,
    slug: row.slug,
    nameTh: row.name_th,
    nameEn: row.name_en,
    type: row.agency_type,
    typeLabelTh: agencyTypeLabel(row.agency_type),
    province: row.province,
    address: row.address,
    phone: row.phone,
    email: row.email,
    websiteUrl: row.website_url,
    digits: row.digits === 'arabic' ? 'arabic' : 'thai',
    isDemo: Number(row.is_demo) === 1,
    status: isAgencyStatus(row.status) ? row.status : 'active',
    hostName: row.host_name,
  };
}
const toUnit = (r: UnitRow): Unit => ({ id: r.id, nameTh: r.name_th, sortOrder: r.sort_order });
const toExecutive = (r: ExecutiveRow): Executive => ({
  id: r.id,
  kind: r.kind === 'permanent' ? 'permanent' : 'political',
  nameTh: r.name_th,
  positionTh: r.position_th,
  phone: r.phone,
  email: r.email,
  photoFileId: r.photo_file_id,
  sortOrder: r.sort_order,
});

export interface AgenciesDeps {
  db: Kysely<AgenciesDb>;
  clock: Clock;
}

export function agenciesService({ db, clock }: AgenciesDeps) {
  const repo = agenciesRepository(db);
  const now = () => clock.now().toISOString();

  async function requireAgency(id: string): Promise<Agency> {
    const row = await repo.findById(id);
    if (!row) throw notFound('ไม่พบหน่วยงาน');
    return toAgency(row);
  }

  // Listeners told after an agency row changed (the tenant resolver's cache): called once the
  // write is done, so a request in between cannot cache the old row again.
  const changeListeners: (() => void)[] = [];
  const changed = <T>(value: T): T => {
    for (const listener of changeListeners) listener();
    return value;
  };

  return {
    getAgency: requireAgency,
    onChange: (listener: () => void): void => void changeListeners.push(listener),
    findBySlug: async (slug: string): Promise<Agency | undefined> => {
      const row = await repo.findBySlug(slug);
      return row ? toAgency(row) : undefined;
    },
    listAgencies: async (): Promise<Agency[]> => (await repo.list()).map(toAgency),
    /** Agencies of one province and/or type (all when no filter), by name: one query. */
    listAgenciesWhere: async (filter: { province?: string; type?: string } = {}): Promise<Agency[]> => (await repo.listWhere(filter)).map(toAgency),
    findByHost: async (hostName: string): Promise<Agency | undefined> => {
      const row = await repo.findByHost(hostName.toLowerCase());
      return row ? toAgency(row) : undefined;
    },

    /** Suspends, archives or reactivates an agency; audited in the agency's own log. */
    async setStatus(actor: Actor, agencyId: string, status: AgencyStatus): Promise<Agency> {
      return changed(await db.transaction().execute(async (tx) => {
        const r = agenciesRepository(tx);
        const row = await r.findById(agencyId);
        if (!row) throw notFound('ไม่พบหน่วยงาน');
        await r.update(agencyId, { status, updated_at: now() });
        await writeAudit(tx, clock, actor, { agencyId, action: 'agency.status', entityType: 'agency', entityId: agencyId, details: { from: row.status, status } });
        return toAgency((await r.findById(agencyId))!);
      }));
    },
    countAgencies: () => repo.count(),

    /** Creates an agency with its first units. Used by first-run setup, the demo and provincial admins. */
    async createAgency(actor: Actor, input: NewAgencyInput, unitNames: string[], opts: { isDemo?: boolean; hostName?: string | null; db?: SharedTransaction } = {}): Promise<Agency> {
      const run = async (tx: Kysely<AgenciesDb>) => {
        const r = agenciesRepository(tx);
        if (await r.findBySlug(input.slug)) {
          throw validationError('ชื่อย่อในลิงก์นี้ถูกใช้แล้ว', [{ field: 'slug', message: `ชื่อย่อ "${input.slug}" ถูกใช้โดยหน่วยงานอื่นแล้ว` }]);
        }
        const hostName = opts.hostName ? opts.hostName.toLowerCase() : null;
        if (hostName && (await r.findByHost(hostName))) {
          throw validationError('ชื่อโฮสต์นี้ถูกใช้แล้ว', [{ field: 'host', message: `ชื่อโฮสต์ "${hostName}" ถูกใช้โดยหน่วยงานอื่นแล้ว` }]);
        }
        const id = randomUUID();
        const ts = now();
        await r.insert({
          id,
          slug: input.slug,
          name_th: input.nameTh,
          name_en: input.nameEn,
          agency_type: input.type,
          province: input.province,
          address: input.address,
          phone: input.phone,
          email: input.email,
          website_url: input.websiteUrl,
          digits: input.digits,
          is_demo: opts.isDemo ? 1 : 0,
          status: 'active',
          host_name: hostName,
          created_at: ts,
          updated_at: ts,
        });
        let order = 0;
        for (const name of [...new Set(unitNames.map((n) => n.trim()).filter(Boolean))]) {
          await r.insertUnit({ id: randomUUID(), agency_id: id, name_th: name, sort_order: order++, created_at: ts, updated_at: ts });
        }
        await writeAudit(tx, clock, actor, { agencyId: id, action: 'agency.create', entityType: 'agency', entityId: id, details: { name: input.nameTh, slug: input.slug } });
        return toAgency((await r.findById(id))!);
      };
      return changed(opts.db ? await run(narrowDb<AgenciesDb>(opts.db)) : await db.transaction().execute(run));
    },

    /**
     * Creates many agencies inside the caller's transaction (the deployment's bulk import): the
     * caller has checked slugs against existing agencies; batched inserts, one audit entry each.
     */
    async createAgenciesBulk(
      actor: Actor,
      inputs: readonly { slug: string; nameTh: string; type: string; province: string }[],
      unitNames: readonly string[],
      sharedTx: SharedTransaction,
    ): Promise<Map<string, string>> {
      const tx = narrowDb<AgenciesDb>(sharedTx);
      const ts = now();
      const ids = new Map(inputs.map((i) => [i.slug, randomUUID()]));
      const r = agenciesRepository(tx);
      await r.insertMany(
        inputs.map((i) => ({
          id: ids.get(i.slug)!,
          slug: i.slug,
          name_th: i.nameTh,
          name_en: null,
          agency_type: i.type,
          province: i.province,
          address: null,
          phone: null,
          email: null,
          website_url: null,
          digits: 'thai',
          is_demo: 0,
          status: 'active',
          host_name: null,
          created_at: ts,
          updated_at: ts,
        })),
      );
      await r.insertUnitsMany(
        inputs.flatMap((i) => unitNames.map((name, order) => ({ id: randomUUID(), agency_id: ids.get(i.slug)!, name_th: name, sort_order: order, created_at: ts, updated_at: ts }))),
      );
      await writeAuditMany(
        tx,
        clock,
        actor,
        inputs.map((i) => ({ agencyId: ids.get(i.slug)!, action: 'agency.create', entityType: 'agency', entityId: ids.get(i.slug)!, details: { name: i.nameTh, slug: i.slug, bulk: true } })),
      );
      return changed(ids);
    },

    async updateProfile(actor: Actor, agencyId: string, input: AgencyProfileInput): Promise<Agency> {
      return changed(await db.transaction().execute(async (tx) => {
        const r = agenciesRepository(tx);
        if (!(await r.findById(agencyId))) throw notFound('ไม่พบหน่วยงาน');
        await r.update(agencyId, {
          name_th: input.nameTh,
          name_en: input.nameEn,
          agency_type: input.type,
          province: input.province,
          address: input.address,
          phone: input.phone,
          email: input.email,
          website_url: input.websiteUrl,
          digits: input.digits,
          updated_at: now(),
        });
        await writeAudit(tx, clock, actor, { agencyId, action: 'agency.update', entityType: 'agency', entityId: agencyId, details: { ...input } });
        return toAgency((await r.findById(agencyId))!);
      }));
    },

    listUnits: async (agencyId: string): Promise<Unit[]> => (await repo.listUnits(agencyId)).map(toUnit),

    async addUnit(actor: Actor, agencyId: string, nameTh: string, sortOrder: number): Promise<Unit> {
      return db.transaction().execute(async (tx) => {
        const r = agenciesRepository(tx);
        if ((await r.listUnits(agencyId)).some((u) => u.name_th === nameTh)) {
          throw validationError('มีหน่วยงานย่อยชื่อนี้แล้ว', [{ field: 'nameTh', message: `มีหน่วยงานย่อยชื่อ "${nameTh}" แล้ว` }]);
        }
        const ts = now();
        const row: UnitRow = { id: randomUUID(), agency_id: agencyId, name_th: nameTh, sort_order: sortOrder, created_at: ts, updated_at: ts };
        await r.insertUnit(row);
        await writeAudit(tx, clock, actor, { agencyId, action: 'unit.create', entityType: 'unit', entityId: row.id, details: { nameTh } });
        return toUnit(row);
      });
    },

    async getUnit(agencyId: string, unitId: string): Promise<Unit> {
      const row = (await repo.listUnits(agencyId)).find((u) => u.id === unitId);
      if (!row) throw notFound('ไม่พบหน่วยงานย่อย');
      return toUnit(row);
    },

    /** Renames a unit or changes its order; the name stays unique within the agency. */
    async updateUnit(actor: Actor, agencyId: string, unitId: string, nameTh: string, sortOrder: number): Promise<Unit> {
      return db.transaction().execute(async (tx) => {
        const r = agenciesRepository(tx);
        const units = await r.listUnits(agencyId);
        const unit = units.find((u) => u.id === unitId);
        if (!unit) throw notFound('ไม่พบหน่วยงานย่อย');
        if (units.some((u) => u.id !== unitId && u.name_th === nameTh)) {
          throw validationError('มีหน่วยงานย่อยชื่อนี้แล้ว', [{ field: 'nameTh', message: `มีหน่วยงานย่อยชื่อ "${nameTh}" แล้ว` }]);
        }
        await r.updateUnit(agencyId, unitId, nameTh, sortOrder, now());
        await writeAudit(tx, clock, actor, { agencyId, action: 'unit.update', entityType: 'unit', entityId: unitId, details: { from: unit.name_th, nameTh, sortOrder } });
        return { id: unitId, nameTh, sortOrder };
      });
    },

    async removeUnit(actor: Actor, agencyId: string, unitId: string): Promise<void> {
      await db.transaction().execute(async (tx) => {
        const r = agenciesRepository(tx);
        const unit = (await r.listUnits(agencyId)).find((u) => u.id === unitId);
        if (!unit) throw notFound('ไม่พบหน่วยงานย่อย');
        await r.deleteUnit(agencyId, unitId);
        await writeAudit(tx, clock, actor, { agencyId, action: 'unit.delete', entityType: 'unit', entityId: unitId, details: { nameTh: unit.name_th } });
      });
    },

    listExecutives: async (agencyId: string): Promise<Executive[]> => (await repo.listExecutives(agencyId)).map(toExecutive),

    async getExecutive(agencyId: string, id: string): Promise<Executive> {
      const row = (await repo.listExecutives(agencyId)).find((e) => e.id === id);
      if (!row) throw notFound('ไม่พบข้อมูลผู้บริหาร');
      return toExecutive(row);
    },

    /** Adds an executive; inside the caller's transaction when given one (OIT: photo + executive + item in one). */
    async addExecutive(actor: Actor, agencyId: string, input: ExecutiveInput, photoFileId: string | null = null, sharedTx?: SharedTransaction): Promise<Executive> {
      const run = async (tx: Kysely<AgenciesDb>) => {
        const ts = now();
        const row: ExecutiveRow = {
          id: randomUUID(),
          agency_id: agencyId,
          kind: input.kind,
          name_th: input.nameTh,
          position_th: input.positionTh,
          phone: input.phone,
          email: input.email,
          photo_file_id: photoFileId,
          sort_order: input.sortOrder,
          created_at: ts,
          updated_at: ts,
        };
        await agenciesRepository(tx).insertExecutive(row);
        await writeAudit(tx, clock, actor, { agencyId, action: 'executive.create', entityType: 'executive', entityId: row.id, details: { ...input } });
        return toExecutive(row);
      };
      return sharedTx ? run(narrowDb<AgenciesDb>(sharedTx)) : db.transaction().execute(run);
    },

    /** Changes an executive; inside the caller's transaction when given one. */
    async updateExecutive(actor: Actor, agencyId: string, id: string, input: ExecutiveInput, photoFileId?: string | null, sharedTx?: SharedTransaction): Promise<void> {
      const run = async (tx: Kysely<AgenciesDb>) => {
        const n = await agenciesRepository(tx).updateExecutive(agencyId, id, {
          kind: input.kind,
          name_th: input.nameTh,
          position_th: input.positionTh,
          phone: input.phone,
          email: input.email,
          sort_order: input.sortOrder,
          ...(photoFileId !== undefined ? { photo_file_id: photoFileId } : {}),
          updated_at: now(),
        });
        if (n === 0) throw notFound('ไม่พบข้อมูลผู้บริหาร');
        await writeAudit(tx, clock, actor, { agencyId, action: 'executive.update', entityType: 'executive', entityId: id, details: { ...input } });
      };
      await (sharedTx ? run(narrowDb<AgenciesDb>(sharedTx)) : db.transaction().execute(run));
    },

    async removeExecutive(actor: Actor, agencyId: string, id: string): Promise<void> {
      await db.transaction().execute(async (tx) => {
        const r = agenciesRepository(tx);
        const gone = (await r.listExecutives(agencyId)).find((e) => e.id === id);
        const n = await r.deleteExecutive(agencyId, id);
        if (n === 0) throw notFound('ไม่พบข้อมูลผู้บริหาร');
        // The name goes into the log: after the delete it is the only record of who was removed.
        await writeAudit(tx, clock, actor, { agencyId, action: 'executive.delete', entityType: 'executive', entityId: id, details: { nameTh: gone?.name_th, positionTh: gone?.position_th } });
      });
    },
  };
}
export type AgenciesService = ReturnType<typeof agenciesService>;

