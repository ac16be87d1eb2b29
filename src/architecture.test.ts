/**
 * Import rules of STYLE.md, checked by walking the source: pure domain code stays free of I/O
 * frameworks, and repositories hold SQL only.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = dirname(fileURLToPath(import.meta.url));

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [p] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]!);
}

const files = walk(SRC);
const rel = (p: string) => relative(SRC, p).replace(/\\/g, '/');

describe('import rules', () => {
  it('domain/ code imports only shared/, other domain/ folders and I/O-free libraries', () => {
    const banned = /^(fastify|@fastify\/|kysely|pg$|better-sqlite3|preact|node:fs|node:net|node:http)/;
    const offences: string[] = [];
    for (const file of files.filter((f) => rel(f).includes('/domain/'))) {
      // Test fixtures may build data with helpers; product domain code may not reach outward.
      if (/test-fixtures\.ts$/.test(file)) continue;
      for (const spec of importsOf(file)) {
        if (spec.startsWith('.')) {
          const target = rel(resolve(dirname(file), spec));
          if (!target.startsWith('shared/') && !target.includes('/domain/')) offences.push(`${rel(file)} → ${target}`);
        } else if (banned.test(spec)) offences.push(`${rel(file)} → ${spec}`);
      }
    }
    expect(offences).toEqual([]);
  });

  it('repositories import only db/, their own tables and kysely', () => {
    const offences: string[] = [];
    for (const file of files.filter((f) => /\/repository\.ts$/.test(f))) {
      for (const spec of importsOf(file)) {
        if (!spec.startsWith('.')) {
          if (spec !== 'kysely') offences.push(`${rel(file)} → ${spec}`);
          continue;
        }
        const target = rel(resolve(dirname(file), spec));
        const ownTables = rel(join(dirname(file), 'tables.js'));
        if (!target.startsWith('db/') && target !== ownTables) offences.push(`${rel(file)} → ${target}`);
      }
    }
    expect(offences).toEqual([]);
  });

  it('migrations import only kysely and db/portable', () => {
    const offences: string[] = [];
    for (const file of files.filter((f) => rel(f).startsWith('db/migrations/') && !f.endsWith('index.ts'))) {
      for (const spec of importsOf(file)) {
        if (spec !== 'kysely' && spec !== '../portable.js') offences.push(`${rel(file)} → ${spec}`);
      }
    }
    expect(offences).toEqual([]);
  });
});
