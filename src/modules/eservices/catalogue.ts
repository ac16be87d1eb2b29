/**
 * The e-service catalogue: templates an agency switches on, its own copies with their settings
 * and validated request form, and the enabled ones citizens see. Part of the e-services use
 * cases (service.ts spreads these into its own); every call takes the agency id.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { EservicesDb, ServiceRow } from './tables.js';
import type { Clock } from '../../shared/clock.js';
import { notFound, validationError, type FieldError } from '../../shared/errors.js';
import { zodToFieldErrors } from '../../shared/zod-errors.js';
import { writeAudit, type Actor } from '../../platform/audit.js';
import type { SurveysService } from '../surveys/index.js';
import { eservicesRepository } from './repository.js';
import { formDefinitionSchema, type FormField } from './domain/fields.js';
import type { Category } from './domain/states.js';
import { SERVICE_TEMPLATES, templateByKey } from './domain/templates.js';
import { serviceSettingsSchema } from './schemas.js';
import { SATISFACTION_FORM } from './satisfaction.js';

export interface Service {
  id: string;
  category: Category;
  templateKey: string | null;
  nameTh: string;
  descriptionTh: string;
  documentsTh: string;
  feeTh: string;
  timeLimitDays: number;
  unitId: string | null;
  purposeTh: string;
  retentionDays: number;
  enabled: boolean;
  fields: FormField[];
}

export const parse = <T>(s: string, fallback: T): T => {
  try {
    return JSON.parse(s) as T;
  } catch {
    return fallback;
  }
};

export const toService = (r: ServiceRow): Service => ({
  id: r.id,
  category: r.category as Category,
  templateKey: r.template_key,
  nameTh: r.name_th,
  descriptionTh: r.description_th,
  documentsTh: r.documents_th,
  feeTh: r.fee_th,
  timeLimitDays: Number(r.time_limit_days),
  unitId: r.unit_id,
  purposeTh: r.purpose_th,
  retentionDays: Number(r.retention_days),
  enabled: Number(r.enabled) === 1,
  fields: parse<FormField[]>(r.fields, []),
});

export interface CatalogueDeps {
  db: Kysely<EservicesDb>;
  clock: Clock;
  surveys: SurveysService;
  /** Called after the set of public services changes (the public page attaches itself as evidence). */
  onPublicPageChanged?: (agencyId: string) => Promise<void>;
}

/** The agency's service, or 404. */
export async function requireService(db: Kysely<EservicesDb>, agencyId: string, id: string): Promise<ServiceRow> {
  const row = await eservicesRepository(db).findService(agencyId, id);
  if (!row) throw notFound('ไม่พบงานบริการ');
  return row;
}

export function eserviceCatalogue(deps: CatalogueDeps) {
  const { db, clock, surveys } = deps;
  const repo = eservicesRepository(db);
  const now = () => clock.now().toISOString();
  const satisfactionForm = (tx: Kysely<EservicesDb>, agencyId: string) => surveys.ensureForm(tx, agencyId, SATISFACTION_FORM);
  const serviceRow = (agencyId: string, id: string) => requireService(db, agencyId, id);

  const service = {
    templates: () => SERVICE_TEMPLATES,

    async listServices(agencyId: string): Promise<Service[]> {
      return (await repo.listServices(agencyId)).map(toService);
    },
    async publicServices(agencyId: string): Promise<Service[]> {
      return (await repo.listServices(agencyId, { enabledOnly: true })).map(toService);
    },
    async getService(agencyId: string, id: string): Promise<Service> {
      return toService(await serviceRow(agencyId, id));
    },
    async publicService(agencyId: string, id: string): Promise<Service> {
      const s = toService(await serviceRow(agencyId, id));
      if (!s.enabled) throw notFound('ไม่พบงานบริการ หรือหน่วยงานปิดรับคำขอทางออนไลน์แล้ว');
      return s;
    },

    /** Switches a template on: the agency gets its own copy, enabled, to edit. */
    async enableTemplate(actor: Actor, agencyId: string, templateKey: string, opts: { unitId?: string | null } = {}): Promise<Service> {
      const t = templateByKey(templateKey);
      if (!t) throw notFound('ไม่พบแม่แบบงานบริการ');
      const id = randomUUID();
      const at = now();
      await db.transaction().execute(async (tx) => {
        const r = eservicesRepository(tx);
        await r.insertService({
          id,
          agency_id: agencyId,
          category: t.category,
          template_key: t.key,
          name_th: t.nameTh,
          description_th: t.descriptionTh,
          documents_th: t.documentsTh,
          fee_th: t.feeTh,
          time_limit_days: t.timeLimitDays,
          unit_id: opts.unitId ?? null,
          purpose_th: t.purposeTh,
          retention_days: t.retentionDays,
          enabled: 1,
          fields: JSON.stringify(t.fields),
          sort_order: (await r.listServices(agencyId)).length,
          created_at: at,
          updated_at: at,
        });
        await satisfactionForm(tx, agencyId);
        await writeAudit(tx, clock, actor, { agencyId, action: 'eservice.service.enable', entityType: 'eservice_service', entityId: id, details: { template: t.key } });
      });
      await deps.onPublicPageChanged?.(agencyId);
      return service.getService(agencyId, id);
    },

    /** Saves a service's settings and form; the form definition is validated as a whole. */
    async updateService(actor: Actor, agencyId: string, id: string, settings: unknown, fields: unknown): Promise<Service> {
      await serviceRow(agencyId, id);
      const errors: FieldError[] = [];
      const s = serviceSettingsSchema.safeParse(settings);
      if (!s.success) errors.push(...zodToFieldErrors(s.error));
      const f = formDefinitionSchema.safeParse(fields);
      if (!f.success) errors.push(...zodToFieldErrors(f.error).map((e) => ({ ...e, field: e.field ? `fields.${e.field}` : 'fields' })));
      if (!s.success || !f.success) throw validationError('ข้อมูลงานบริการไม่ถูกต้อง', errors);
      const v = s.data;
      await db.transaction().execute(async (tx) => {
        await eservicesRepository(tx).updateService(agencyId, id, {
          name_th: v.nameTh,
          category: v.category,
          description_th: v.descriptionTh,
          documents_th: v.documentsTh,
          fee_th: v.feeTh,
          time_limit_days: v.timeLimitDays,
          retention_days: v.retentionDays,
          purpose_th: v.purposeTh,
          unit_id: v.unitId,
          enabled: v.enabled ? 1 : 0,
          fields: JSON.stringify(f.data),
          updated_at: now(),
        });
        await writeAudit(tx, clock, actor, { agencyId, action: 'eservice.service.update', entityType: 'eservice_service', entityId: id, details: { name: v.nameTh, enabled: v.enabled, fields: f.data.length } });
      });
      await deps.onPublicPageChanged?.(agencyId);
      return service.getService(agencyId, id);
    },
  };
  return service;
}
