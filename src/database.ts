/**
 * The whole database as Kysely sees it: the union of every module's tables. It lives with the
 * composition root, not in src/db/ (which never imports modules) — only the root, the CLI and
 * tests see all tables at once; each module's code sees its own (`Kysely<OitDb>` …).
 */
import type { PlatformTables } from './platform/tables.js';
import type { AgencyTables } from './modules/agencies/index.js';
import type { UserTables } from './modules/users/index.js';
import type { CatalogueTables } from './modules/catalogue/index.js';
import type { ItaResultTables } from './modules/ita-results/index.js';
import type { ImprovementTables } from './modules/improvement/index.js';
import type { OitTables } from './modules/oit/index.js';
import type { TrackingTables } from './modules/tracking/index.js';
import type { CalendarTables } from './modules/calendar/index.js';
import type { DeploymentTables } from './modules/deployment/index.js';
import type { ComplaintTables } from './modules/complaints/index.js';
import type { SurveyTables } from './modules/surveys/index.js';
import type { EserviceTables } from './modules/eservices/index.js';
import type { ProcurementTables } from './modules/procurement/index.js';
import type { OitWatchTables } from './modules/oit-watch/index.js';
import type { QaTables } from './modules/qa/index.js';
import type { SelfdiagTables } from './modules/selfdiag/index.js';
import type { ParticipationTables } from './modules/participation/index.js';
import type { DocumentTables } from './modules/documents/index.js';

export interface Database extends PlatformTables, AgencyTables, UserTables, CatalogueTables, ItaResultTables, ImprovementTables, OitTables, TrackingTables, CalendarTables, DeploymentTables, ComplaintTables, SurveyTables, EserviceTables, QaTables, ProcurementTables, OitWatchTables, SelfdiagTables, ParticipationTables, DocumentTables {}

/** The connection handed to a module, typed with only what that module may read. */
export { narrowDb as moduleDb } from './db/narrow.js';
