/**
 * The deployment files in deploy/ are checked by the tools that will read them: the systemd unit
 * by `systemd-analyze verify`, the nginx site by `nginx -t` (with a throw-away certificate and the
 * paths moved into a temporary prefix). Each check is also shown a broken copy, so a check that
 * cannot fail does not pass silently. .ci/run installs systemd and nginx-light.
 */
import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const exec = promisify(execFile);
// Debian puts nginx in /usr/sbin, which a non-root PATH may lack.
const NGINX = existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : 'nginx';
const DEPLOY = join(import.meta.dirname, '..', '..', '..', 'deploy');

async function outcome(cmd: string, args: string[]): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await exec(cmd, args);
    return { code: 0, output: `${stdout}${stderr}`.trim() };
  } catch (error) {
    const e = error as { code: number | string; stdout?: string; stderr?: string };
    if (e.code === 'ENOENT') throw new Error(`${cmd} is required for this test (apt-get install systemd nginx-light; .ci/run does it)`);
    return { code: Number(e.code) || 1, output: `${e.stdout ?? ''}${e.stderr ?? ''}`.trim() };
  }
}

describe('deployment files', () => {
  it('systemd unit passes systemd-analyze verify, and a broken one does not', async () => {
    const good = await outcome('systemd-analyze', ['verify', join(DEPLOY, 'prongsai.service')]);
    expect(good).toEqual({ code: 0, output: '' });
    const dir = mkdtempSync(join(tmpdir(), 'prongsai-unit-'));
    try {
      const broken = join(dir, 'prongsai.service');
      writeFileSync(broken, readFileSync(join(DEPLOY, 'prongsai.service'), 'utf8').replace('Type=simple', 'Type=simple-ish'));
      expect((await outcome('systemd-analyze', ['verify', broken])).output).toContain('Failed to parse service type');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('nginx site passes nginx -t with its TLS and proxy settings, and a broken one does not', async () => {
    const prefix = mkdtempSync(join(tmpdir(), 'prongsai-nginx-'));
    try {
      await exec('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=ita.example.go.th',
        '-keyout', join(prefix, 'privkey.pem'), '-out', join(prefix, 'fullchain.pem')]);
      writeFileSync(join(prefix, 'prongsai-proxy-params.conf'), readFileSync(join(DEPLOY, 'nginx-prongsai-proxy-params.conf')));
      const site = readFileSync(join(DEPLOY, 'nginx-prongsai.conf'), 'utf8')
        .replaceAll('/etc/ssl/prongsai/', `${prefix}/`)
        .replaceAll('/etc/nginx/prongsai-proxy-params.conf', join(prefix, 'prongsai-proxy-params.conf'))
        .replace(/listen (\[::\]:)?(80|443)/g, (_m, v6: string | undefined, port: string) => `listen ${v6 ?? ''}${port === '80' ? 18080 : 18443}`);
      writeFileSync(join(prefix, 'site.conf'), site);
      const main = (siteFile: string) =>
        `pid ${prefix}/nginx.pid;\nerror_log ${prefix}/error.log;\nevents {}\nhttp {\n  access_log off;\n  client_body_temp_path ${prefix};\n  proxy_temp_path ${prefix};\n  fastcgi_temp_path ${prefix};\n  uwsgi_temp_path ${prefix};\n  scgi_temp_path ${prefix};\n  include ${siteFile};\n}\n`;
      writeFileSync(join(prefix, 'nginx.conf'), main(join(prefix, 'site.conf')));
      const good = await outcome(NGINX, ['-t', '-p', prefix, '-e', join(prefix, 'error.log'), '-c', join(prefix, 'nginx.conf')]);
      expect(good.output).toContain('test is successful');
      expect(good.code).toBe(0);
      writeFileSync(join(prefix, 'broken.conf'), site.replace('proxy_pass http://prongsai;', 'proxy_pass http://prongsai'));
      writeFileSync(join(prefix, 'nginx.conf'), main(join(prefix, 'broken.conf')));
      const bad = await outcome(NGINX, ['-t', '-p', prefix, '-e', join(prefix, 'error.log'), '-c', join(prefix, 'nginx.conf')]);
      expect(bad.code).not.toBe(0);
    } finally {
      rmSync(prefix, { recursive: true, force: true });
    }
  });
});
