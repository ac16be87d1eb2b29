/**
 * The catalogues shipped with Prongsai: one JSON file per fiscal year in ./data, under version
 * control. They are validated at load, so a broken file stops start-up with a Thai message
 * instead of producing wrong scores later.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { Catalogue } from './domain/schema.js';
import { parseCatalogue } from './domain/validate.js';
import { validationError } from '../../shared/errors.js';

export const SHIPPED_CATALOGUE_DIR = fileURLToPath(new URL('./data/', import.meta.url));

let cache: Map<number, Catalogue> | undefined;

/** Reads and validates every `fyNNNN.json` in the data folder (once per process). */
export function loadShippedCatalogues(dir = SHIPPED_CATALOGUE_DIR): Map<number, Catalogue> {
  if (cache && dir === SHIPPED_CATALOGUE_DIR) return cache;
  const result = new Map<number, Catalogue>();
  for (const file of readdirSync(dir).filter((f) => /^fy\d{4}\.json$/.test(f)).sort()) {
    const raw: unknown = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    const parsed = parseCatalogue(raw);
    if (!parsed.ok) throw validationError(`แคตตาล็อก ${file} ไม่ถูกต้อง`, parsed.errors);
    result.set(parsed.catalogue.fiscalYear, parsed.catalogue);
  }
  if (dir === SHIPPED_CATALOGUE_DIR) cache = result;
  return result;
}

export function getShippedCatalogue(fiscalYear: number): Catalogue | undefined {
  return loadShippedCatalogues().get(fiscalYear);
}
