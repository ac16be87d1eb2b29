/**
 * The catalogue module's manifest and the only file other modules import: the service (read a
 * year's catalogue with `getCatalogue`, never the shipped files directly), its types and the
 * routes plugin.
 */
import { defineModule } from '../../platform/module.js';
import { catalogueRoutes } from './routes.js';
import type { CatalogueService } from './service.js';

export { catalogueService, countUnverified, catalogueKindOf } from './service.js';
export type { CatalogueService, CatalogueSummary, CatalogueEntry, CatalogueFileKind, CatalogueSourceKind } from './service.js';
export type { Catalogue, Indicator, OitItem, OitPeriod, Question, Tool, ToolCode } from './domain/schema.js';
// OIT item roles: find "the item with role X in year N" whatever its code that year.
export { findOitItemByRole, isOitRole, OIT_ROLES, OIT_ROLE_LABELS, periodCheckFor } from './domain/roles.js';
export type { OitRole } from './domain/roles.js';

export function catalogueModule(deps: { catalogues: CatalogueService }) {
  return defineModule({
    name: 'catalogue',
    nav: [{ href: '/admin/catalogue', label: { th: 'แคตตาล็อก ITA', en: 'ITA catalogue' } }],
    routes: catalogueRoutes,
    options: { catalogues: deps.catalogues },
  });
}
