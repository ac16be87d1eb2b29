/**
 * The only way complaint figures leave the module: `publishedComplaintStatistics`, which reads
 * the plaintext metadata (category, channel, state, dates), counts a round and applies small-cell
 * suppression before returning. No other function here is exported through index.ts.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { complaintsRepository } from './repository.js';
import { computeStatistics, roundRange, suppress, type PublishedStatistics, type Round, type StatRow } from './domain/statistics.js';
import type { Category, Channel, State } from './domain/types.js';

export function complaintStatistics(db: Kysely<Database>) {
  const repo = complaintsRepository(db);
  return async function publishedComplaintStatistics(agencyId: string, fiscalYear: number, round: Round): Promise<PublishedStatistics> {
    const range = roundRange(fiscalYear, round);
    const rows: StatRow[] = (await repo.statRows(agencyId, range.from, range.to)).map((r) => ({
      category: r.category as Category,
      channel: r.channel as Channel,
      state: r.state as State,
      receivedDate: r.received_date,
      closedDate: r.closed_date,
    }));
    return suppress(computeStatistics(rows, fiscalYear, round));
  };
}
export type PublishedComplaintStatistics = ReturnType<typeof complaintStatistics>;
