import { createTestDatabase, type TestDatabase } from '@fleet/testing';
import { createDb, newId, prepared, type Db } from '../src';
import { migrations, tenantA, tenantB } from './fixtures';

let database: TestDatabase;
let db: Db;
let statements: string[] = [];

beforeAll(async () => {
  database = await createTestDatabase('deferred', { migrations });
  db = createDb({ url: database.appUrl, max: 2 });
});

afterAll(async () => {
  await db.close();
  await database.drop();
});

const INSERT = prepared('test_note_insert', 'INSERT INTO notes (tenant_id, id, body) VALUES ($1, $2, $3)');
const bodiesOf = (ctx: typeof tenantA) =>
  db.readAsTenant(ctx, async (tx) =>
    (await tx.rows<{ body: string }>('SELECT body FROM notes ORDER BY body')).map((r) => r.body),
  );

beforeEach(async () => {
  statements = [];
  for (const ctx of [tenantA, tenantB]) await db.withTenant(ctx, (tx) => tx.query('DELETE FROM notes'));
});

test('a deferred write is committed with COMMIT, and scoped to the tenant like any statement', async () => {
  await db.withTenant(tenantA, async (tx) => {
    tx.defer(INSERT, [tenantA.tenantId, newId('note'), 'only deferred']);
  });
  expect(await bodiesOf(tenantA)).toEqual(['only deferred']);
  expect(await bodiesOf(tenantB)).toEqual([]);
});

test('deferred writes run in call order: after what was called before, before the next statement', async () => {
  const seen = await db.withTenant(tenantA, async (tx) => {
    await tx.query(INSERT, [tenantA.tenantId, newId('note'), 'a']);
    tx.defer(INSERT, [tenantA.tenantId, newId('note'), 'b']);
    tx.defer(INSERT, [tenantA.tenantId, newId('note'), 'c']);
    const rows = await tx.rows<{ body: string }>('SELECT body FROM notes ORDER BY body');
    tx.defer(INSERT, [tenantA.tenantId, newId('note'), 'd']);
    return rows.map((r) => r.body);
  });
  expect(seen).toEqual(['a', 'b', 'c']);
  expect(await bodiesOf(tenantA)).toEqual(['a', 'b', 'c', 'd']);
});

test('a statement called before a deferred write, but still queued, runs before it', async () => {
  const counts = await db.withTenant(tenantA, async (tx) => {
    const before = tx.maybeOne<{ n: string }>('SELECT count(*) AS n FROM notes');
    const alsoBefore = tx.maybeOne<{ n: string }>('SELECT count(*) AS n FROM notes');
    tx.defer(INSERT, [tenantA.tenantId, newId('note'), 'x']);
    const after = tx.maybeOne<{ n: string }>('SELECT count(*) AS n FROM notes');
    return [(await before)?.n, (await alsoBefore)?.n, (await after)?.n];
  });
  expect(counts).toEqual(['0', '0', '1']);
});

test('a failing deferred write fails the commit and rolls back the whole transaction', async () => {
  const id = newId('note');
  await expect(
    db.withTenant(tenantA, async (tx) => {
      await tx.query(INSERT, [tenantA.tenantId, newId('note'), 'kept?']);
      tx.defer(INSERT, [tenantA.tenantId, id, 'first']);
      tx.defer(INSERT, [tenantA.tenantId, id, 'duplicate']);
    }),
  ).rejects.toMatchObject({ code: '23505' });
  expect(await bodiesOf(tenantA)).toEqual([]);
  // The pooled connection is clean again.
  await db.withTenant(tenantA, (tx) => tx.query(INSERT, [tenantA.tenantId, newId('note'), 'after']));
  expect(await bodiesOf(tenantA)).toEqual(['after']);
});

test("a deferred write of another tenant's row is refused by row-level security", async () => {
  await expect(
    db.withTenant(tenantA, async (tx) => {
      tx.defer(INSERT, [tenantB.tenantId, newId('note'), 'foreign']);
    }),
  ).rejects.toMatchObject({ code: '42501' });
  expect(await bodiesOf(tenantB)).toEqual([]);
});

test('a failing deferred write fails the next statement with its own error', async () => {
  const id = newId('note');
  await expect(
    db.withTenant(tenantA, async (tx) => {
      await tx.query(INSERT, [tenantA.tenantId, id, 'one']);
      tx.defer(INSERT, [tenantA.tenantId, id, 'clash']);
      await tx.query('SELECT 1');
      statements.push('not reached');
    }),
  ).rejects.toMatchObject({ code: '23505' });
  expect(statements).toEqual([]);
  expect(await bodiesOf(tenantA)).toEqual([]);
});

test('a deferred write is thrown away with the transaction when the unit of work throws', async () => {
  await expect(
    db.withTenant(tenantA, async (tx) => {
      tx.defer(INSERT, [tenantA.tenantId, newId('note'), 'never']);
      throw new Error('business rule failed');
    }),
  ).rejects.toThrow('business rule failed');
  expect(await bodiesOf(tenantA)).toEqual([]);
});

test('a read scope has nothing to commit: defer refuses', async () => {
  await expect(
    db.readAsTenant(tenantA, async (tx) => tx.defer(INSERT, [tenantA.tenantId, newId('note'), 'r'])),
  ).rejects.toThrow('defer() needs a transaction');
});
