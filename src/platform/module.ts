/**
 * What a module publishes to the app (STYLE.md convention 15). A module's `index.ts` exports a
 * function returning its manifest; the composition root (src/app.ts, `moduleManifests`) lists
 * the manifests once, and everything a module contributes is read from there: routes with their
 * options, staff navigation, the permissions it guards with, the Thai words for its audit codes,
 * the OIT evidence roles it produces and its part of the demo agency.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { NavEntry } from '../ui/context.js';
import type { OpenApiContribution } from './openapi/document.js';
import type { Msg } from '../ui/i18n.js';
import type { Permission } from '../shared/permissions.js';
import type { Actor } from './audit.js';
import type { SessionUser } from './identity.js';
import type { GaugeSource } from './observability.js';

/** Words for the audit codes a module writes (`oit.evidence.add` → "เพิ่มหลักฐาน"). */
export interface AuditLabels {
  /** action code → words, e.g. `'unit.create': { th: 'เพิ่มหน่วยงานย่อย', en: 'Unit added' }`. */
  actions?: Record<string, Msg>;
  /** entity type → words, e.g. `unit: { th: 'หน่วยงานย่อย', en: 'Unit' }`. */
  entities?: Record<string, Msg>;
  /** key inside an entry's details → words, e.g. `positionTh: { th: 'ตำแหน่ง', … }`. */
  details?: Record<string, Msg>;
  /**
   * entity type → state or kind codes found as values in its details → words, e.g.
   * `{ oit_item: { in_progress: { th: 'กำลังดำเนินการ', … } } }`. Scoped by entity because the
   * same code means different things in different modules (`done` of a request and of a measure).
   */
  values?: Record<string, Record<string, Msg>>;
}

/**
 * A card a module adds to the staff dashboard (/admin), e.g. the self-diagnosis prediction. Texts
 * are Thai with Arabic digits; the dashboard writes them in the agency's digits.
 */
export interface DashboardCard {
  /** Stable key: the card's `id` (`dashboard-card-{key}`), for tests and links. */
  key: string;
  title: string;
  figures: { label: string; value: string }[];
  /** Plain sentences under the figures (e.g. how uncertain a prediction is). */
  notes: string[];
  link: { href: string; label: string };
}

/** Where a dashboard card comes from: shown only to staff with `permission`; null → no card. */
export interface DashboardCardSource {
  permission: Permission;
  load: (agencyId: string) => Promise<DashboardCard | null>;
}

/** What a module's demo hook gets: the demo agency, its administrator and the demo results year. */
export interface DemoSeedContext {
  agencyId: string;
  agency: { id: string; slug: string; nameTh: string };
  admin: SessionUser;
  actor: Actor;
  /** The fiscal year of the demo's ITA results (the OIT workspace uses the same year). */
  resultsYear: number;
}

export interface ModuleManifest<Options extends Record<string, unknown> = Record<string, unknown>> {
  name: string;
  /** The routes plugin and what it is given (its services, config, clock …). */
  routes?: FastifyPluginAsync<Options>;
  options: Options;
  /** Staff navigation entries, in order, each guarded by a permission. */
  nav?: NavEntry[];
  /** Permissions this module guards its pages and use cases with (a test checks each is claimed). */
  permissions?: readonly Permission[];
  /** Thai (and English) words for the audit codes the module writes. */
  auditLabels?: AuditLabels;
  /** OIT item roles (catalogue `role` keys) whose evidence this module generates. */
  oitEvidenceRoles?: readonly string[];
  /**
   * Fills the module's part of the demo agency; hooks run in the order modules are listed. What a
   * hook returns (e.g. a one-time sign-in to print) is handed back under the module's name.
   */
  seedDemo?: (ctx: DemoSeedContext) => Promise<unknown>;
  /** The module's public JSON APIs, merged into the one OpenAPI document (GET /openapi.json). */
  openapi?: OpenApiContribution;
  /** Cards on the staff dashboard, in order, each guarded by a permission. */
  dashboardCards?: readonly DashboardCardSource[];
  /** Gauges for GET /metrics (counts by state, queue lengths): numbers only, never content. */
  gauges?: readonly GaugeSource[];
}

/** Thai words of a module's code table as audit words (English: the code, spaced). */
export const auditWords = (thai: Record<string, string>): Record<string, Msg> =>
  Object.fromEntries(Object.entries(thai).map(([code, th]) => [code, { th, en: code.replace(/[_-]/g, ' ') }]));

/** Helps TypeScript keep a manifest's options tied to its routes plugin. */
export const defineModule = <O extends Record<string, unknown>>(m: ModuleManifest<O>): ModuleManifest<O> => m;

/** Every module's audit words merged (a later module may not silently redefine a code). */
export function mergeAuditLabels(manifests: readonly Pick<ModuleManifest<any>, 'name' | 'auditLabels'>[]): Required<AuditLabels> {
  const merged: Required<AuditLabels> = { actions: {}, entities: {}, details: {}, values: {} };
  const put = (part: string, table: Record<string, Msg>, code: string, msg: Msg, module: string) => {
    const existing = table[code];
    if (existing && (existing.th !== msg.th || existing.en !== msg.en)) {
      throw new Error(`module ${module}: audit ${part} label "${code}" is already defined differently`);
    }
    table[code] = msg;
  };
  for (const m of manifests) {
    for (const part of ['actions', 'entities', 'details'] as const) {
      for (const [code, msg] of Object.entries(m.auditLabels?.[part] ?? {})) put(part, merged[part], code, msg, m.name);
    }
    for (const [entity, words] of Object.entries(m.auditLabels?.values ?? {})) {
      const table = (merged.values[entity] ??= {});
      for (const [code, msg] of Object.entries(words)) put(`values.${entity}`, table, code, msg, m.name);
    }
  }
  return merged;
}
