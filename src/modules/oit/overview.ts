/**
 * OIT progress of many agencies for one year, for the deployment's views. The full readiness
 * score (ADR 0005) checks every element of every piece of evidence and is computed per agency on
 * its own OIT pages; across hundreds of agencies the views show what one grouped query can say
 * exactly: how many of the year's items each agency has published or marked ready.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { oitOverviewRepository } from './overview-repository.js';

export interface OitProgress {
  published: number;
  ready: number;
  inProgress: number;
  /** Items in the year's catalogue (0 when the year has none). */
  total: number;
  /** Published items as a share of the catalogue's, 0–100 with one decimal. */
  publishedPercent: number;
}

export function oitProgressReader(db: Kysely<Database>, itemCount: (year: number) => Promise<number>) {
  const repo = oitOverviewRepository(db);
  return async (year: number, agencyIds?: readonly string[]): Promise<Map<string, OitProgress>> => {
    const [rows, total] = await Promise.all([repo.progressByAgency(year, agencyIds), itemCount(year)]);
    return new Map(
      rows.map((r) => [
        r.agency_id,
        {
          published: r.published,
          ready: r.ready,
          inProgress: r.in_progress,
          total,
          publishedPercent: total > 0 ? Math.round((1000 * Math.min(r.published, total)) / total) / 10 : 0,
        },
      ]),
    );
  };
}
