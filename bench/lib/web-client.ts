/** A tiny cookie-keeping HTTP client (global fetch) to sign in and read forms, as a browser would. */
import { parse, type HTMLElement } from 'node-html-parser';

export class WebClient {
  private cookies = new Map<string, string>();
  constructor(readonly base: string) {}

  get cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private remember(res: Response): void {
    for (const c of res.headers.getSetCookie()) {
      const [pair, ...attrs] = c.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      const expired = value === '' || attrs.some((a) => /^\s*max-age=0\s*$/i.test(a));
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async get(path: string): Promise<{ status: number; body: string; location: string | null }> {
    const res = await fetch(new URL(path, this.base), { headers: { cookie: this.cookieHeader }, redirect: 'manual' });
    this.remember(res);
    return { status: res.status, body: await res.text(), location: res.headers.get('location') };
  }

  async postForm(path: string, fields: Record<string, string>): Promise<{ status: number; body: string; location: string | null }> {
    const res = await fetch(new URL(path, this.base), {
      method: 'POST',
      headers: { cookie: this.cookieHeader, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
      redirect: 'manual',
    });
    this.remember(res);
    return { status: res.status, body: await res.text(), location: res.headers.get('location') };
  }

  /** Signs in through the real login form (CSRF token from the page). */
  async signIn(username: string, password: string): Promise<void> {
    const page = await this.get('/login');
    const csrf = csrfToken(page.body);
    const res = await this.postForm('/login', { _csrf: csrf ?? '', username, password });
    if (res.status !== 303 && res.status !== 302) throw new Error(`sign-in failed: HTTP ${res.status}`);
  }
}

export const csrfToken = (html: string): string | undefined => /name="_csrf" value="([^"]+)"/.exec(html)?.[1];

export const html = (body: string): HTMLElement => parse(body);
