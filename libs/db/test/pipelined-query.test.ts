import { createTestDatabase, type TestDatabase } from '@fleet/testing';
import { createDb, prepared, type Db } from '../src';
import { migrations, tenantA } from './fixtures';

let database: TestDatabase;
let db: Db;

beforeAll(async () => {
  database = await createTestDatabase('pipeline', { migrations });
  db = createDb({ url: database.appUrl, max: 2 });
});

afterAll(async () => {
  await db.close();
  await database.drop();
});

test('parses rows with the same type parsers as pg', async () => {
  const row = await db.readAsTenant(tenantA, (tx) =>
    tx.maybeOne<{ n: number; at: Date; j: { a: number }; b: boolean; big: string }>(
      'SELECT 42::int AS n, now() AS at, \'{"a":1}\'::jsonb AS j, true AS b, 9007199254740993::bigint AS big',
    ),
  );
  expect(row).toMatchObject({ n: 42, j: { a: 1 }, b: true, big: '9007199254740993' });
  expect(row?.at).toBeInstanceOf(Date);
});

test('statements in a transaction see the tenant set by the pipelined prelude', async () => {
  const settings = await db.withTenant(tenantA, async (tx) => {
    const first = await tx.maybeOne<{ t: string }>("SELECT current_setting('app.tenant_id', true) AS t");
    const second = await tx.maybeOne<{ t: string }>("SELECT current_setting('app.tenant_id', true) AS t");
    return [first?.t, second?.t];
  });
  expect(settings).toEqual([tenantA.tenantId, tenantA.tenantId]);
});

test('concurrent statements on one unit of work all run inside the scope', async () => {
  const values = await db.withTenant(tenantA, (tx) =>
    Promise.all(
      [1, 2, 3].map(
        async () =>
          (await tx.maybeOne<{ t: string }>("SELECT current_setting('app.tenant_id', true) AS t"))?.t,
      ),
    ),
  );
  expect(values).toEqual([tenantA.tenantId, tenantA.tenantId, tenantA.tenantId]);
});

test('a failing statement in a read scope rejects and the connection stays usable', async () => {
  await expect(db.readAsTenant(tenantA, (tx) => tx.query('SELECT 1/0'))).rejects.toMatchObject({
    code: '22012',
  });
  const ok = await db.readAsTenant(tenantA, (tx) => tx.maybeOne<{ one: number }>('SELECT 1 AS one'));
  expect(ok).toEqual({ one: 1 });
});

test('knex builders run through the scoped executor', async () => {
  const rows = await db.readAsTenant(tenantA, (tx) => tx.run(db.sql('notes').select('id').limit(1)));
  expect(rows).toEqual([]);
});

test('a prepared statement that fails when it runs stays usable on the same connection', async () => {
  const single = createDb({ url: database.appUrl, max: 1 });
  try {
    const divide = prepared('pipeline_test_divide', 'SELECT 10 / $1::int AS q');
    // Parsed (and so created on the server) before it failed: the next use must not parse it again.
    await expect(single.readAsTenant(tenantA, (tx) => tx.maybeOne(divide, [0]))).rejects.toMatchObject({
      code: '22012',
    });
    expect(await single.readAsTenant(tenantA, (tx) => tx.maybeOne(divide, [2]))).toEqual({ q: 5 });
    await expect(single.withTenant(tenantA, (tx) => tx.maybeOne(divide, [0]))).rejects.toMatchObject({
      code: '22012',
    });
    expect(await single.withTenant(tenantA, (tx) => tx.maybeOne(divide, [5]))).toEqual({ q: 2 });
  } finally {
    await single.close();
  }
});

test('a prepared statement that does not parse is not taken for created', async () => {
  const single = createDb({ url: database.appUrl, max: 1 });
  try {
    const broken = prepared('pipeline_test_broken', 'SELECT no_such_column FROM notes');
    for (let i = 0; i < 2; i++) {
      await expect(single.readAsTenant(tenantA, (tx) => tx.query(broken))).rejects.toMatchObject({
        code: '42703',
      });
    }
  } finally {
    await single.close();
  }
});
