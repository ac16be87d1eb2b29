/**
 * survey-respond: self-diagnosis survey responses per second through the real public route
 * (`POST /a/demo/survey/{token}`, form-encoded with the CSRF token, as a phone sends it): each
 * response validates every answer against the form's current version, spends its one-time token
 * and stores the answers in one transaction, then redirects (303). Target (issue 13): ≥ 200
 * responses/s on 2 cores.
 *
 * The demo agency's IIT round (the year's catalogue questions, about thirty) gets its one-time
 * links the way a coordinator gets them: signed in, through the link-slip form (200 a request),
 * read back from the printed slips. Each link answers once, so every run uses fresh links.
 * Runs: responses only (`--responses N`, default 1,000, `--concurrency C`, default 16); a whole
 * respondent (GET the page, then POST) for N / 2 links; then the server's own CPU time (/proc)
 * over 300 responses, 4 at a time, and the rate one idle core would sustain at that cost.
 */
import { readFileSync } from 'node:fs';
import { startServer } from './lib/server.js';
import { WebClient, csrfToken, html } from './lib/web-client.js';
import { option } from './lib/args.js';
import { statRow, valueRow, type BenchDefinition, type ResultRow } from './lib/report.js';
import { summarize } from './lib/stats.js';
import { loadNote } from './lib/machine.js';

function cpuSeconds(pid: number): number {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(f[11]) + Number(f[12])) / 100;
}

/** Runs `work` over `items`, `concurrency` at a time; per-item latency (ms) and the wall time. */
async function pool<T>(items: T[], concurrency: number, work: (item: T) => Promise<boolean>): Promise<{ ms: number[]; wallMs: number; ok: number }> {
  const ms: number[] = [];
  let next = 0;
  let ok = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const item = items[next++]!;
        const t = performance.now();
        if (await work(item)) ok++;
        ms.push(performance.now() - t);
      }
    }),
  );
  return { ms, wallMs: performance.now() - started, ok };
}

export const bench: BenchDefinition = {
  name: 'survey-respond',
  title: 'self-diagnosis survey responses/s through the public answer route',
  async run(ctx) {
    const responses = Number(option(ctx.args, 'responses') ?? 1000);
    const concurrency = Number(option(ctx.args, 'concurrency') ?? 16);
    const cpuRun = 300;
    const server = await startServer();
    try {
      const coordinator = new WebClient(server.appUrl);
      await coordinator.signIn(server.demo.username, server.demo.password);
      const index = await coordinator.get('/admin/self-diagnosis');
      const roundPath = /href="(\/admin\/self-diagnosis\/rounds\/[0-9a-f-]{36})"/.exec(index.body)?.[1];
      if (!roundPath) return { name: 'survey-respond', status: 'unavailable', reason: 'the demo agency has no self-diagnosis round', rows: [] };
      const round = await coordinator.get(roundPath);
      const unit = html(round.body).querySelectorAll('select[name="unit"] option').map((o) => o.getAttribute('value')).find((v) => v);
      const csrf = csrfToken(round.body);
      if (!unit || !csrf) return { name: 'survey-respond', status: 'error', reason: 'the round page has no link form', rows: [] };

      const needed = 1 + 20 + responses + Math.ceil(responses / 2) + cpuRun;
      ctx.log(`issuing ${needed} one-time links through the link-slip form`);
      const links: string[] = [];
      while (links.length < needed) {
        const slips = await coordinator.postForm(`${roundPath}/links`, { _csrf: csrf, unit, count: String(Math.min(200, needed - links.length)) });
        if (slips.status !== 200) return { name: 'survey-respond', status: 'error', reason: `issuing links answered ${slips.status}`, rows: [] };
        links.push(...html(slips.body).querySelectorAll('.slip .mono').map((p) => new URL(p.text.trim()).pathname));
      }

      // One respondent's browser: the CSRF cookie and token of an anonymous visitor, and the answers.
      const respondent = new WebClient(server.appUrl);
      const first = await respondent.get(links[0]!);
      const doc = html(first.body);
      const token = csrfToken(first.body);
      const names = [...new Set(doc.querySelectorAll('main form input[type="radio"]').map((r) => r.getAttribute('name')!))];
      if (!token || names.length === 0) return { name: 'survey-respond', status: 'error', reason: `the survey page has no form (HTTP ${first.status})`, rows: [] };
      const answers = (i: number): string => {
        const fields: Record<string, string> = { _csrf: token, suggestion: i % 10 === 0 ? 'ข้อเสนอแนะจากการวัดประสิทธิภาพ' : '' };
        for (const [k, name] of names.entries()) {
          const values = doc.querySelectorAll(`main form input[name="${name}"]`).map((r) => r.getAttribute('value')!);
          fields[name] = values[(i + k) % values.length]!;
        }
        return new URLSearchParams(fields).toString();
      };
      const post = async (path: string, i: number): Promise<boolean> => {
        const res = await fetch(server.appUrl + path, {
          method: 'POST',
          headers: { cookie: respondent.cookieHeader, 'content-type': 'application/x-www-form-urlencoded' },
          body: answers(i),
          redirect: 'manual',
        });
        await res.arrayBuffer();
        return res.status === 303;
      };
      let cursor = 1;
      const take = (n: number) => links.slice(cursor, (cursor += n));
      const probe = take(1)[0]!;
      if (!(await post(probe, 0))) return { name: 'survey-respond', status: 'error', reason: `POST ${probe} did not redirect`, rows: [] };

      ctx.log('warming up');
      await pool(take(19), 4, (p) => post(p, 1));
      const run = await pool(take(responses), concurrency, (p) => post(p, 2));
      const rps = (run.ok / run.wallMs) * 1000;
      ctx.log(`responses: ${rps.toFixed(0)}/s (${run.ok}/${responses} accepted)`);
      const whole = await pool(take(Math.ceil(responses / 2)), concurrency, async (p) => {
        const page = await fetch(server.appUrl + p, { headers: { cookie: respondent.cookieHeader } });
        await page.arrayBuffer();
        return page.status === 200 && (await post(p, 3));
      });
      const wholeRps = (whole.ok / whole.wallMs) * 1000;
      ctx.log(`whole respondents (GET + POST): ${wholeRps.toFixed(0)}/s`);

      const pid = server.child.pid!;
      const cpu0 = cpuSeconds(pid);
      const fixed = await pool(take(cpuRun), 4, (p) => post(p, 4));
      const cpuPerResponseMs = ((cpuSeconds(pid) - cpu0) * 1000) / cpuRun;
      const rss = await server.rssNow();
      const rows: ResultRow[] = [
        valueRow(`responses/s (POST, ${concurrency} at a time, ${responses} links)`, 'req/s', rps, { on: 'value', op: '>=', value: 200 }),
        statRow('response latency (POST → 303)', 'ms', summarize(run.ms)),
        valueRow(`whole respondents/s (GET the page + POST, ${concurrency} at a time)`, 'req/s', wholeRps),
        valueRow(`server CPU time per response (${cpuRun}, 4 at a time)`, 'ms', cpuPerResponseMs),
        // One Node process runs its JavaScript and SQLite on one core: that is its ceiling.
        valueRow('responses/s one idle core would sustain at that CPU cost (one server process)', 'req/s', 1000 / cpuPerResponseMs, { on: 'value', op: '>=', value: 200 }),
        valueRow('server process RSS after the runs', 'MB', rss.rssMb),
      ];
      return {
        name: 'survey-respond',
        status: 'ok',
        rows,
        notes: [
          `${names.length} answered questions a response; accepted (303): ${run.ok}/${responses}, whole ${whole.ok}/${Math.ceil(responses / 2)}, CPU run ${fixed.ok}/${cpuRun}`,
          `SQLite; the server and this client share the same ${loadNote()}`,
        ],
      };
    } finally {
      await server.stop();
    }
  },
};
