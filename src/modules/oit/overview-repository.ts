/**
 * Set-based reads of OIT progress across many agencies, for the deployment's province and
 * national views: one grouped query for any number of agencies.
 */
import type { Kysely } from 'kysely';
import { inIdList } from '../../db/portable.js';
import type { OitDb } from './tables.js';

export interface OitProgressRow {
  agency_id: string;
  published: number;
  ready: number;
  in_progress: number;
}

export function oitOverviewRepository(db: Kysely<OitDb>) {
  return {
    /** Items of `year` by status per agency (items never touched have no row: not started). */
    progressByAgency: async (year: number, agencyIds?: readonly string[]): Promise<OitProgressRow[]> => {
      if (agencyIds && agencyIds.length === 0) return [];
      let q = db
        .selectFrom('oit_items')
        .select((eb) => [
          'agency_id',
          eb.fn.count<number>(eb.case().when('status', '=', 'published').then(1).end()).as('published'),
          eb.fn.count<number>(eb.case().when('status', '=', 'ready').then(1).end()).as('ready'),
          eb.fn.count<number>(eb.case().when('status', '=', 'in_progress').then(1).end()).as('in_progress'),
        ])
        .where('fiscal_year', '=', year);
      if (agencyIds) q = q.where(inIdList(db, 'agency_id', agencyIds));
      const rows = await q.groupBy('agency_id').execute();
      return rows.map((r) => ({ agency_id: r.agency_id, published: Number(r.published), ready: Number(r.ready), in_progress: Number(r.in_progress) }));
    },
  };
}
