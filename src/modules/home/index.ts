/** The landing page, the agency's public home and the staff dashboard with its overview. */
import { defineModule } from '../../platform/module.js';
import { homeRoutes, type HomeRoutesOptions } from './routes.js';

export { buildOverview, type OverviewDeps } from './build-overview.js';
export type { AgencyOverview, OverviewSource } from './overview.js';

export const homeModule = (options: HomeRoutesOptions) => defineModule({ name: 'home', routes: homeRoutes, options });
