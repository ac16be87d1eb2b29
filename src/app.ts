/**
 * The composition root: builds repositories and services from explicit dependencies, lists the
 * modules once (`moduleManifests`) and registers what each contributes. Adding a module means
 * adding its manifest to that one list. No listen here — tests build the app and inject.
 */
import { createRequire } from 'node:module';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Config } from './config/index.js';
import type { Dialect } from './db/portable.js';
import { moduleDb } from './database.js';
import { systemClock, todayInThailand, type Clock } from './shared/clock.js';
import { registerPlatform } from './platform/http.js';
import { loggerOptions } from './platform/log-redact.js';
import { installErrorHandling } from './platform/error-handler.js';
import { mergeAuditLabels, type DashboardCardSource, type ModuleManifest } from './platform/module.js';
import type { NavEntry } from './ui/context.js';
import { buildOpenApiDocument, serveOpenApi, trackApiRoutes } from './platform/openapi/index.js';
import { SYSTEM_ACTOR } from './platform/audit.js';
import { fileStore } from './platform/file-store.js';
import { trackRoutes } from './platform/route-table.js';
import { DomainError } from './shared/errors.js';
import { agenciesModule, agenciesService, type AgenciesDb } from './modules/agencies/index.js';
import { usersModule, usersAdminModule, usersService, type UsersDb } from './modules/users/index.js';
import { setupModule, setupService } from './modules/setup/index.js';
import { homeModule, buildOverview } from './modules/home/index.js';
import { auditLabeller, auditModule, auditService, type AuditLabeller } from './modules/audit/index.js';
import { catalogueModule, catalogueService, type CatalogueDb } from './modules/catalogue/index.js';
import { analyze, itaResultsModule, itaResultsService, latestResultsReader, type ItaResultsDb } from './modules/ita-results/index.js';
import { improvementModule, improvementService, latestPlansReader, type ImprovementDb } from './modules/improvement/index.js';
import { documentsModule, documentsService, type DocumentsDb } from './modules/documents/index.js';
import { oitModule, oitProgressReader, oitService, type OitDb } from './modules/oit/index.js';
import type { PlatformTables } from './platform/tables.js';
import { trackingModule, trackingService, reportService, countStates, latestMeasuresReportsReader, type TrackingDb } from './modules/tracking/index.js';
import { calendarModule, calendarService, mailer, pushLine, type CalendarDb } from './modules/calendar/index.js';
import { installTenantScope, registerTenantResolver } from './platform/tenant.js';
import { agencyUnavailable, bulkImport, deploymentModule, deploymentOverview, deploymentService, registerAgencyStatusGate, type DeploymentDb } from './modules/deployment/index.js';
import { fiscalYearOf } from './shared/fiscal.js';
import { surveysModule, surveysService, type SurveysDb } from './modules/surveys/index.js';
import { citizenNotifier, eserviceReports, eservicesModule, eservicesService, seedDemoEservices, type EservicesDb } from './modules/eservices/index.js';
import { readSystemStatus, registerObservability } from './platform/observability.js';
import { qaModule, qaService, type QaDb } from './modules/qa/index.js';
import { participationModule, participationService, seedDemoParticipation, type ParticipationDb } from './modules/participation/index.js';
import { selfdiagModule, selfdiagService, seedDemoSelfdiag, type SelfdiagDb } from './modules/selfdiag/index.js';
import { jobCountsByState } from './platform/jobs.js';
import { procurementModule, procurementService, type ProcurementDb } from './modules/procurement/index.js';
import { oitWatchModule, oitWatchService, type OitWatchDb } from './modules/oit-watch/index.js';
import { complaintsModule, complaintsServices, publishedComplaintStatistics, registerStaffTwoFactorGate, seedDemoComplaints, type ComplaintsDb } from './modules/complaints/index.js';

export interface AppDeps {
  config: Config;
  db: Kysely<any>;
  dialect: Dialect;
  clock?: Clock;
  /** Pino logger options, or false to silence (tests). */
  logger?: boolean | Record<string, unknown>;
  /** PostgreSQL pool use for /metrics (from openDatabase). */
  poolStats?: () => { total: number; idle: number; waiting: number };
}

/** The release version, from package.json (one level above both src/ and dist/). */
export const APP_VERSION: string = (createRequire(import.meta.url)('../package.json') as { version: string }).version;

export function createServices(deps: { db: Kysely<any>; clock: Clock; config: Config }) {
  const { db, clock, config } = deps;
  const agencies = agenciesService({ db: moduleDb<AgenciesDb>(db), clock });
  const users = usersService({ db: moduleDb<UsersDb>(db), clock, agencyIdBySlug: async (slug) => (await agencies.findBySlug(slug))?.id });
  const deployment = deploymentService({ db: moduleDb<DeploymentDb>(db), clock, publicBaseUrl: config.publicBaseUrl, agencies, users });
  // Setup runs one transaction across agencies, users and deployment; each narrows it to its own tables.
  const setup = setupService({ db, agencies, users, onFirstAdministrator: (tx, userId) => deployment.grantFirstAdministrator(userId, 'setup', tx) });
  const catalogues = catalogueService({ db: moduleDb<CatalogueDb>(db), clock });
  const results = itaResultsService({ db: moduleDb<ItaResultsDb>(db), clock, catalogues, agencies });
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
  const files = fileStore({ db: moduleDb<PlatformTables>(db), clock, config });
  const oit = oitService({
    db: moduleDb<OitDb>(db),
    clock,
    config,
    files,
    agencies,
    users,
    catalogue: catalogues.getCatalogue,
    catalogueYears: async () => (await catalogues.listYears()).map((y) => y.fiscalYear),
  });
  // Set below, once documents exists: the plan module only announces that a plan was saved.
  let onPlanPublished: (agencyId: string, resultsYear: number) => Promise<void> = async () => {};
  const plans = improvementService({
    db: moduleDb<ImprovementDb>(db),
    clock,
    getCatalogue,
    analysisFor: analysisOrNone,
    unitNames,
    onPlanPublished: (a, r) => onPlanPublished(a, r),
  });
  const documents = documentsService({
    getAgency: agencies.getAgency,
    getCatalogue,
    analysisFor: analysisOrNone,
    getPlan: plans.getPlan,
    unitNames,
    today: () => todayInThailand(clock),
    listExecutives: agencies.listExecutives,
    publicBaseUrl: config.publicBaseUrl,
    attachEvidence: (agencyId, year, role, evidence) => oit.attachGeneratedByRole(agencyId, year, role, evidence),
    db: moduleDb<DocumentsDb>(db),
    clock,
  });
  const tracking = trackingService({ db: moduleDb<TrackingDb>(db), clock, files, listUnits: agencies.listUnits, getPlan: plans.getPlan });
  const reports = reportService({
    db: moduleDb<TrackingDb>(db),
    clock,
    files,
    tracking,
    getAgency: agencies.getAgency,
    getCatalogue: catalogues.getCatalogue,
    attachByRole: oit.attachGeneratedByRole,
    publicBaseUrl: config.publicBaseUrl,
    isPublished: (agencyId, year, code) => oit.isPublished(agencyId, year, code),
  });
  onPlanPublished = async (agencyId, resultsYear) => {
    // The published plan's rows become the tracked measures of its target year…
    await tracking.syncFromPlanOf(SYSTEM_ACTOR, agencyId, resultsYear);
    // …and its measures document OIT evidence (which year and which item: documents decides).
    await documents.publishMeasures(agencyId, resultsYear);
  };
  const calendar = calendarService({
    db: moduleDb<CalendarDb>(db),
    clock,
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
      // Also at request time: the e-service reports are built below.
      eservices: async (agencyId, year) => {
        const s = await eserviceReporting.stats(agencyId, year, 12);
        const sum = (k: 'done' | 'rejected' | 'open') => s.services.reduce((a, x) => a + x[k], 0);
        return { total: s.total, done: sum('done'), rejected: sum('rejected'), open: sum('open'), ...(s.withinLimitShare !== undefined ? { withinLimitShare: s.withinLimitShare } : {}), satisfaction: { responses: s.satisfaction.responses, ...(s.satisfaction.score !== undefined ? { score: s.satisfaction.score } : {}) } };
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
    catalogueFacts: async (year) => {
      const c = await catalogues.getCatalogue(year);
      if (!c) return null;
      const window = c.calendar.find((s) => s.key === 'oit-collection') ?? c.calendar.find((s) => s.key === 'assessment');
      return { year, status: c.status, collectionEnds: window?.to ?? null };
    },
    oitReadiness: async (agencyId, year) => (await oit.readinessReport(agencyId, year)).readiness,
    today: () => todayInThailand(clock),
    // Called at request time, after the watch below exists.
    watchStatus: (agencyId) => oitWatch.status(agencyId),
  });
  // "Something is waiting" to complaint handlers goes out on the calendar's channels, when configured.
  const reminderMail = deps.config.reminders?.mail ? mailer(deps.config.reminders.mail) : undefined;
  const reminderLine = deps.config.reminders?.line;
  const complaintNotices = {
    ...(reminderMail ? { email: (to: string[], subject: string, text: string) => reminderMail.send({ to, subject, text }) } : {}),
    ...(reminderLine ? { line: (to: string, text: string) => pushLine({ ...reminderLine, to }, text) } : {}),
  };
  const complaintsAt = (clock: Clock) =>
    complaintsServices({
      notifyChannels: complaintNotices,
      // The error's message only (an SMTP or HTTP status): the notice itself carries no content.
      onNotifyError: (error) => console.warn(`complaint handler notice not sent: ${error instanceof Error ? error.message : String(error)}`),
      db: moduleDb<ComplaintsDb>(db),
      clock,
      serverSecret: deps.config.sessionSecret,
      dataDir: deps.config.dataDir,
      publicBaseUrl: deps.config.publicBaseUrl,
      agencies,
      listUsers: users.listUsers,
      attach: oit.attachGeneratedByRole,
      getCatalogue: catalogues.getCatalogue,
    });
  const complaints = complaintsAt(deps.clock);
  const deploymentViews = deploymentOverview({
    clock,
    requireGrant: deployment.requireGrant,
    sources: {
      listAgencies: agencies.listAgenciesWhere,
      latestResults: latestResultsReader(moduleDb<ItaResultsDb>(db), () => catalogues.allCatalogues()),
      oitProgress: oitProgressReader(moduleDb<OitDb>(db), async (year) => (await catalogues.getCatalogue(year))?.oitItems.length ?? 0),
      latestPlans: latestPlansReader(moduleDb<ImprovementDb>(db)),
      latestReports: latestMeasuresReportsReader(moduleDb<TrackingDb>(db)),
    },
  });
  const deploymentImport = bulkImport({ db, clock, agencies, results, requireGrant: deployment.requireGrant });
  const surveys = surveysService({ db: moduleDb<SurveysDb>(db), clock, secret: config.sessionSecret });
  const eserviceReporting = eserviceReports({
    db: moduleDb<EservicesDb>(db),
    clock,
    files,
    surveys,
    getAgency: agencies.getAgency,
    evidence: { attachByRole: oit.attachGeneratedByRole, getCatalogue: catalogues.getCatalogue },
    publicBaseUrl: config.publicBaseUrl,
    unitNames: async (agencyId) => new Map((await agencies.listUnits(agencyId)).map((u) => [u.id, u.nameTh])),
  });
  // Citizens' notices go by the calendar's channels: the reminders' SMTP server, and the LINE
  // channel's token pushed to each citizen's own user id.
  const citizenMail = config.reminders?.mail ? mailer(config.reminders.mail) : undefined;
  const citizenLine = config.eservices?.line;
  const eserviceNotices = citizenNotifier({
    db: moduleDb<EservicesDb>(db),
    clock,
    channels: {
      ...(citizenMail ? { email: (to: string, subject: string, text: string) => citizenMail.send({ to: [to], subject, text }) } : {}),
      ...(citizenLine ? { line: (userId: string, text: string) => pushLine({ ...citizenLine, to: userId }, text) } : {}),
    },
    publicBaseUrl: config.publicBaseUrl,
    agencySlug: async (agencyId) => (await agencies.getAgency(agencyId)).slug,
    close: () => citizenMail?.close(),
  });
  const eservices = eservicesService({
    db: moduleDb<EservicesDb>(db),
    clock,
    files,
    surveys,
    // The public E-Service page is the E-Service item's evidence once a service is on.
    onPublicPageChanged: async (agencyId) => void (await eserviceReporting.attachPublicPage(agencyId)),
    // Sent right after the change commits; the scheduled pass (main.ts) retries what failed.
    notices: { channels: eserviceNotices.channels, afterCommit: (agencyId) => eserviceNotices.nudge(agencyId) },
  });
  const qa = qaService({
    db: moduleDb<QaDb>(db),
    clock,
    publicBaseUrl: config.publicBaseUrl,
    getAgency: agencies.getAgency,
    attachByRole: (agencyId, year, role, evidence) => oit.attachGeneratedByRole(agencyId, year, role, evidence),
  });
  const selfdiag = selfdiagService({
    db: moduleDb<SelfdiagDb>(db),
    clock,
    surveys,
    getCatalogue: catalogues.getCatalogue,
    catalogueYears: async () => (await catalogues.listYears()).map((y) => y.fiscalYear),
    lastOfficial: async (agencyId, beforeYear) => {
      const year = (await results.listYears(agencyId)).find((y) => y.fiscalYear < beforeYear);
      if (!year) return undefined;
      const a = await analysisOrNone(agencyId, year.fiscalYear);
      return a ? { year: year.fiscalYear, indicators: Object.fromEntries(a.indicators.map((i) => [i.no, i.score])), total: a.total.official ?? a.total.computed } : undefined;
    },
    // The plan carried out in the year is the one drafted from the previous year's results.
    planRows: async (agencyId, targetYear) => (await plans.getPlan(agencyId, targetYear - 1))?.rows ?? [],
    oitItems: async (agencyId, year) => {
      const catalogue = await catalogues.getCatalogue(year);
      if (!catalogue?.oitItems.length) return [];
      const view = await oit.loadYear(agencyId, year, { withPeople: false });
      return view.items.map((i) => ({ code: i.code, indicator: i.item.indicator, complete: i.result.complete }));
    },
    rate: (catalogue, indicators) => {
      const a = analyze(catalogue, { fiscalYear: catalogue.fiscalYear, official: {}, indicators });
      return { total: a.total.computed, level: a.level.computed, levelLabel: a.level.computedLabelTh, passed: a.passed };
    },
  });
  const outboundPolicy = { selfOrigins: [config.publicBaseUrl], ...(config.outboundAllowPrivate ? { allowPrivate: config.outboundAllowPrivate } : {}) };
  const procurement = procurementService({
    db: moduleDb<ProcurementDb>(db),
    clock,
    files,
    getAgency: agencies.getAgency,
    getCatalogue: catalogues.getCatalogue,
    attachByRole: (agencyId, year, role, evidence, staged) => oit.attachGeneratedByRole(agencyId, year, role, evidence, staged),
    publicBaseUrl: config.publicBaseUrl,
    ...(config.govspending ? { govspending: config.govspending } : {}),
    policy: outboundPolicy,
  });
  const oitWatch = oitWatchService({
    db: moduleDb<OitWatchDb>(db),
    clock,
    listAgencies: agencies.listAgencies,
    oitYears: () => oit.catalogueYears(),
    bases: (agencyId) => oit.auditBases(agencyId),
    audit: (agencyId, year, baseUrl, ownSite) => oit.selfAudit(agencyId, year, { baseUrl, ...(ownSite ? { ownSite } : {}), ...(config.oitWatch?.slowMs ? { slowMs: config.oitWatch.slowMs } : {}) }),
    notify: (agencyId, text, link) => calendar.notifyCoordinators(agencyId, text, link),
    publicBaseUrl: config.publicBaseUrl,
    policy: outboundPolicy,
    intervalHours: config.oitWatch?.intervalHours ?? 24,
    ...(config.oitWatch?.slowMs ? { slowMs: config.oitWatch.slowMs } : {}),
  });
  const participation = participationService({
    db: moduleDb<ParticipationDb>(db),
    clock,
    publicBaseUrl: config.publicBaseUrl,
    getAgency: agencies.getAgency,
    getCatalogue: catalogues.getCatalogue,
    attachByRole: (agencyId, year, role, evidence) => oit.attachGeneratedByRole(agencyId, year, role, evidence),
  });
  const audit = auditService({ db: moduleDb<PlatformTables>(db) });
  return { procurement, oitWatch, agencies, users, setup, catalogues, results, plans, documents, unitNames, files, oit, overview, tracking, reports, calendar, deployment, deploymentViews, bulkImport: deploymentImport, complaints, complaintsAt, surveys, eservices, eserviceReports: eserviceReporting, eserviceNotices, qa, selfdiag, participation, audit };
}
export type Services = ReturnType<typeof createServices>;

/**
 * THE list of modules, in order (navigation, registration and demo hooks follow it). The audit
 * module comes last because it shows every other module's audit words.
 */
export function moduleManifests(services: Services, deps: { config: Config; clock: Clock; db: Kysely<any>; dialect: Dialect }): ModuleManifest<any>[] {
  const { config, clock, db } = deps;
  let navigation: NavEntry[] = [];
  let auditWords: AuditLabeller | undefined;
  let dashboardCards: DashboardCardSource[] = [];
  const modules: ModuleManifest<any>[] = [
    usersModule({ config, users: services.users }),
    setupModule({ config, setup: services.setup }),
    homeModule({ agencies: services.agencies, users: services.users, dashboardLinks: () => navigation, dashboardCards: () => dashboardCards, overview: services.overview }),
    agenciesModule({ agencies: services.agencies }),
    usersAdminModule({ users: services.users, units: services.agencies, config }),
    itaResultsModule({ results: services.results, catalogues: services.catalogues }),
    catalogueModule({ catalogues: services.catalogues }),
    improvementModule({
      plans: services.plans,
      unitNames: services.unitNames,
      resultsYears: async (agencyId: string) => (await services.results.listYears(agencyId)).map((y) => y.fiscalYear),
    }),
    documentsModule({ documents: services.documents, agencies: services.agencies }),
    oitModule({ oit: services.oit, files: services.files, clock }),
    {
      ...complaintsModule({
        complaints: services.complaints,
        agencies: services.agencies,
        clock,
        publicBaseUrl: config.publicBaseUrl,
        notifyChannels: { mail: !!config.reminders?.mail, line: !!config.reminders?.line },
      }),
      // The corruption-complaint channel: a handler with 2FA, the key, reports in mixed states, OIT links.
      seedDemo: ({ agency }) =>
        seedDemoComplaints(
          {
            complaintsAt: services.complaintsAt,
            createUser: (agencyId, u) => services.users.createUser(SYSTEM_ACTOR, agencyId, { ...u, email: null, passwordConfirm: u.password, roles: ['complaint_custodian'], unitId: null }),
            catalogueYears: async () => (await services.catalogues.listYears()).map((y) => y.fiscalYear),
          },
          agency,
        ),
    },
    {
      ...eservicesModule({
        eservices: services.eservices,
        reports: services.eserviceReports,
        notices: services.eserviceNotices,
        files: services.files,
        clock,
        listUsers: services.users.listUsers,
        listUnits: services.agencies.listUnits,
        publicBaseUrl: config.publicBaseUrl,
      }),
      // Street lights, petitions and complaints handled by the engineering division, requests in every state.
      seedDemo: async ({ agencyId, admin }) => {
        const engineering = (await services.agencies.listUnits(agencyId)).find((u) => u.nameTh === 'กองช่าง')?.id ?? null;
        await seedDemoEservices(services, agencyId, admin, engineering);
      },
    },
    surveysModule({ surveys: services.surveys }),
    qaModule({ qa: services.qa, agencyBySlug: services.agencies.findBySlug }),
    {
      ...participationModule({ participation: services.participation, agencyBySlug: services.agencies.findBySlug }),
      // A plan hearing of this fiscal year with its four-element report attached to OIT.
      seedDemo: ({ agencyId, actor }) => seedDemoParticipation(services.participation, agencyId, actor, fiscalYearOf(todayInThailand(clock))),
    },
    {
      ...selfdiagModule({ selfdiag: services.selfdiag, clock, listUnits: services.agencies.listUnits, publicBaseUrl: config.publicBaseUrl }),
      // An IIT round of this year: two units with enough answers, one below the threshold (hidden).
      seedDemo: async ({ agencyId, actor }) =>
        seedDemoSelfdiag({ selfdiag: services.selfdiag, surveys: services.surveys, clock }, agencyId, actor, (await services.agencies.listUnits(agencyId)).map((u) => u.nameTh)),
    },
    trackingModule({ tracking: services.tracking, reports: services.reports, agencies: services.agencies, files: services.files }),
    calendarModule({ calendar: services.calendar }),
    procurementModule({ procurement: services.procurement, agencyBySlug: services.agencies.findBySlug }),
    oitWatchModule({ watch: services.oitWatch, intervalHours: config.oitWatch?.intervalHours ?? 24 }),
    deploymentModule({
      config,
      deployment: services.deployment,
      overview: services.deploymentViews,
      bulkImport: services.bulkImport,
      systemStatus: () => readSystemStatus({ db, dataDir: config.dataDir, version: APP_VERSION, dialect: deps.dialect }),
      auditLabels: () => auditWords!,
    }),
  ];
  const labels = mergeAuditLabels(modules);
  auditWords = auditLabeller(labels);
  modules.push(auditModule({ audit: services.audit, labels }));
  navigation = staffNavigation(modules);
  dashboardCards = modules.flatMap((m) => m.dashboardCards ?? []);
  return modules;
}

/** The overview first, then each module's entries in list order. */
export const staffNavigation = (modules: readonly ModuleManifest<any>[]): NavEntry[] => [
  { href: '/admin', label: { th: 'ภาพรวม', en: 'Overview' } },
  ...modules.flatMap((m) => m.nav ?? []),
];

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
  trackRoutes(app);
  const services = createServices({ db, clock, config });
  const modules = moduleManifests(services, { config, clock, db, dialect: deps.dialect });

  // First of all: every request runs in its own tenant scope (row-level security, docs/adr/0008).
  installTenantScope(app);
  await registerObservability(app, {
    db,
    dataDir: config.dataDir,
    version: APP_VERSION,
    ...(config.metricsToken ? { metricsToken: config.metricsToken } : {}),
    ...(deps.poolStats ? { poolStats: deps.poolStats } : {}),
    gauges: [
      { name: 'prongsai_agencies', help: 'Agencies on this deployment.', collect: async () => [{ value: await services.agencies.countAgencies() }] },
      {
        name: 'prongsai_jobs',
        help: 'Long jobs (large imports) of this instance by state; finished ones are kept an hour.',
        collect: async () => Object.entries(jobCountsByState()).map(([state, value]) => ({ labels: { state }, value })),
      },
      ...modules.flatMap((m) => m.gauges ?? []),
    ],
  });
  await registerPlatform(app, { config, users: services.users, agencies: services.agencies, navigation: staffNavigation(modules), deploymentRoles: services.deployment, rateLimitDb: moduleDb<PlatformTables>(db) });
  installErrorHandling(app);
  // An agency that requires two-factor sign-in for all staff: /admin waits for the second factor.
  registerStaffTwoFactorGate(app, services.complaints);
  registerAgencyStatusGate(app);
  registerTenantResolver(app, { agencies: services.agencies, unavailable: agencyUnavailable, deploymentHost: new URL(config.publicBaseUrl).hostname });
  // Built before any route so a module contributing a conflicting description stops start-up.
  const openapi = buildOpenApiDocument(modules.flatMap((m) => (m.openapi ? [m.openapi] : [])));
  trackApiRoutes(app);
  serveOpenApi(app, openapi);
  for (const m of modules) if (m.routes) await app.register(m.routes, m.options);
  return app;
}
