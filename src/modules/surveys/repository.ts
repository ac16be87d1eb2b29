/** All SQL of the survey engine. Every query filters by agency, child rows included. */
import type { Kysely } from 'kysely';
import type { SurveysDb } from './tables.js';
import type { SurveyFormsTable, SurveyResponsesTable, SurveyTokensTable, SurveyVersionsTable } from './tables.js';

export function surveysRepository(db: Kysely<SurveysDb>) {
  return {
    findFormByKey: (agencyId: string, key: string) =>
      db.selectFrom('survey_forms').selectAll().where('agency_id', '=', agencyId).where('key', '=', key).executeTakeFirst(),
    findForm: (agencyId: string, id: string) =>
      db.selectFrom('survey_forms').selectAll().where('agency_id', '=', agencyId).where('id', '=', id).executeTakeFirst(),
    listForms: (agencyId: string) => db.selectFrom('survey_forms').selectAll().where('agency_id', '=', agencyId).orderBy('title').execute(),
    insertForm: (row: SurveyFormsTable) => db.insertInto('survey_forms').values(row).execute(),
    setCurrentVersion: (agencyId: string, formId: string, versionId: string, at: string) =>
      db.updateTable('survey_forms').set({ current_version_id: versionId, updated_at: at }).where('agency_id', '=', agencyId).where('id', '=', formId).execute(),

    findVersion: (agencyId: string, id: string) =>
      db.selectFrom('survey_versions').selectAll().where('agency_id', '=', agencyId).where('id', '=', id).executeTakeFirst(),
    listVersions: (agencyId: string, formId: string) =>
      db.selectFrom('survey_versions').selectAll().where('agency_id', '=', agencyId).where('form_id', '=', formId).orderBy('version_no').execute(),
    async nextVersionNo(agencyId: string, formId: string): Promise<number> {
      const r = await db
        .selectFrom('survey_versions')
        .select((eb) => eb.fn.max('version_no').as('n'))
        .where('agency_id', '=', agencyId)
        .where('form_id', '=', formId)
        .executeTakeFirst();
      return Number(r?.n ?? 0) + 1;
    },
    closeForm: (agencyId: string, formId: string, at: string) =>
      db.updateTable('survey_forms').set({ closed_at: at, updated_at: at }).where('agency_id', '=', agencyId).where('id', '=', formId).where('closed_at', 'is', null).execute(),
    insertVersion: (row: SurveyVersionsTable) => db.insertInto('survey_versions').values(row).execute(),

    insertToken: (row: SurveyTokensTable) => db.insertInto('survey_tokens').values(row).execute(),
    findTokenByHash: (agencyId: string, hash: string) =>
      db.selectFrom('survey_tokens').selectAll().where('agency_id', '=', agencyId).where('token_hash', '=', hash).executeTakeFirst(),
    findTokenBySubject: (agencyId: string, formId: string, subjectRef: string) =>
      db.selectFrom('survey_tokens').selectAll().where('agency_id', '=', agencyId).where('form_id', '=', formId).where('subject_ref', '=', subjectRef).executeTakeFirst(),
    listTokensBySubjects: (agencyId: string, formId: string, subjectRefs: string[]) =>
      subjectRefs.length === 0
        ? Promise.resolve([])
        : db.selectFrom('survey_tokens').selectAll().where('agency_id', '=', agencyId).where('form_id', '=', formId).where('subject_ref', 'in', subjectRefs).execute(),
    /** Spends a token found by its hash; 0 rows when it was already spent (a second answer loses the race). */
    async spendToken(agencyId: string, tokenHash: string): Promise<number> {
      const r = await db.updateTable('survey_tokens').set({ spent: 1 }).where('agency_id', '=', agencyId).where('token_hash', '=', tokenHash).where('spent', '=', 0).executeTakeFirst();
      return Number(r.numUpdatedRows);
    },

    insertResponse: (row: SurveyResponsesTable) => db.insertInto('survey_responses').values(row).execute(),
    listResponses(agencyId: string, formId: string, range: { from?: string; to?: string } = {}) {
      let q = db.selectFrom('survey_responses').selectAll().where('agency_id', '=', agencyId).where('form_id', '=', formId);
      if (range.from) q = q.where('submitted_on', '>=', range.from);
      if (range.to) q = q.where('submitted_on', '<=', range.to);
      // Ordered by content, not by insertion, so the export's row order says nothing about who answered when.
      return q.orderBy('submitted_on').orderBy('id').execute();
    },
    async countResponses(agencyId: string, formId: string): Promise<number> {
      const r = await db
        .selectFrom('survey_responses')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('agency_id', '=', agencyId)
        .where('form_id', '=', formId)
        .executeTakeFirst();
      return Number(r?.n ?? 0);
    },
  };
}
export type SurveysRepository = ReturnType<typeof surveysRepository>;
