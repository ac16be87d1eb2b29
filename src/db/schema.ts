/** The whole database as Kysely sees it: the union of every module's tables. */
import type { AgencyTables } from '../modules/agencies/tables.js';
import type { UserTables } from '../modules/users/tables.js';
import type { PlatformTables } from '../platform/tables.js';
import type { CatalogueTables } from '../modules/catalogue/tables.js';
import type { ItaResultTables } from '../modules/ita-results/tables.js';
import type { ImprovementTables } from '../modules/improvement/tables.js';
import type { OitTables } from '../modules/oit/tables.js';
import type { SurveyTables } from '../modules/surveys/tables.js';
import type { EserviceTables } from '../modules/eservices/tables.js';
import type { DeploymentTables } from '../modules/deployment/tables.js';
import type { ComplaintTables } from '../modules/complaints/tables.js';
import type { TrackingTables } from '../modules/tracking/tables.js';
import type { CalendarTables } from '../modules/calendar/tables.js';

export interface Database extends AgencyTables, UserTables, PlatformTables, CatalogueTables, ItaResultTables, ImprovementTables, OitTables, TrackingTables, CalendarTables, DeploymentTables, ComplaintTables, SurveyTables, EserviceTables {}
