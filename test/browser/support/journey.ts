/** Shared pieces of the journeys: named steps, and the app and browser started together. */
import { startServer, type RunningServer } from './server.js';
import { launchBrowser, type BrowserSession } from './browser.js';

/** Runs one step of a journey; a failure names the step, so the report says where it broke. */
export async function step<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    const result = await fn();
    if (process.env.PRONGSAI_BROWSER_TIMINGS) process.stdout.write(`  ${Math.round(performance.now() - started)} ms  ${name}\n`);
    return result;
  } catch (error) {
    if (error instanceof Error) {
      error.message = `[step: ${name}] ${error.message}`;
      throw error;
    }
    throw new Error(`[step: ${name}] ${String(error)}`);
  }
}

export interface Journey {
  server: RunningServer;
  browser: BrowserSession;
  close(): Promise<void>;
}

export async function startJourney(opts: { javaScriptEnabled: boolean }): Promise<Journey> {
  const server = await startServer();
  let browser: BrowserSession;
  try {
    browser = await launchBrowser(opts);
  } catch (error) {
    await server.close();
    throw error;
  }
  return {
    server,
    browser,
    close: async () => {
      try {
        await browser.close();
      } finally {
        await server.close();
      }
    },
  };
}

/**
 * Starts the app and the browser inside the test itself (not in beforeAll): a missing Chromium
 * then fails the journey, where a failing hook would report it as skipped.
 */
export async function withJourney(opts: { javaScriptEnabled: boolean }, run: (j: Journey) => Promise<void>): Promise<void> {
  const j = await startJourney(opts);
  try {
    await run(j);
  } finally {
    await j.close();
  }
}
