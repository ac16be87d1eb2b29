/**
 * Debian's Chromium driven by playwright-core, and the accessibility check run on every page.
 * Playwright refuses --user-data-dir in args, so each run gets a fresh persistent profile dir.
 * A missing /usr/bin/chromium fails the journey with the fix in the message: never a skip (CI
 * must not go green without the browser tests).
 *
 * axe runs as a script in the page, which a context with JavaScript disabled cannot do (the
 * evaluate never returns). For those contexts a second, script-enabled "auditor" context replays
 * the exact HTML the officer received, at the same URL so the same stylesheets and fonts load,
 * with /assets/app.js blocked so the page stays as it is without JavaScript, and axe runs there.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';

export const CHROMIUM_PATH = '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface BrowserSession {
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught page errors seen so far (a CSP violation shows up here). */
  problems: string[];
  /** Where downloads are saved by the helpers. */
  downloadDir: string;
  close(): Promise<void>;
}

async function launchContext(javaScriptEnabled: boolean): Promise<{ context: BrowserContext; profileDir: string }> {
  const profileDir = mkdtempSync(join(tmpdir(), 'prongsai-chromium-'));
  try {
    const context = await chromium.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: CHROMIUM_ARGS,
      javaScriptEnabled,
      acceptDownloads: true,
      locale: 'th-TH',
      viewport: { width: 1280, height: 900 },
    });
    context.setDefaultTimeout(30_000);
    context.setDefaultNavigationTimeout(60_000);
    return { context, profileDir };
  } catch (error) {
    rmSync(profileDir, { recursive: true, force: true });
    throw error;
  }
}

/** Script-enabled contexts that run axe for the JavaScript-off contexts they are keyed by. */
const auditors = new WeakMap<BrowserContext, () => Promise<Page>>();

export async function launchBrowser(opts: { javaScriptEnabled: boolean }): Promise<BrowserSession> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium is required for the browser journeys and was not found at ${CHROMIUM_PATH}. ` +
        'Install Debian\'s package (sudo apt-get install -y chromium) or run .ci/run, which installs it.',
    );
  }
  const downloadDir = mkdtempSync(join(tmpdir(), 'prongsai-downloads-'));
  const opened: { context: BrowserContext; profileDir: string }[] = [];
  const closeAll = async () => {
    for (const o of opened.splice(0)) {
      await o.context.close();
      rmSync(o.profileDir, { recursive: true, force: true });
    }
    rmSync(downloadDir, { recursive: true, force: true });
  };
  try {
    opened.push(await launchContext(opts.javaScriptEnabled));
  } catch (error) {
    await closeAll();
    throw error;
  }
  const { context } = opened[0]!;
  if (!opts.javaScriptEnabled) {
    let auditorPage: Promise<Page> | undefined;
    auditors.set(context, () => {
      auditorPage ??= launchContext(true).then(async (o) => {
        opened.push(o);
        // Keep the replayed page as the server sent it to a browser without JavaScript.
        await o.context.route('**/assets/app.js', (route) => route.abort());
        return o.context.pages()[0] ?? (await o.context.newPage());
      });
      return auditorPage;
    });
  }
  const page = context.pages()[0] ?? (await context.newPage());
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const source = message.location().url;
    // Chromium asks every site for /favicon.ico; the app has none, and that is not a page defect.
    if (source.endsWith('/favicon.ico')) return;
    // A form re-rendered with 400 (POST → validate → 400 with the errors) is the convention, but
    // Chromium logs the document's status as a failed load. Failed subresources still count.
    if (source === page.url() && /^Failed to load resource: the server responded with a status of 4\d\d/.test(message.text())) return;
    problems.push(`console error on ${page.url()}: ${message.text()} (${source})`);
  });
  page.on('pageerror', (error) => problems.push(`page error on ${page.url()}: ${error.message}`));
  return {
    context,
    page,
    problems,
    downloadDir,
    close: closeAll,
  };
}

/**
 * Runs axe (WCAG 2.0 A/AA and 2.1 AA rules) on the page as it is and fails listing every
 * violation with the elements it found. Called on every page a journey visits.
 */
export async function expectAccessible(page: Page): Promise<void> {
  const auditor = auditors.get(page.context());
  const target = auditor ? await replay(page, await auditor()) : page;
  const started = performance.now();
  // Legacy mode runs axe.run() in the page itself instead of runPartial() plus finishRun() in a
  // new blank tab with axe injected twice: several times faster, and the app has no
  // cross-origin frames, which is all that mode gives up. No `resultTypes: ['violations']`
  // shortcut: it changes what page-level rules such as landmark-unique report (axe 4.14).
  const results = await new AxeBuilder({ page: target }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).setLegacyMode().analyze();
  if (process.env.PRONGSAI_BROWSER_TIMINGS) process.stdout.write(`    axe ${Math.round(performance.now() - started)} ms  ${new URL(page.url()).pathname}\n`);
  if (results.violations.length === 0) return;
  const lines = results.violations.map((v) => {
    const nodes = v.nodes
      .slice(0, 5)
      .map((n) => `      ${n.target.join(' ')}\n        ${n.failureSummary?.replace(/\n/g, '\n        ') ?? ''}`)
      .join('\n');
    const more = v.nodes.length > 5 ? `\n      … and ${v.nodes.length - 5} more` : '';
    return `  - ${v.id} (${v.impact ?? 'n/a'}): ${v.help}\n    ${v.helpUrl}\n${nodes}${more}`;
  });
  throw new Error(`Accessibility violations on ${page.url()}${auditor ? ' (JavaScript off: its HTML replayed for axe)' : ''}:\n${lines.join('\n')}`);
}

/** Loads `page`'s current HTML into the auditor page at the same URL (the fragment aside). */
async function replay(page: Page, auditor: Page): Promise<Page> {
  const url = page.url().replace(/#.*$/, '');
  const html = await page.content();
  const exact = (u: URL) => u.href === url;
  await auditor.route(exact, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
  try {
    await auditor.goto(url, { waitUntil: 'load' });
  } finally {
    await auditor.unroute(exact);
  }
  // The auditor has no session: had the replay missed, it would be looking at another page.
  if (auditor.url() !== url) throw new Error(`axe replay of ${url} ended at ${auditor.url()}`);
  return auditor;
}
