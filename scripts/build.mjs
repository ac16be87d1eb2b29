#!/usr/bin/env node
/**
 * `npm run build`: compiles src/ to dist/ with tsc and copies every non-TypeScript file the
 * server reads at run time (catalogue data, CSS, fixtures, workers) beside the compiled code, so
 * `node dist/main.js` needs no TypeScript compiler. Writes dist/build-info.json with a
 * fingerprint of the sources; `--if-stale` (used by `npm start`) rebuilds only when the sources
 * changed since, so a production start is plain `node` after the first build.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'src');
const dist = join(root, 'dist');
const infoFile = join(dist, 'build-info.json');
const isTypeScript = (name) => /\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts');
const isTest = (name) => /\.test\.tsx?$/.test(name);

function walk(dir, out = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, out);
    else out.push(path);
  }
  return out;
}

/** Paths, sizes and modification times of the sources plus the build settings: cheap, no reads. */
function fingerprint() {
  const hash = createHash('sha256');
  for (const file of [...walk(src).sort(), join(root, 'tsconfig.json'), join(root, 'tsconfig.build.json'), join(root, 'package.json')]) {
    const s = statSync(file);
    hash.update(`${relative(root, file)}\0${s.size}\0${s.mtimeMs}\n`);
  }
  return hash.digest('hex');
}

const current = fingerprint();
if (process.argv.includes('--if-stale') && existsSync(infoFile)) {
  try {
    if (JSON.parse(readFileSync(infoFile, 'utf8')).fingerprint === current) process.exit(0);
  } catch {
    // An unreadable build-info means an unknown build: rebuild.
  }
}

process.stderr.write('prongsai: building dist/ …\n');
// A removed source must not survive as a stale compiled file.
rmSync(dist, { recursive: true, force: true });
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
const result = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
if (result.status !== 0) {
  process.stderr.write('prongsai: build failed\n');
  process.exit(result.status ?? 1);
}
let copied = 0;
for (const file of walk(src)) {
  const name = file.split('/').pop();
  if (isTypeScript(name) || isTest(name)) continue;
  const target = join(dist, relative(src, file));
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(file, target);
  copied += 1;
}
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
writeFileSync(infoFile, JSON.stringify({ version: pkg.version, fingerprint: current, builtAt: new Date().toISOString() }, null, 2));
process.stderr.write(`prongsai: built dist/ (${copied} data files copied)\n`);
