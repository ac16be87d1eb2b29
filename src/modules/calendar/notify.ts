/**
 * Reminder channels beyond the in-app list: e-mail over SMTP (configured by environment
 * variables) and, optionally, the LINE Messaging API push endpoint with a channel access token.
 * LINE Notify is not used: LINE retired it on 31 March 2025.
 *
 * nodemailer is loaded on first use, so an installation without SMTP never loads it.
 */
export interface MailConfig {
  /** smtp://user:pass@host:port or smtps://… */
  url: string;
  from: string;
}

export interface LineConfig {
  channelAccessToken: string;
  /** A user, group or room id to push to. */
  to: string;
  /** Overridable for tests; defaults to https://api.line.me */
  apiBase?: string;
}

export interface Message {
  to: string[];
  subject: string;
  text: string;
}

interface Transport {
  sendMail(msg: { from: string; to: string; subject: string; text: string }): Promise<unknown>;
  close(): void;
}

export function mailer(config: MailConfig) {
  let transport: Transport | undefined;
  async function get(): Promise<Transport> {
    if (!transport) {
      // Module name in a variable: the type checker does not need nodemailer's types at build time.
      const name = 'nodemailer';
      const mod = (await import(name)) as { default: { createTransport(url: string, defaults?: unknown): Transport } };
      transport = mod.default.createTransport(config.url, {});
    }
    return transport;
  }
  return {
    async send(m: Message): Promise<void> {
      if (m.to.length === 0) return;
      await (await get()).sendMail({ from: config.from, to: m.to.join(', '), subject: m.subject, text: m.text });
    },
    close: () => transport?.close(),
  };
}
export type Mailer = ReturnType<typeof mailer>;

/** Pushes a text message with the LINE Messaging API. */
export async function pushLine(config: LineConfig, text: string, fetchImpl: typeof fetch = fetch): Promise<void> {
  const res = await fetchImpl(`${config.apiBase ?? 'https://api.line.me'}/v2/bot/message/push`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${config.channelAccessToken}` },
    body: JSON.stringify({ to: config.to, messages: [{ type: 'text', text: text.slice(0, 5000) }] }),
    signal: AbortSignal.timeout(10_000),
  });
  if (!res.ok) throw new Error(`LINE Messaging API ตอบ ${res.status}`);
}
