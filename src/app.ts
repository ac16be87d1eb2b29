/**
 * The composition root: builds repositories and services from explicit dependencies and hands
 * each module's routes plugin only what it uses. No listen here — tests build the app and inject.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Config } from './config/index.js';
import type { Database } from './db/schema.js';
import type { Dialect } from './db/portable.js';
import { systemClock, type Clock } from './shared/clock.js';
import { registerPlatform } from './platform/http.js';
import { installErrorHandling } from './platform/error-handler.js';
import { setNavigation } from './platform/request-context.js';
import type { ModuleManifest } from './platform/module.js';
import type { NavEntry } from './ui/context.js';
import { agenciesService } from './modules/agencies/service.js';
import { usersService } from './modules/users/service.js';
import { setupService } from './modules/setup/service.js';
import { usersRoutes } from './modules/users/routes.js';
import { setupRoutes } from './modules/setup/routes.js';
import { homeRoutes } from './modules/home/routes.js';

export interface AppDeps {
  config: Config;
  db: Kysely<Database>;
  dialect: Dialect;
  clock?: Clock;
  /** Pino logger options, or false to silence (tests). */
  logger?: boolean | Record<string, unknown>;
}

export function createServices(deps: { db: Kysely<Database>; clock: Clock; config: Config }) {
  const agencies = agenciesService(deps);
  const users = usersService(deps);
  const setup = setupService({ db: deps.db, agencies, users });
  return { agencies, users, setup };
}
export type Services = ReturnType<typeof createServices>;

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const clock = deps.clock ?? systemClock;
  const { config, db } = deps;
  const app = Fastify({
    logger: deps.logger ?? { level: config.logLevel, redact: ['req.headers.cookie', 'req.headers.authorization'] },
    trustProxy: config.trustProxy,
    bodyLimit: 2 * 1024 * 1024,
  });
  const services = createServices({ db, clock, config });

  await registerPlatform(app, { config, users: services.users, agencies: services.agencies });
  installErrorHandling(app);

  const modules: ModuleManifest<any>[] = [
    { name: 'users', routes: usersRoutes, options: { config, users: services.users } },
    { name: 'setup', routes: setupRoutes, options: { config, setup: services.setup } },
  ];
  const nav: NavEntry[] = [{ href: '/admin', label: { th: 'ภาพรวม', en: 'Overview' } }, ...modules.flatMap((m) => m.nav ?? [])];
  setNavigation(nav);

  await app.register(homeRoutes, { agencies: services.agencies, users: services.users, dashboardLinks: () => nav });
  for (const m of modules) await app.register(m.routes, m.options);
  return app;
}
