/**
 * Configuration from environment variables, parsed once with zod at start-up; a bad value stops
 * the process with a message naming the variable. Every value has a safe development default;
 * secrets are required in production (NODE_ENV=production).
 */
import { z } from 'zod';
import { resolve } from 'node:path';

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  /** SQLite file path (default ./data/prongsai.sqlite) or postgres://… */
  DATABASE_URL: z.string().min(1).optional(),
  /** Uploaded and generated files. */
  DATA_DIR: z.string().min(1).default('./data'),
  /** Signs cookies. Required in production; in development a fixed dev value is used. */
  SESSION_SECRET: z.string().min(32).optional(),
  /** Public base URL used in printed links and the ITAS export, e.g. https://www.example.go.th */
  PUBLIC_BASE_URL: z.string().url().optional(),
  /** Set to true behind a TLS-terminating proxy: cookies become Secure and X-Forwarded-* is trusted. */
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  /**
   * How many proxies in front of the server may append to X-Forwarded-For (default 1 when
   * TRUST_PROXY=true). The client address is the one that many hops from the right: an address a
   * client writes into the header itself is never taken as its own.
   */
  TRUST_PROXY_HOPS: z.coerce.number().int().min(1).max(10).optional(),
  /** Maximum upload size in megabytes. */
  MAX_UPLOAD_MB: z.coerce.number().positive().max(1024).default(100),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Bearer token that opens GET /metrics; unset, /metrics answers 404. */
  METRICS_TOKEN: z.string().min(16).optional(),
  /** Folder for scheduled backups; unset, no scheduled backup runs. */
  BACKUP_DIR: z.string().min(1).optional(),
  /** Hours between scheduled backups. */
  BACKUP_INTERVAL_HOURS: z.coerce.number().positive().max(24 * 31).default(24),
  /** How many scheduled backups to keep (oldest removed first). */
  BACKUP_KEEP: z.coerce.number().int().min(1).max(1000).default(7),
  /** Take a backup before migrating a database that needs migrations (on `npm start`). */
  BACKUP_BEFORE_MIGRATE: z.enum(['true', 'false']).default('true'),
  /** Reminder e-mail: smtp://user:pass@host:587 (or smtps://…); unset = no e-mail. */
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'ต้องขึ้นต้นด้วย smtp:// หรือ smtps://').optional(),
  /** Sender of reminder e-mail, e.g. "Prongsai <ita@example.go.th>". */
  MAIL_FROM: z.string().min(3).default('Prongsai <no-reply@localhost>'),
  /** LINE Messaging API channel access token and the user/group id to push reminders to (optional). */
  LINE_CHANNEL_ACCESS_TOKEN: z.string().min(10).optional(),
  LINE_TO: z.string().min(5).optional(),
  /** How often the reminder scheduler runs (0 = off) and how many days ahead it reminds. */
  REMINDER_INTERVAL_MINUTES: z.coerce.number().min(0).max(24 * 60).default(60),
  REMINDER_LEAD_DAYS: z.coerce.number().int().min(0).max(90).default(14),
  /** Key of the government spending API (cgdcontract, fed by e-GP); unset = the API is not used. Never logged or shown. */
  GOVSPENDING_API_KEY: z.string().min(8).optional(),
  /** Hours between two runs of the watch on the public OIT pages (0 = off). */
  OIT_WATCH_INTERVAL_HOURS: z.coerce.number().min(0).max(24 * 7).default(24),
  /** Milliseconds after which the watch reports a public OIT page, file or link as slow. */
  OIT_WATCH_SLOW_MS: z.coerce.number().int().min(100).max(60_000).default(3000),
  /** Hours between two runs of the e-service retention purge (PDPA) over every agency (0 = off; the CLI still works). */
  ESERVICE_PURGE_INTERVAL_HOURS: z.coerce.number().min(0).max(24 * 31).default(24),
  /** Seconds between two passes that send (and retry) citizens' e-service notices (0 = only right after each change). */
  ESERVICE_NOTICE_INTERVAL_SECONDS: z.coerce.number().int().min(0).max(24 * 3600).default(60),
});

export interface Config {
  readonly env: 'development' | 'production' | 'test';
  readonly port: number;
  readonly host: string;
  readonly database: { readonly kind: 'sqlite'; readonly file: string } | { readonly kind: 'postgres'; readonly url: string };
  readonly dataDir: string;
  readonly sessionSecret: string;
  readonly publicBaseUrl: string;
  readonly trustProxy: boolean;
  /** Trusted proxy hops for the client address (0 = trust none); see TRUST_PROXY_HOPS. */
  readonly trustProxyHops?: number;
  readonly maxUploadBytes: number;
  readonly logLevel: string;
  readonly metricsToken?: string;
  readonly backup?: { readonly dir?: string; readonly intervalHours: number; readonly keep: number; readonly beforeMigrate: boolean };
  /** Reminders (calendar module); absent in tests that do not need them. */
  readonly reminders?: {
    readonly mail?: { readonly url: string; readonly from: string };
    readonly line?: { readonly channelAccessToken: string; readonly to: string; readonly apiBase?: string };
    readonly intervalMinutes: number;
    readonly leadDays: number;
  };
  /**
   * Test-only: CIDR ranges the outbound fetch may reach although they are not public (e.g.
   * ['127.0.0.1/32'] for a test listener). Deliberately not read from any environment variable:
   * only code that builds a Config by hand (the test support) can set it.
   */
  readonly outboundAllowPrivate?: readonly string[];
  /** The government spending API (procurement module); absent = not used. `baseUrl`/`minIntervalMs` only for tests. */
  readonly govspending?: { readonly apiKey: string; readonly baseUrl?: string; readonly minIntervalMs?: number; readonly pageSize?: number };
  /** The watch on the public OIT pages; absent = daily. */
  readonly oitWatch?: { readonly intervalHours: number; readonly slowMs?: number };
  /**
   * E-services' background work; absent = defaults (daily purge, notices every minute). Citizens'
   * notices go by the reminders' SMTP_URL and, with `line`, by the LINE Messaging API (the
   * channel token alone: each citizen is pushed to their own user id). `apiBase` only for tests.
   */
  readonly eservices?: { readonly purgeIntervalHours: number; readonly noticeIntervalSeconds: number; readonly line?: { readonly channelAccessToken: string; readonly apiBase?: string } };
}

const DEV_SECRET = 'prongsai-development-secret-do-not-use-in-production';

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`ค่าตั้งระบบ (environment variables) ไม่ถูกต้อง:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (e.NODE_ENV === 'production' && !e.SESSION_SECRET) {
    throw new ConfigError('ต้องกำหนด SESSION_SECRET (อย่างน้อย 32 ตัวอักษร) เมื่อ NODE_ENV=production');
  }
  const dataDir = resolve(e.DATA_DIR);
  const url = e.DATABASE_URL ?? resolve(dataDir, 'prongsai.sqlite');
  const database = /^postgres(ql)?:\/\//.test(url)
    ? ({ kind: 'postgres', url } as const)
    : ({ kind: 'sqlite', file: url === ':memory:' ? url : resolve(url.replace(/^sqlite:(\/\/)?/, '')) } as const);
  return Object.freeze({
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    database,
    dataDir,
    sessionSecret: e.SESSION_SECRET ?? DEV_SECRET,
    publicBaseUrl: (e.PUBLIC_BASE_URL ?? `http://${e.HOST}:${e.PORT}`).replace(/\/$/, ''),
    trustProxy: e.TRUST_PROXY === 'true',
    trustProxyHops: e.TRUST_PROXY === 'true' ? (e.TRUST_PROXY_HOPS ?? 1) : 0,
    maxUploadBytes: Math.round(e.MAX_UPLOAD_MB * 1024 * 1024),
    logLevel: e.LOG_LEVEL,
    ...(e.METRICS_TOKEN ? { metricsToken: e.METRICS_TOKEN } : {}),
    backup: Object.freeze({
      ...(e.BACKUP_DIR ? { dir: resolve(e.BACKUP_DIR) } : {}),
      intervalHours: e.BACKUP_INTERVAL_HOURS,
      keep: e.BACKUP_KEEP,
      beforeMigrate: e.BACKUP_BEFORE_MIGRATE === 'true',
    }),
    reminders: {
      ...(e.SMTP_URL ? { mail: { url: e.SMTP_URL, from: e.MAIL_FROM } } : {}),
      ...(e.LINE_CHANNEL_ACCESS_TOKEN && e.LINE_TO ? { line: { channelAccessToken: e.LINE_CHANNEL_ACCESS_TOKEN, to: e.LINE_TO } } : {}),
      intervalMinutes: e.REMINDER_INTERVAL_MINUTES,
      leadDays: e.REMINDER_LEAD_DAYS,
    },
    ...(e.GOVSPENDING_API_KEY ? { govspending: { apiKey: e.GOVSPENDING_API_KEY } } : {}),
    oitWatch: { intervalHours: e.OIT_WATCH_INTERVAL_HOURS, slowMs: e.OIT_WATCH_SLOW_MS },
    eservices: {
      purgeIntervalHours: e.ESERVICE_PURGE_INTERVAL_HOURS,
      noticeIntervalSeconds: e.ESERVICE_NOTICE_INTERVAL_SECONDS,
      ...(e.LINE_CHANNEL_ACCESS_TOKEN ? { line: { channelAccessToken: e.LINE_CHANNEL_ACCESS_TOKEN } } : {}),
    },
  });
}
