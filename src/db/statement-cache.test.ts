import { describe, expect, it } from 'vitest';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { withStatementCache } from './index.js';

describe('SQLite statement cache', () => {
  it('compiles a query once and reuses it with new parameters', async () => {
    const sqlite = new SqliteDatabase(':memory:');
    let compiled = 0;
    const prepare = sqlite.prepare.bind(sqlite);
    sqlite.prepare = ((text: string) => (compiled++, prepare(text))) as typeof sqlite.prepare;
    const db = new Kysely<any>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
    await sql`create table t (n integer)`.execute(db);
    const before = compiled;
    for (let i = 0; i < 5; i++) await db.insertInto('t').values({ n: i }).execute();
    expect(compiled - before).toBe(1);
    expect((await db.selectFrom('t').select('n').where('n', '>=', 3).execute()).map((r) => r.n)).toEqual([3, 4]);
    expect((await db.selectFrom('t').select('n').where('n', '>=', 1).execute()).length).toBe(4);
    await db.destroy();
  });

  it('prepares a fresh statement while the cached one is still being iterated', async () => {
    const sqlite = new SqliteDatabase(':memory:');
    const cached = withStatementCache(sqlite);
    sqlite.exec('create table t (n integer); insert into t values (1), (2)');
    const outer = cached.prepare('select n from t');
    const seen: number[] = [];
    for (const row of outer.iterate() as Iterable<{ n: number }>) {
      // The same SQL while `outer` is busy: must not be the busy statement (better-sqlite3 would throw).
      seen.push(...(cached.prepare('select n from t').all() as { n: number }[]).map((r) => r.n * 10 + row.n));
    }
    expect(seen).toEqual([11, 21, 12, 22]);
    cached.close();
  });
});
