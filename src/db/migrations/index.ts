/**
 * Every migration, in order. Listed statically (not read from the folder) so they run the same
 * under tsx, vitest and a bundler. Files are frozen once landed: fix forward with a new one.
 */
import type { Migration } from 'kysely';
import * as m0001 from './202611250001_create_platform.js';
import * as m0002 from './202611250002_create_ita.js';
import * as m0003 from './202611250003_create_oit.js';
import * as mDeployment from './202612010201_create_deployment.js';
import * as m2026120107 from './202612010700_create_complaints.js';
import * as m202612010401 from './202612010401_create_plan_unit_defaults.js';
import * as m2026120108a from './202612010800_create_surveys.js';
import * as m2026120108b from './202612010801_create_eservices.js';
import * as m202612010901 from './202612010901_create_tracking.js';
import * as m202612011701 from './202612011701_users_per_agency_and_sign_in_throttle.js';
import * as m202612011001 from './202612011001_scope_sessions.js';
import * as m202612011002 from './202612011002_tenant_keys.js';
import * as m202612011501 from './202612011501_create_qa.js';
import * as m202612011502 from './202612011502_create_participation.js';
import * as m202612011503 from './202612011503_create_self_diagnosis.js';
import * as m202612011601 from './202612011601_create_procurement.js';
import * as m202612011602 from './202612011602_create_oit_watch.js';
import * as m202612011100 from './202612011100_create_rate_limit_hits.js';
import * as m202612021201 from './202612021201_procurement_published_months_and_pending_imports.js';
import * as m202612021202 from './202612021202_procurement_plan_project_no.js';
import * as m202612021301 from './202612021301_create_complaint_options_and_staff_sessions.js';
import * as m202612021401 from './202612021401_create_document_options.js';
import * as m202612021501 from './202612021501_create_eservice_notifications.js';
import * as m202612021101 from './202612021101_create_qa_categories.js';
import * as m202612021102 from './202612021102_add_survey_owner_results_only.js';
import * as m202612021601 from './202612021601_add_oit_items_progress_index.js';
import * as m202612021103 from './202612021103_add_survey_form_closed.js';

export const migrations: Record<string, Migration> = {
  '202611250001_create_platform': m0001,
  '202611250002_create_ita': m0002,
  '202611250003_create_oit': m0003,
  '202612010201_create_deployment': mDeployment,
  '202612010401_create_plan_unit_defaults': m202612010401,
  '202612010700_create_complaints': m2026120107,
  '202612010800_create_surveys': m2026120108a,
  '202612010801_create_eservices': m2026120108b,
  '202612010901_create_tracking': m202612010901,
  '202612011701_users_per_agency_and_sign_in_throttle': m202612011701,
  '202612011001_scope_sessions': m202612011001,
  '202612011002_tenant_keys': m202612011002,
  '202612011501_create_qa': m202612011501,
  '202612011502_create_participation': m202612011502,
  '202612011503_create_self_diagnosis': m202612011503,
  '202612011601_create_procurement': m202612011601,
  '202612011602_create_oit_watch': m202612011602,
  '202612011100_create_rate_limit_hits': m202612011100,
  '202612021201_procurement_published_months_and_pending_imports': m202612021201,
  '202612021202_procurement_plan_project_no': m202612021202,
  '202612021301_create_complaint_options_and_staff_sessions': m202612021301,
  '202612021501_create_eservice_notifications': m202612021501,
  '202612021101_create_qa_categories': m202612021101,
  '202612021102_add_survey_owner_results_only': m202612021102,
  '202612021601_add_oit_items_progress_index': m202612021601,
  '202612021103_add_survey_form_closed': m202612021103,
  '202612021401_create_document_options': m202612021401,
};
