/**
 * The tenant a piece of work runs for, carried by AsyncLocalStorage, and PostgreSQL row-level
 * security that enforces it (docs/adr/0008-tenancy-and-row-level-security.md).
 *
 * Every connection the app checks out of the pool is first told whose rows it may see
 * (`set_config('app.agency_id', …)` and `app.scope`), from the scope of the code that asked for
 * it. The policies on every table with an `agency_id` column then show and accept only that
 * agency's rows; with no scope a query sees nothing. Work over the whole deployment (sign-in
 * lookup, the deployment administrator's views, scheduled jobs, migrations, the CLI) runs in an
 * explicit deployment scope that names its reason, counted per reason so it can be audited.
 * SQLite has no row-level security: there the scope is only carried, never enforced.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { sql, type Kysely } from 'kysely';
import type pg from 'pg';

/**
 * Why work may see every agency's rows. A closed list on purpose: a new reason is a reviewed
 * change here, and `deploymentScopeUses()` counts each one.
 */
export const DEPLOYMENT_REASONS = [
  'migrate',
  'session-lookup',
  'sign-in',
  'setup',
  'invitation',
  'deployment-admin',
  'scheduled-job',
  // GET /metrics counts rows by state across agencies (numbers only, never content).
  'metrics',
  'cli',
  'startup',
  'test-fixture',
] as const;
export type DeploymentReason = (typeof DEPLOYMENT_REASONS)[number];

export type TenantScope =
  | { kind: 'agency'; agencyId: string }
  | { kind: 'deployment'; reason: DeploymentReason }
  | { kind: 'none' };

/** A mutable cell: a request enters it first and fills in its tenant once it is known. */
interface ScopeCell {
  scope: TenantScope;
}

const storage = new AsyncLocalStorage<ScopeCell>();
const NONE: TenantScope = { kind: 'none' };
const uses = new Map<DeploymentReason, number>();

/** The scope of the running code (`none` outside any). */
export function currentScope(): TenantScope {
  return storage.getStore()?.scope ?? NONE;
}

/** Runs `fn` for one agency: a query in it sees that agency's rows only. */
export function withTenant<T>(agencyId: string, fn: () => T): T {
  return storage.run({ scope: { kind: 'agency', agencyId } }, fn);
}

/**
 * Runs `fn` over the whole deployment. Use only for work that is by nature not one agency's
 * (the reasons above); everything else takes its tenant from the request or the caller.
 */
export function withDeploymentScope<T>(reason: DeploymentReason, fn: () => T): T {
  uses.set(reason, (uses.get(reason) ?? 0) + 1);
  return storage.run({ scope: { kind: 'deployment', reason } }, fn);
}

/** How often each deployment reason was entered by this process (metrics, tests). */
export function deploymentScopeUses(): Record<string, number> {
  return Object.fromEntries(uses);
}

/**
 * Enters a fresh, empty scope cell for a unit of work whose tenant is found later (a request:
 * the platform sets it from the session or the public address with `setScope`). Callback style,
 * so a Fastify hook can run the rest of the request inside it.
 */
export function enterScopeCell<T>(fn: () => T): T {
  return storage.run({ scope: NONE }, fn);
}

/** Sets the scope of the current cell (no-op outside one). */
export function setScope(scope: TenantScope): void {
  const cell = storage.getStore();
  if (cell) cell.scope = scope;
}

/** The two settings a connection is given for a scope. */
function settingsFor(scope: TenantScope): { agencyId: string; scope: string } {
  if (scope.kind === 'agency') return { agencyId: scope.agencyId, scope: 'agency' };
  if (scope.kind === 'deployment') return { agencyId: '', scope: `deployment:${scope.reason}` };
  return { agencyId: '', scope: '' };
}

/** What the pool wrapper needs from pg.Pool. */
type PoolLike = Pick<pg.Pool, 'connect' | 'end'>;

/**
 * Wraps a pg pool for Kysely so every checked-out connection carries the scope of the code that
 * checked it out (Kysely checks out one connection per query, or one per transaction). The
 * settings are session-level and re-set on every checkout whose scope differs from the
 * connection's last one, so a pooled connection never keeps another request's tenant.
 * `unscoped` is what code outside any scope gets: `none` in the app; tests pass a deployment
 * scope for fixtures they write directly, while every request still sets its own.
 */
export function scopedPool(pool: PoolLike, opts: { unscoped?: TenantScope } = {}): PoolLike {
  const applied = new WeakMap<object, string>();
  const unscoped = opts.unscoped ?? NONE;
  return {
    end: () => pool.end(),
    connect: (async () => {
      const client = await pool.connect();
      const cell = storage.getStore();
      const s = settingsFor(cell ? cell.scope : unscoped);
      const key = `${s.scope}|${s.agencyId}`;
      if (applied.get(client) !== key) {
        try {
          await client.query("select set_config('app.agency_id', $1, false), set_config('app.scope', $2, false)", [s.agencyId, s.scope]);
        } catch (error) {
          client.release(error as Error);
          throw error;
        }
        applied.set(client, key);
      }
      return client;
    }) as PoolLike['connect'],
  };
}

/** The policy's condition: the row's agency is the connection's, or the work is deployment-wide. */
const POLICY_CONDITION = sql.raw(
  "agency_id = nullif(current_setting('app.agency_id', true), '') or current_setting('app.scope', true) like 'deployment:%'",
);
export const TENANT_POLICY = 'tenant_isolation';

/** Every table of the current schema with an `agency_id` column (PostgreSQL). */
export async function agencyTables(db: Kysely<any>): Promise<string[]> {
  const { rows } = await sql<{ table_name: string }>`
    select c.table_name from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = current_schema() and c.column_name = 'agency_id' and t.table_type = 'BASE TABLE'
    order by c.table_name`.execute(db);
  return rows.map((r) => r.table_name);
}

/**
 * Turns on (and forces, so the owning role is bound too) row-level security with the tenant
 * policy on every agency table. Idempotent; run after every migration, so a table a later
 * module adds is covered without its migration knowing about it. PostgreSQL only.
 */
export async function applyRowLevelSecurity(db: Kysely<any>): Promise<string[]> {
  return db.transaction().execute(async (tx) => {
    // Two instances starting together must not both create a policy.
    await sql`select pg_advisory_xact_lock(hashtext('prongsai:row-level-security'))`.execute(tx);
    const missing = await tablesWithoutPolicy(tx);
    for (const table of missing) {
      const t = sql.id(table);
      await sql`alter table ${t} enable row level security`.execute(tx);
      await sql`alter table ${t} force row level security`.execute(tx);
      await sql`drop policy if exists ${sql.id(TENANT_POLICY)} on ${t}`.execute(tx);
      await sql`create policy ${sql.id(TENANT_POLICY)} on ${t} using (${POLICY_CONDITION}) with check (${POLICY_CONDITION})`.execute(tx);
    }
    return missing;
  });
}

/**
 * Removes the tenant policies (before migrating down: a policy depends on the agency_id column a
 * down migration may drop). The next `migrateToLatest` puts them back.
 */
export async function dropRowLevelSecurity(db: Kysely<any>): Promise<void> {
  for (const table of await agencyTables(db)) {
    await sql`drop policy if exists ${sql.id(TENANT_POLICY)} on ${sql.id(table)}`.execute(db);
    await sql`alter table ${sql.id(table)} no force row level security`.execute(db);
    await sql`alter table ${sql.id(table)} disable row level security`.execute(db);
  }
}

/** Agency tables of the current schema that lack forced row-level security or the tenant policy. */
export async function tablesWithoutPolicy(db: Kysely<any>): Promise<string[]> {
  const tables = await agencyTables(db);
  const { rows } = await sql<{ relname: string }>`
    select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = current_schema() and c.relrowsecurity and c.relforcerowsecurity
      and exists (select 1 from pg_policies p where p.schemaname = n.nspname and p.tablename = c.relname and p.policyname = ${TENANT_POLICY})`.execute(db);
  const covered = new Set(rows.map((r) => r.relname));
  return tables.filter((t) => !covered.has(t));
}
