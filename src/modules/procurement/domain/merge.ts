/**
 * Duplicates across the agency's own file and the government spending API are one contract:
 * rows with the same project number merge. The agency's file is the authority where it says
 * something (its officers wrote the reason and the bidders); the API fills what the file left
 * empty. The list of sources records where the contract was seen.
 */
import type { Contract } from './types.js';

const empty = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

export function mergeContract(existing: Contract | undefined, incoming: Contract): Contract {
  if (!existing) return { ...incoming, sources: [...new Set(incoming.sources)].sort() };
  const fileWins = incoming.sources.includes('file');
  const [primary, secondary] = fileWins ? [incoming, existing] : [existing, incoming];
  const out = { ...primary } as Contract;
  for (const key of Object.keys(primary) as (keyof Contract)[]) {
    if (key === 'sources') continue;
    if (empty(primary[key]) && !empty(secondary[key])) (out as unknown as Record<string, unknown>)[key] = secondary[key];
  }
  // An API row re-read later updates what the API owns (prices, contract) unless the file said otherwise.
  if (!fileWins && existing.sources.length === 1 && existing.sources[0] === 'api') Object.assign(out, incoming);
  out.sources = [...new Set([...existing.sources, ...incoming.sources])].sort();
  return out;
}

/** Whether two versions of a contract say the same thing (an idempotent re-import changes nothing). */
export function sameContract(a: Contract, b: Contract): boolean {
  return JSON.stringify({ ...a, sources: [...a.sources].sort() }) === JSON.stringify({ ...b, sources: [...b.sources].sort() });
}
