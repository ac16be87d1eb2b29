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
export type { Catalogue, Indicator, OitItem, Question, Tool, ToolCode } from './domain/schema.js';

export function catalogueModule(deps: { catalogues: CatalogueService }) {
  return defineModule({
    name: 'catalogue',
    nav: [{ href: '/admin/catalogue', label: { th: 'แคตตาล็อก ITA', en: 'ITA catalogue' } }],
    routes: catalogueRoutes,
    options: { catalogues: deps.catalogues },
  });
}
