/**
 * `npm run cli -- survey results --agency SLUG [--round ID] --json` prints a self-diagnosis
 * round's results by unit, k-anonymous:
 *   { "round": "…", "units": [{ "unit": "…", "responses": N, "hidden": true|false, "indicators": { "1": score, … } }] }
 * with `indicators` absent where `hidden` is true. Without --round, the latest round. Without
 * --json, a Thai table.
 */
import { createServices, type Services } from '../../app.js';
import { systemClock } from '../../shared/clock.js';
import { parseArgs } from '../args.js';
import type { CliCommand, CliIO } from '../main.js';
import { withDatabase } from '../open-db.js';
import { pickAgency } from './oit.js';

const USAGE = 'วิธีใช้: npm run cli -- survey results --agency SLUG [--round ID] --json';

export async function runSurvey(args: string[], io: CliIO, services: Pick<Services, 'agencies' | 'selfdiag'>): Promise<number> {
  const { positional, flags } = parseArgs(args, ['agency', 'round']);
  if (positional[0] !== 'results') {
    io.err(USAGE);
    return 2;
  }
  const agency = await pickAgency(services, typeof flags.agency === 'string' ? flags.agency : undefined);
  const out = await services.selfdiag.resultsJson(agency.id, typeof flags.round === 'string' ? flags.round : undefined);
  if (flags.json) {
    io.out(JSON.stringify(out));
    return 0;
  }
  io.out(`รอบ ${out.round}`);
  for (const u of out.units) {
    io.out(`${u.unit}\tผู้ตอบ ${u.responses}\t${u.hidden ? 'ไม่แสดงผล (ผู้ตอบน้อยกว่าเกณฑ์)' : Object.entries(u.indicators ?? {}).map(([k, v]) => `ตัวชี้วัด ${k}: ${v.toFixed(2)}`).join('  ')}`);
  }
  return 0;
}

export const run: CliCommand = (args, io) => withDatabase((database, config) => runSurvey(args, io, createServices({ db: database.db, clock: systemClock, config })));
