/**
 * eservice-submit: citizen request submissions per second through the JSON API
 * (`POST /a/demo/api/services/{id}/requests`, a petition with five validated fields, each one a
 * transaction with the request, its first event and an audit entry) while the public OIT year
 * index is loaded at the same time, so the numbers show whether a burst of submissions slows the
 * public pages. Targets (issue 12): ≥ 200 submissions/s on 2 cores, OIT page p99 < 50 ms.
 *
 * Runs the real app (temp SQLite, demo agency) in one child and two load generators in two more:
 * first the OIT page alone (baseline), then submissions and the OIT page together.
 * Options: --duration S (default 5), --connections N (submission connections, default 20),
 * --page-connections N (OIT page connections, default 10).
 */
import { readFileSync } from 'node:fs';
import { startServer } from './lib/server.js';
import { latencyRow, runLoad, statusText } from './lib/load.js';
import { option } from './lib/args.js';
import { valueRow, type BenchDefinition, type ResultRow } from './lib/report.js';
import { loadNote } from './lib/machine.js';

/** User + system CPU seconds of a process so far (Linux /proc). */
function cpuSeconds(pid: number): number {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(f[11]) + Number(f[12])) / 100;
}

export const bench: BenchDefinition = {
  name: 'eservice-submit',
  title: 'e-service submissions/s with the public OIT page under load',
  async run(ctx) {
    const seconds = Number(option(ctx.args, 'duration') ?? 5);
    const connections = Number(option(ctx.args, 'connections') ?? 20);
    const pageConnections = Number(option(ctx.args, 'page-connections') ?? 10);
    const server = await startServer();
    try {
      const list = (await (await fetch(`${server.appUrl}/a/${server.demo.slug}/api/services`)).json()) as { id: string; name: string }[];
      const petition = list.find((s) => s.name === 'คำร้องทั่วไป');
      if (!petition) return { name: 'eservice-submit', status: 'unavailable', reason: 'the demo agency has no "คำร้องทั่วไป" service', rows: [] };
      const submitUrl = `${server.appUrl}/a/${server.demo.slug}/api/services/${petition.id}/requests`;
      const body = JSON.stringify({
        fields: { full_name: 'ผู้ทดสอบ ภาระงาน', phone: '0812345678', address: '1 หมู่ 1 ตำบลตัวอย่าง', subject: 'ทดสอบภาระงาน', details: 'คำร้องจากการวัดประสิทธิภาพ' },
        contact: { phone: '0812345678' },
      });
      const probe = await fetch(submitUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      if (probe.status !== 201) return { name: 'eservice-submit', status: 'error', reason: `POST ${submitUrl} answered ${probe.status}: ${await probe.text()}`, rows: [] };
      const pageUrl = `${server.appUrl}/a/${server.demo.slug}/oit/${server.demo.year}`;
      ctx.log('warming up');
      await runLoad(pageUrl, pageConnections, 1, 0);
      await runLoad(submitUrl, connections, 1, 0, body);

      const alone = await runLoad(pageUrl, pageConnections, seconds, 1);
      ctx.log(`OIT page alone: ${alone.rps.toFixed(0)} req/s, p99 ${alone.latency.p99.toFixed(2)} ms`);
      const [submits, page] = await Promise.all([runLoad(submitUrl, connections, seconds, 1, body), runLoad(pageUrl, pageConnections, seconds, 1)]);
      ctx.log(`submissions: ${submits.rps.toFixed(0)}/s; OIT page meanwhile p99 ${page.latency.p99.toFixed(2)} ms`);
      const submitsOnly = await runLoad(submitUrl, connections, seconds, 1, body);
      // The server's own CPU time from /proc over an exact count of submissions sent from here (4 at a
      // time): on a shared machine the wall-clock rate follows the neighbours' load; CPU seconds per
      // submission much less, and they give the rate two idle cores would allow the server.
      const fixed = 300;
      const cpu0 = cpuSeconds(server.child.pid!);
      let sent = 0;
      let created = 0;
      await Promise.all(
        Array.from({ length: 4 }, async () => {
          while (sent < fixed) {
            sent++;
            const res = await fetch(submitUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
            await res.arrayBuffer();
            if (res.status === 201) created++;
          }
        }),
      );
      const cpuPerSubmitMs = ((cpuSeconds(server.child.pid!) - cpu0) * 1000) / fixed;
      ctx.log(`submissions alone: ${submitsOnly.rps.toFixed(0)}/s`);
      const rss = await server.rssNow();
      const rows: ResultRow[] = [
        valueRow(`submissions with the OIT page loaded (${connections} + ${pageConnections} conns)`, 'req/s', submits.rps, { on: 'value', op: '>=', value: 200 }),
        latencyRow('submission latency (with the OIT page loaded)', submits),
        latencyRow('OIT page latency during submissions', page, { on: 'p99', op: '<', value: 50 }),
        valueRow('OIT page throughput during submissions', 'req/s', page.rps),
        latencyRow('OIT page latency alone (baseline)', alone),
        valueRow(`submissions alone (${connections} conns)`, 'req/s', submitsOnly.rps),
        valueRow(`server CPU time per submission (${fixed} sequential-ish, 4 at a time)`, 'ms', cpuPerSubmitMs),
        // One Node process runs its JavaScript and SQLite on one core: that is its ceiling; the second
        // core is then free for the load, the OS, or a second instance (PostgreSQL deployments).
        valueRow('submissions/s one idle core would sustain at that CPU cost (one server process)', 'req/s', 1000 / cpuPerSubmitMs, { on: 'value', op: '>=', value: 200 }),
        valueRow('server process RSS after the runs', 'MB', rss.rssMb),
      ];
      return {
        name: 'eservice-submit',
        status: 'ok',
        rows,
        notes: [
          `responses: submissions ${statusText(submits)}; page ${statusText(page)}; CPU run ${created}/${fixed} created (201)`,
          `${seconds} s per run after 1 s warm-up; SQLite; server and two load generators share the same ${loadNote()}`,
        ],
      };
    } finally {
      await server.stop();
    }
  },
};
