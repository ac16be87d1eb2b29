/**
 * The module list as data: what the manifests contribute is complete and consistent. Built
 * from the real composition root on an in-memory SQLite (no query runs while wiring).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Kysely } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { createServices, moduleManifests } from './app.js';
import { openDatabase } from './db/index.js';
import { PERMISSIONS } from './shared/permissions.js';
import { mergeAuditLabels } from './platform/module.js';
import { systemClock } from './shared/clock.js';
import type { Config } from './config/index.js';
import type { OitDb } from './modules/oit/index.js';

const SRC = dirname(fileURLToPath(import.meta.url));
const config = { publicBaseUrl: 'http://127.0.0.1', dataDir: '/nonexistent', sessionSecret: 'x'.repeat(40) } as Config;
const database = openDatabase({ kind: 'sqlite', file: ':memory:' });
afterAll(() => database.close());
const manifests = moduleManifests(createServices({ db: database.db, clock: systemClock, config }), { config, clock: systemClock, db: database.db, dialect: database.dialect });

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? sources(p) : /\.tsx?$/.test(n) && !/\.test\.tsx?$/.test(n) ? [p] : [];
  });
}

describe('module manifests', () => {
  it('have unique names', () => {
    const names = manifests.map((m) => m.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('claim every permission the product has, each exactly once', () => {
    const claimed = manifests.flatMap((m) => m.permissions ?? []);
    expect([...claimed].sort()).toEqual([...PERMISSIONS].sort());
  });

  it('label every audit action code the modules write', () => {
    const labels = mergeAuditLabels(manifests);
    const written = new Set<string>();
    for (const file of sources(join(SRC, 'modules'))) {
      for (const m of readFileSync(file, 'utf8').matchAll(/action:[^,}]*?'([a-z_]+(?:\.[a-z_]+)+)'/g)) written.add(m[1]!);
      for (const m of readFileSync(file, 'utf8').matchAll(/\? '([a-z_]+\.[a-z_.]+)' : '([a-z_]+\.[a-z_.]+)'/g)) written.add(m[1]!).add(m[2]!);
    }
    expect(written.size).toBeGreaterThan(20);
    expect([...written].filter((code) => !labels.actions[code]).sort()).toEqual([]);
  });
});

/**
 * Compile-time boundary: a module's database handle does not know other modules' tables.
 * `npx tsc --noEmit` fails if the line marked @ts-expect-error ever compiles.
 */
export function typeBoundary(db: Kysely<OitDb>) {
  // @ts-expect-error users belongs to the users module, not OIT
  return db.selectFrom('users').selectAll();
}
