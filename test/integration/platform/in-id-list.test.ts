/**
 * `inIdList` (src/db/portable.ts): a long id list as one array parameter on PostgreSQL and an IN
 * list on SQLite must select exactly the same rows — including ids that would need quoting in an
 * array literal — and an empty list must select none.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import { DIALECTS, openTestDatabase, type TestDatabase } from '../../support/database.js';
import { inIdList } from '../../../src/db/portable.js';

const AWKWARD = ['a"b', 'c,d', '{e}', 'NULL', 'f\\g', " h ", 'ไทย'];

describe.each(DIALECTS)('inIdList on %s', (dialect) => {
  let database: TestDatabase;
  let db: Kysely<any>;
  const ids = [...AWKWARD, ...Array.from({ length: 1200 }, (_, i) => `id-${i}`)];

  beforeAll(async () => {
    database = await openTestDatabase(dialect, { migrate: false });
    db = database.db;
    await db.schema.createTable('id_probe').addColumn('id', 'text', (c) => c.primaryKey()).execute();
    for (let i = 0; i < ids.length; i += 300) await db.insertInto('id_probe').values(ids.slice(i, i + 300).map((id) => ({ id }))).execute();
  });
  afterAll(async () => database?.close());

  const select = async (list: string[]) =>
    (await db.selectFrom('id_probe').select('id').where(inIdList(db, 'id', list)).execute()).map((r) => r.id as string).sort();

  it('selects exactly the listed ids, awkward ones included', async () => {
    expect(await select(AWKWARD)).toEqual([...AWKWARD].sort());
    expect(await select(['id-7', 'missing', 'NULL'])).toEqual(['NULL', 'id-7']);
  });

  it('takes a list of a province’s size and more', async () => {
    const many = ids.slice(0, 1000);
    expect(await select(many)).toEqual([...many].sort());
  });

  it(dialect === 'postgres' ? 'sends the list as one array parameter' : 'sends the list as an IN list', () => {
    const q = db.selectFrom('id_probe').select('id').where(inIdList(db, 'id', ids)).compile();
    expect(q.parameters.length).toBe(dialect === 'postgres' ? 1 : ids.length);
  });

  it('selects nothing for an empty list', async () => {
    expect(await select([])).toEqual([]);
  });
});
