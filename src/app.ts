/**
 * The composition root: builds repositories and services from explicit dependencies and hands
 * each module's routes plugin only what it uses. No listen here — tests build the app and inject.
 */
import { createRequire } from 'node:module';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Config } from './config/index.js';
import type { Database } from './db/schema.js';
import type { Dialect } from './db/portable.js';
import { systemClock, todayInThailand, type Clock } from './shared/clock.js';
import { registerPlatform } from './platform/http.js';
import { loggerOptions } from './platform/log-redact.js';
import { installErrorHandling } from './platform/error-handler.js';
import { setNavigation } from './platform/request-context.js';
import type { ModuleManifest } from './platform/module.js';
import { buildOpenApiDocument, serveOpenApi, trackApiRoutes } from './platform/openapi/index.js';
import type { NavEntry } from './ui/context.js';
import { agenciesService } from './modules/agencies/service.js';
import { usersService } from './modules/users/service.js';
import { setupService } from './modules/setup/service.js';
import { usersRoutes } from './modules/users/routes.js';
import { setupRoutes } from './modules/setup/routes.js';
import { homeRoutes } from './modules/home/routes.js';
import { agenciesModule } from './modules/agencies/index.js';
import { usersAdminModule } from './modules/users/admin-routes.js';
import { auditModule, auditService } from './modules/audit/index.js';
import { catalogueModule, catalogueService, findOitItemByRole } from './modules/catalogue/index.js';
import { itaResultsModule, itaResultsService } from './modules/ita-results/index.js';
import { improvementService } from './modules/improvement/service.js';
import { latestPlansReader } from './modules/improvement/index.js';
import { improvementRoutes } from './modules/improvement/routes.js';
import { claimedCatalogueElements, documentsService } from './modules/documents/service.js';
import { documentsRoutes } from './modules/documents/routes.js';
import { DomainError } from './shared/errors.js';
import { SYSTEM_ACTOR } from './platform/audit.js';
import { fiscalYearOf, fiscalYearRange } from './shared/fiscal.js';
import { buildOverview } from './modules/home/build-overview.js';
import { fileStore } from './platform/file-store.js';
import { complaintsModule, complaintsServices, publishedComplaintStatistics } from './modules/complaints/index.js';
import { oitModule, oitProgressReader, oitService, attachGeneratedEvidence } from './modules/oit/index.js';
import { latestResultsReader } from './modules/ita-results/index.js';
import { bulkImport, deploymentModule, deploymentOverview, deploymentService, registerAgencyStatusGate } from './modules/deployment/index.js';
import { trackingModule, trackingService, reportService, countStates } from './modules/tracking/index.js';
import { calendarModule, calendarService } from './modules/calendar/index.js';
import { surveysModule, surveysService } from './modules/surveys/index.js';
import { eserviceReports, eservicesModule, eservicesService } from './modules/eservices/index.js';
import { readSystemStatus, registerObservability } from './platform/observability.js';

export interface AppDeps {
  config: Config;
  db: Kysely<Database>;
  dialect: Dialect;
  clock?: Clock;
  /** Pino logger options, or false to silence (tests). */
  logger?: boolean | Record<string, unknown>;
  /** PostgreSQL pool use for /metrics (from openDatabase). */
  poolStats?: () => { total: number; idle: number; waiting: number };
}

/** The release version, from package.json (one level above both src/ and dist/). */
export const APP_VERSION: string = (createRequire(import.meta.url)('../package.json') as { version: string }).version;

export function createServices(deps: { db: Kysely<Database>; clock: Clock; config: Config }) {
  const agencies = agenciesService(deps);
  const users = usersService(deps);
  const deployment = deploymentService({ db: deps.db, clock: deps.clock, publicBaseUrl: deps.config.publicBaseUrl, agencies, users });
  const setup = setupService({ db: deps.db, agencies, users, onFirstAdministrator: (tx, userId) => deployment.grantFirstAdministrator(userId, 'setup', tx) });
  const catalogues = catalogueService(deps);
  const results = itaResultsService({ db: deps.db, clock: deps.clock, catalogues, agencies });
  const unitNames = async (agencyId: string) => (await agencies.listUnits(agencyId)).map((u) => u.nameTh);
  // The plan and the document need "the analysis if there is one"; results says 404 when there is none.
  const analysisOrNone = async (agencyId: string, year: number) => {
    try {
      return (await results.analysisFor(agencyId, year)).analysis;
    } catch (error) {
      if (error instanceof DomainError && error.code === 'NOT_FOUND') return undefined;
      throw error;
    }
  };
  const getCatalogue = (year: number) => catalogues.requireCatalogue(year);
  // Set below, once the OIT service exists: the plan module only announces that a plan was saved.
  let publishMeasures: (agencyId: string, resultsYear: number, targetYear: number) => Promise<void> = async () => {};
  const plans = improvementService({
    db: deps.db,
    clock: deps.clock,
    getCatalogue,
    analysisFor: analysisOrNone,
    unitNames,
    onPlanPublished: (a, r, t) => publishMeasures(a, r, t),
  });
  const documents = documentsService({
    getAgency: agencies.getAgency,
    getCatalogue,
    analysisFor: analysisOrNone,
    getPlan: plans.getPlan,
    unitNames,
    today: () => todayInThailand(deps.clock),
  });
  const files = fileStore(deps);
  const oit = oitService({ ...deps, files, agencies, users, catalogue: catalogues.getCatalogue, catalogueYears: async () => (await catalogues.listYears()).map((y) => y.fiscalYear) });
  const tracking = trackingService({ db: deps.db, clock: deps.clock, files, listUnits: agencies.listUnits, getPlan: plans.getPlan });
  const reports = reportService({
    db: deps.db,
    clock: deps.clock,
    files,
    tracking,
    getAgency: agencies.getAgency,
    getCatalogue: catalogues.getCatalogue,
    attach: (...args) => attachGeneratedEvidence(oit, ...args),
    publicBaseUrl: deps.config.publicBaseUrl,
  });
  publishMeasures = async (agencyId, resultsYear, targetYear) => {
    // The published plan's rows become the tracked measures of its target year.
    await tracking.syncFromPlanOf(SYSTEM_ACTOR, agencyId, resultsYear);
    // The measures document of results year N is evidence for OIT item "มาตรการส่งเสริมคุณธรรมฯ" of year N+1.
    const catalogue = await catalogues.getCatalogue(targetYear);
    const item = catalogue ? findOitItemByRole(catalogue, 'measures') : undefined;
    if (!item) return;
    const agency = await agencies.getAgency(agencyId);
    // The document claims the elements its own structure check proves, so the item does not wait
    // for an officer to confirm what the system wrote.
    const model = await documents.measuresModel(agencyId, resultsYear);
    const elements = claimedCatalogueElements(model, item.elements);
    const range = fiscalYearRange(targetYear);
    await oit.attachGenerated(agencyId, targetYear, item.code, {
      source: 'measures-document',
      sourceRef: String(resultsYear),
      title: `มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. ${targetYear}`,
      url: `${deps.config.publicBaseUrl}/a/${agency.slug}/ita/${resultsYear}/measures`,
      periodFrom: range.from,
      periodTo: range.to,
      elements,
    });
  };
  const calendar = calendarService({
    db: deps.db,
    clock: deps.clock,
    publicBaseUrl: deps.config.publicBaseUrl,
    ...(deps.config.reminders?.mail ? { mail: deps.config.reminders.mail } : {}),
    ...(deps.config.reminders?.line ? { line: deps.config.reminders.line } : {}),
    leadDays: deps.config.reminders?.leadDays ?? 14,
    listAgencies: agencies.listAgencies,
    getAgency: agencies.getAgency,
    getCatalogue: catalogues.getCatalogue,
    itemFacts: async (agencyId, year) => {
      if (!(await catalogues.getCatalogue(year))?.oitItems.length) return [];
      const view = await oit.loadYear(agencyId, year, { withPeople: false });
      return view.items.map((i) => ({ code: i.code, done: i.status === 'published' || i.result.complete }));
    },
    measureFacts: async (agencyId, year) =>
      (await tracking.listMeasures(agencyId, year)).map((m) => ({
        id: m.id,
        titleTh: m.titleTh,
        unitId: m.unitId,
        finished: m.status === 'done' || m.status === 'cancelled',
        reportedOn: [...m.notes.map((n) => n.createdAt), ...m.evidence.map((e) => e.createdAt)],
      })),
    listUsers: users.listUsers,
    summary: {
      scores: async (agencyId) => (await results.listYears(agencyId)).map((y) => ({ year: y.fiscalYear, score: y.officialScore ?? y.computedTotal, level: y.officialLevel ?? y.computedLevel })),
      passMark: async (agencyId, year) => (await analysisOrNone(agencyId, year))?.passMark ?? null,
      readiness: async (agencyId, year) => {
        if (!(await catalogues.getCatalogue(year))?.oitItems.length) return null;
        const view = await oit.loadYear(agencyId, year, { withPeople: false });
        return { year, percent: view.readiness, complete: view.items.filter((i) => i.result.complete).length, total: view.items.length };
      },
      measures: async (agencyId, year) => countStates(await tracking.listMeasures(agencyId, year), todayInThailand(deps.clock)),
      // Called at request time, after the complaints services below exist.
      complaints: async (agencyId, year) => {
        const s = await publishedComplaintStatistics(complaints, agencyId, year, '12-month');
        return s.none ? null : { total: s.total, completed: s.completed, inProgress: s.inProgress };
      },
      defaultYear: async (agencyId) => {
        const current = fiscalYearOf(todayInThailand(deps.clock));
        return (await tracking.listYears(agencyId)).find((y) => y <= current) ?? current;
      },
    },
  });
  const overview = buildOverview({
    resultYears: (agencyId) => results.listYears(agencyId),
    passGap: async (agencyId, year) => {
      const a = await analysisOrNone(agencyId, year);
      return a ? { gapToPass: a.gapToPass, passMark: a.passMark } : null;
    },
    planRows: async (agencyId, year) => (await plans.getPlan(agencyId, year))?.rows.length ?? null,
    oitYears: () => oit.catalogueYears(),
    oitReadiness: async (agencyId, year) => (await oit.readinessReport(agencyId, year)).readiness,
    today: () => todayInThailand(deps.clock),
  });
  const complaintsAt = (clock: Clock) =>
    complaintsServices({
      db: deps.db,
      clock,
      serverSecret: deps.config.sessionSecret,
      dataDir: deps.config.dataDir,
      publicBaseUrl: deps.config.publicBaseUrl,
      agencies,
      listUsers: users.listUsers,
      attach: (...args) => attachGeneratedEvidence(oit, ...args),
      getCatalogue: catalogues.getCatalogue,
    });
  const complaints = complaintsAt(deps.clock);
  const deploymentViews = deploymentOverview({
    clock: deps.clock,
    requireGrant: deployment.requireGrant,
    sources: {
      listAgencies: agencies.listAgenciesWhere,
      latestResults: latestResultsReader(deps.db, () => catalogues.allCatalogues()),
      oitProgress: oitProgressReader(deps.db, async (year) => (await catalogues.getCatalogue(year))?.oitItems.length ?? 0),
      latestPlans: latestPlansReader(deps.db),
    },
  });
  const deploymentImport = bulkImport({ db: deps.db, clock: deps.clock, agencies, results, requireGrant: deployment.requireGrant });
  const surveys = surveysService({ db: deps.db, clock: deps.clock, secret: deps.config.sessionSecret });
  const eserviceReporting = eserviceReports({
    db: deps.db,
    clock: deps.clock,
    files,
    surveys,
    getAgency: agencies.getAgency,
    evidence: { oit, getCatalogue: catalogues.getCatalogue },
    publicBaseUrl: deps.config.publicBaseUrl,
  });
  const eservices = eservicesService({
    db: deps.db,
    clock: deps.clock,
    files,
    surveys,
    // The public E-Service page is the E-Service item's evidence once a service is on.
    onPublicPageChanged: async (agencyId) => void (await eserviceReporting.attachPublicPage(agencyId)),
  });
  return { agencies, users, setup, catalogues, results, plans, documents, unitNames, files, oit, overview, tracking, reports, calendar, deployment, deploymentViews, bulkImport: deploymentImport, complaints, complaintsAt, surveys, eservices, eserviceReports: eserviceReporting };
}
export type Services = ReturnType<typeof createServices>;

/** Proxy hops to trust for the client address: TRUST_PROXY_HOPS, 1 for TRUST_PROXY=true alone, else none. */
export const trustedHops = (config: Pick<Config, 'trustProxy' | 'trustProxyHops'>): number | false =>
  config.trustProxy ? Math.max(1, config.trustProxyHops ?? 1) : false;

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const clock = deps.clock ?? systemClock;
  const { config, db } = deps;
  const app = Fastify({
    logger: deps.logger === false || deps.logger === true ? deps.logger : loggerOptions(deps.logger ?? { level: config.logLevel }),
    // One line per request from the observability hook instead (route pattern, status, time):
    // Fastify's own lines carry the URL with its query string.
    logController: new LogController({ disableRequestLogging: true }),
    // A number of hops, never `true`: with `true` any client-sent X-Forwarded-For would become
    // the client address (and the per-address sign-in limit would trust it).
    trustProxy: trustedHops(config) === false ? false : (_address: string, hop: number) => hop < (trustedHops(config) as number),
    bodyLimit: 2 * 1024 * 1024,
  });
  const services = createServices({ db, clock, config });

  await registerObservability(app, {
    db,
    dataDir: config.dataDir,
    version: APP_VERSION,
    ...(config.metricsToken ? { metricsToken: config.metricsToken } : {}),
    ...(deps.poolStats ? { poolStats: deps.poolStats } : {}),
    gauges: [
      { name: 'prongsai_agencies', help: 'Agencies on this deployment.', collect: async () => [{ value: await services.agencies.countAgencies() }] },
    ],
  });
  await registerPlatform(app, { config, users: services.users, agencies: services.agencies, deploymentRoles: services.deployment });
  installErrorHandling(app);
  registerAgencyStatusGate(app, { findBySlug: services.agencies.findBySlug });

  const modules: ModuleManifest<any>[] = [
    { name: 'users', routes: usersRoutes, options: { config, users: services.users } },
    { name: 'setup', routes: setupRoutes, options: { config, setup: services.setup } },
    agenciesModule({ agencies: services.agencies }),
    usersAdminModule({ users: services.users, units: services.agencies, config }),
    auditModule({ audit: auditService({ db }) }),
    itaResultsModule({ results: services.results, catalogues: services.catalogues }),
    catalogueModule({ catalogues: services.catalogues }),
    {
      name: 'improvement',
      nav: [{ href: '/admin/plan', label: { th: 'แผนปรับปรุง', en: 'Improvement plan' }, permission: 'results.view' }],
      routes: improvementRoutes,
      options: {
        plans: services.plans,
        unitNames: services.unitNames,
        resultsYears: async (agencyId: string) => (await services.results.listYears(agencyId)).map((y) => y.fiscalYear),
      },
    },
    { name: 'documents', routes: documentsRoutes, options: { documents: services.documents, agencies: services.agencies } },
    oitModule({ oit: services.oit, files: services.files, clock }),
    complaintsModule({ complaints: services.complaints, agencies: services.agencies, clock, publicBaseUrl: config.publicBaseUrl }),
    trackingModule({ tracking: services.tracking, reports: services.reports, agencies: services.agencies, files: services.files }),
    calendarModule({ calendar: services.calendar }),
    deploymentModule({
      config,
      deployment: services.deployment,
      overview: services.deploymentViews,
      bulkImport: services.bulkImport,
      systemStatus: () => readSystemStatus({ db, dataDir: config.dataDir, version: APP_VERSION, dialect: deps.dialect }),
    }),
    eservicesModule({
      eservices: services.eservices,
      reports: services.eserviceReports,
      files: services.files,
      clock,
      agencyBySlug: services.agencies.findBySlug,
      listUsers: services.users.listUsers,
      listUnits: services.agencies.listUnits,
      publicBaseUrl: config.publicBaseUrl,
    }),
    surveysModule({ surveys: services.surveys, agencyBySlug: services.agencies.findBySlug }),
  ];
  const nav: NavEntry[] = [{ href: '/admin', label: { th: 'ภาพรวม', en: 'Overview' } }, ...modules.flatMap((m) => m.nav ?? [])];
  setNavigation(nav);

  // Built before any route so a module contributing a conflicting description stops start-up.
  const openapi = buildOpenApiDocument(modules.flatMap((m) => (m.openapi ? [m.openapi] : [])));
  trackApiRoutes(app);
  serveOpenApi(app, openapi);
  await app.register(homeRoutes, { agencies: services.agencies, users: services.users, dashboardLinks: () => nav, overview: services.overview });
  for (const m of modules) await app.register(m.routes, m.options);
  return app;
}
