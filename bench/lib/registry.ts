/** The benches, in the order the runner runs them. Each lives in its own file under bench/. */
import type { BenchDefinition } from './report.js';

export const BENCHES: { name: string; file: string; summary: string }[] = [
  { name: 'analysis', file: 'analysis.ts', summary: 'analyze() on the FY2565 seed, 1,000 times' },
  { name: 'docx', file: 'docx.ts', summary: 'seed measures document as DOCX, 20 runs after 2 warm-ups (target median < 200 ms)' },
  { name: 'pdf', file: 'pdf.ts', summary: 'seed measures document as PDF, 20 runs after 2 warm-ups (target median < 1 s)' },
  { name: 'import-8317', file: 'import-8317.ts', summary: 'parse + analyse 8,317 agencies from one CSV / XLSX in a child process (< 5 s, < 500 MB), and store into SQLite' },
  { name: 'oit-public', file: 'oit-public.ts', summary: 'req/s and latency of the public OIT year index vs a bare Fastify route, 50 connections (≥ 50 %, p99 < 20 ms)' },
  { name: 'page-digits', file: 'page-digits.ts', summary: 'a 50- and a 900-row table page through localizeHtmlDigits, the whole-page Thai-digit pass of sendPage' },
  { name: 'reports', file: 'reports.ts', summary: '6-month measures report of a 15-measure plan as DOCX and PDF, 20 runs each after 2 warm-ups (median)' },
  { name: 'deployment', file: 'deployment.ts', summary: 'province view (≈100–900 agencies, p95 < 100 ms), national summary (8,317, p95 < 1 s) and public OIT index vs bare route with 8,317 agencies × 5 years on PostgreSQL' },
  { name: 'eservice-submit', file: 'eservice-submit.ts', summary: 'e-service JSON submissions/s (≥ 200/s) while the public OIT index keeps p99 < 50 ms, on the demo agency' },
  { name: 'survey-respond', file: 'survey-respond.ts', summary: 'self-diagnosis survey responses/s through POST /a/demo/survey/{token} with one-time links (≥ 200/s)' },
  { name: 'startup', file: 'startup.ts', summary: 'cold start to the first served page and idle RSS, tsx vs the compiled build (< 1 s, < 120 MB)' },
  { name: 'upload-100mb', file: 'upload-100mb.ts', summary: 'peak RSS growth of the server while a 100 MB file streams through the OIT evidence upload' },
];

export async function loadBench(name: string): Promise<BenchDefinition> {
  const entry = BENCHES.find((b) => b.name === name);
  if (!entry) throw new Error(`unknown bench "${name}" (known: ${BENCHES.map((b) => b.name).join(', ')})`);
  const mod = (await import(`../${entry.file.replace(/\.ts$/, '.js')}`)) as { bench: BenchDefinition };
  return mod.bench;
}
