/**
 * The CLI's JSON through npm, exactly as the README gives the command: stdout must be the JSON
 * alone (npm's "> script" banner goes to stderr under the project's .npmrc), and the .npmrc must
 * not silence npm (a silent `npm ci` prints nothing for a minute and looks hung).
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

describe('npm run cli -- analyze FILE --json', () => {
  it('prints only the JSON on stdout, the npm banner on stderr', async () => {
    const { stdout, stderr } = await run('npm', ['run', 'cli', '--', 'analyze', 'src/modules/ita-results/domain/fixtures/seed-fy2565.json', '--json'], { cwd: ROOT, timeout: 60_000 });
    const parsed = JSON.parse(stdout) as { fiscalYear: number };
    expect(parsed.fiscalYear).toBe(2565);
    expect(stderr).toContain('> prongsai@');
  });

  it('leaves npm its normal output (no silent log level in the project .npmrc)', () => {
    const rc = readFileSync(`${ROOT}.npmrc`, 'utf8').replace(/#.*$/gm, '');
    expect(rc).not.toMatch(/loglevel\s*=\s*silent/);
    expect(rc).not.toMatch(/^\s*silent\s*=\s*true/m);
  });
});
