import type { PlatformTables } from '../../platform/tables.js';
import type { Selectable } from 'kysely';

export interface ParticipationActivitiesTable {
  id: string;
  agency_id: string;
  fiscal_year: number;
  kind: string;
  title: string;
  issue: string;
  place: string;
  starts_on: string;
  ends_on: string;
  accepts_online: number;
  published: number;
  /** JSON ParticipantGroup[] */
  participant_groups: string;
  outcome: string;
  use_of_result: string;
  report_produced_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface ParticipationSubmissionsTable {
  id: string;
  agency_id: string;
  activity_id: string;
  kind: string;
  name: string | null;
  contact: string | null;
  group_label: string | null;
  opinion: string | null;
  created_at: string;
}

export interface ParticipationTables {
  participation_activities: ParticipationActivitiesTable;
  participation_submissions: ParticipationSubmissionsTable;
}
export type ActivityRow = Selectable<ParticipationActivitiesTable>;
export type SubmissionRow = Selectable<ParticipationSubmissionsTable>;
export type ParticipationDb = ParticipationTables & PlatformTables;
