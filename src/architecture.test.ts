/**
 * Import rules of STYLE.md, checked by walking the source: pure domain code stays free of I/O
 * frameworks, repositories hold SQL only, a module is reached only through its index.ts, and
 * neither the platform nor the database layer knows any module.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = dirname(fileURLToPath(import.meta.url));

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : /\.tsx?$/.test(name) && !/\.(test|bench)\.tsx?$/.test(name) ? [p] : [];
  });
}

interface ImportSpec {
  spec: string;
  /** `import type { … }` / `export type { … }`: erased at run time. */
  typeOnly: boolean;
  /** `import('…')`: loaded when the code runs, not when the file is loaded. */
  dynamic?: boolean;
}

function importSpecs(file: string): ImportSpec[] {
  const text = readFileSync(file, 'utf8');
  const statics = [...text.matchAll(/^\s*(import|export)\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]/gm)].map((m) => ({ spec: m[3]!, typeOnly: !!m[2] }));
  const sideEffects = [...text.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm)].map((m) => ({ spec: m[1]!, typeOnly: false }));
  const dynamic = [...text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => ({ spec: m[1]!, typeOnly: false, dynamic: true }));
  return [...statics, ...sideEffects, ...dynamic];
}
const importsOf = (file: string): string[] => importSpecs(file).map((i) => i.spec);

const files = walk(SRC);
const rel = (p: string) => relative(SRC, p).replace(/\\/g, '/');
/** `modules/oit/service.ts` → `oit`; undefined outside src/modules. */
const moduleOf = (relPath: string): string | undefined => /^modules\/([^/]+)\//.exec(relPath)?.[1];
const MODULES = readdirSync(join(SRC, 'modules')).filter((n) => statSync(join(SRC, 'modules', n)).isDirectory());

/** Every relative import in src (outside tests), resolved to a path under src/. */
const edges = files.flatMap((file) =>
  importSpecs(file)
    .filter((i) => i.spec.startsWith('.'))
    .map((i) => ({ from: rel(file), to: rel(resolve(dirname(file), i.spec)), typeOnly: i.typeOnly, dynamic: !!i.dynamic })),
);

describe('import rules', () => {
  it('domain/ code imports only shared/, other domain/ folders and I/O-free libraries', () => {
    const banned = /^(fastify|@fastify\/|kysely|pg$|better-sqlite3|preact|node:fs|node:net|node:http)/;
    const offences: string[] = [];
    for (const file of files.filter((f) => rel(f).includes('/domain/'))) {
      // Test fixtures may build data with helpers; product domain code may not reach outward.
      if (/test-fixtures\.ts$/.test(file)) continue;
      for (const { spec, typeOnly } of importSpecs(file)) {
        if (spec.startsWith('.')) {
          const target = rel(resolve(dirname(file), spec));
          const own = moduleOf(target) === moduleOf(rel(file));
          // Another module's types and pure helpers come through its index.ts (the only door);
          // what domain code calls there must itself be pure — that module's domain rule checks it.
          const otherModuleIndex = !own && /^modules\/[^/]+\/index\.js$/.test(target);
          if (!target.startsWith('shared/') && !(own && target.includes('/domain/')) && !otherModuleIndex) offences.push(`${rel(file)} → ${target}`);
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

  it('every module has an index.ts (its manifest and the only file other modules import)', () => {
    expect(MODULES.filter((m) => !files.some((f) => rel(f) === `modules/${m}/index.ts`))).toEqual([]);
  });

  it('a module is reached from outside only through its index.ts', () => {
    const offences = edges
      .filter((e) => {
        const target = moduleOf(e.to);
        return target !== undefined && target !== moduleOf(e.from) && e.to !== `modules/${target}/index.js`;
      })
      .map((e) => `${e.from} → ${e.to}`);
    expect(offences).toEqual([]);
  });

  it('src/platform/ and src/db/ never import src/modules/', () => {
    const offences = edges.filter((e) => /^(platform|db)\//.test(e.from) && e.to.startsWith('modules/')).map((e) => `${e.from} → ${e.to}`);
    expect(offences).toEqual([]);
  });

  it('the rules above really see imports (multi-line, type-only, dynamic)', () => {
    // Guards the regexes: if they stopped matching, every rule would pass vacuously.
    const oitContext = edges.filter((e) => e.from === 'modules/oit/context.ts').map((e) => e.to);
    expect(oitContext).toContain('modules/agencies/index.js');
    expect(edges.some((e) => e.from === 'modules/oit/index.ts' && e.to === 'modules/oit/demo.js')).toBe(true);
    expect(edges.some((e) => e.typeOnly && e.from.includes('/domain/') && e.to === 'modules/catalogue/index.js')).toBe(true);
  });
});

describe('start-up rules', () => {
  // exceljs, pdfkit/fontkit, docx, JSZip, libsodium and pg were half of the server's cold start
  // and 60+ MB of its idle memory (bench/startup.ts, issue 14): they load on first use, through
  // shared/lazy-libraries.ts, a dynamic import() or a require() where the code must stay synchronous.
  const HEAVY = /^(exceljs|pdfkit|fontkit|docx|jszip|libsodium-wrappers-sumo|pg)$/;
  // Files that are themselves only ever loaded by a dynamic import (the document renderers).
  const LAZY_FILES = ['modules/documents/docx/render-docx.ts', 'modules/documents/pdf/render-pdf.ts'];

  it('heavy libraries are never imported statically, except by files that are loaded lazily', () => {
    const offences = files.flatMap((file) =>
      importSpecs(file)
        .filter((i) => HEAVY.test(i.spec) && !i.typeOnly && !i.dynamic && !LAZY_FILES.includes(rel(file)))
        .map((i) => `${rel(file)} → ${i.spec}`),
    );
    expect(offences).toEqual([]);
  });

  it('the lazily loaded files are reached only by dynamic import (or for types)', () => {
    const lazy = new Set(LAZY_FILES.map((f) => f.replace(/\.ts$/, '.js')));
    const offences = edges.filter((e) => lazy.has(e.to) && !e.typeOnly && !e.dynamic).map((e) => `${e.from} → ${e.to}`);
    expect(offences).toEqual([]);
    expect(edges.some((e) => e.dynamic && lazy.has(e.to))).toBe(true);
  });
});

describe('form rules', () => {
  it('no view puts the CSRF token in a URL (multipart forms carry it as their first field)', () => {
    const offenders = files.filter((f) => f.endsWith('.tsx') && /[?&]_csrf=/.test(readFileSync(f, 'utf8'))).map(rel);
    expect(offenders).toEqual([]);
  });
});
