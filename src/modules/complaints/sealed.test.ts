/**
 * The module is sealed (STYLE.md import rules): no code outside src/modules/complaints names a
 * complaint table or imports the module's internals; other code reaches it through index.ts only.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const walk = (dir: string): string[] =>
  readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : /\.tsx?$/.test(n) ? [p] : [];
  });

describe('complaints module is sealed', () => {
  const outside = walk(SRC).filter((f) => !relative(SRC, f).startsWith('modules/complaints/') && !relative(SRC, f).startsWith('db/'));
  // The table names, read from the module's own tables.ts (the ComplaintTables interface).
  const tables = [...readFileSync(join(SRC, 'modules/complaints/tables.ts'), 'utf8').matchAll(/^\s+(complaint_[a-z_]+):/gm)].map((m) => m[1]!);
  it('no other code names a complaint table', () => {
    expect(tables.length).toBeGreaterThan(5);
    const named = new RegExp(`['"\`](${tables.join('|')})['"\`]`);
    const offences = outside.filter((f) => named.test(readFileSync(f, 'utf8'))).map((f) => relative(SRC, f));
    expect(offences).toEqual([]);
  });
  it('other code imports only the module index', () => {
    const offences = outside.flatMap((f) =>
      [...readFileSync(f, 'utf8').matchAll(/from\s+['"]([^'"]*modules\/complaints\/[^'"]+|[^'"]*complaints\/(?!index\.js)[^'"]+)['"]/g)]
        .map((m) => m[1]!)
        .filter((spec) => !spec.endsWith('complaints/index.js'))
        .map((spec) => `${relative(SRC, f)} → ${spec}`),
    );
    expect(offences).toEqual([]);
  });
});
