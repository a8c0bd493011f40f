import knex from 'knex';
import { createTestDatabase, type TestDatabase } from '@fleet/testing';
import { createDb, newId, type Db } from '../src';
import { migrations, tenantA, tenantB } from './fixtures';

// Proof that isolation is enforced by PostgreSQL row-level security, not by remembering a filter:
// every query below is deliberately unscoped (no `where tenant_id`).
let database: TestDatabase;
let db: Db;

beforeAll(async () => {
  database = await createTestDatabase('isolation', { migrations });
  db = createDb({ url: database.appUrl, max: 1 }); // one connection: leaks between borrowers would show
  for (const ctx of [tenantA, tenantB]) {
    await db.withTenant(ctx, async (tx) => {
      await tx.query('INSERT INTO notes (tenant_id, id, body) VALUES ($1, $2, $3), ($1, $4, $5)', [
        ctx.tenantId,
        newId('note'),
        `${ctx.requestId} first`,
        newId('note'),
        `${ctx.requestId} second`,
      ]);
    });
  }
});

afterAll(async () => {
  await db.close();
  await database.drop();
});

const bodies = (rows: Array<{ body: string }>) => rows.map((r) => r.body).sort();

test('an unscoped select in a tenant transaction returns only that tenant rows', async () => {
  const rows = await db.withTenant(tenantA, (tx) => tx.rows<{ body: string }>('SELECT body FROM notes'));
  expect(bodies(rows)).toEqual(['req-a first', 'req-a second']);
});

test('an unscoped select in a read scope returns only that tenant rows', async () => {
  const rows = await db.readAsTenant(tenantB, (tx) => tx.rows<{ body: string }>('SELECT body FROM notes'));
  expect(bodies(rows)).toEqual(['req-b first', 'req-b second']);
});

test("inserting another tenant's tenant_id is refused by the policy", async () => {
  await expect(
    db.withTenant(tenantA, (tx) =>
      tx.query('INSERT INTO notes (tenant_id, id, body) VALUES ($1, $2, $3)', [
        tenantB.tenantId,
        newId('note'),
        'x',
      ]),
    ),
  ).rejects.toMatchObject({ code: '42501' });
});

test("moving a row to another tenant is refused, and another tenant's rows cannot be updated", async () => {
  await expect(
    db.withTenant(tenantA, (tx) => tx.query('UPDATE notes SET tenant_id = $1', [tenantB.tenantId])),
  ).rejects.toMatchObject({ code: '42501' });
  const touched = await db.withTenant(tenantA, (tx) =>
    tx.query("UPDATE notes SET body = 'hijacked' WHERE tenant_id = $1", [tenantB.tenantId]),
  );
  expect(touched.rowCount).toBe(0);
  const deleted = await db.withTenant(tenantA, (tx) =>
    tx.query('DELETE FROM notes WHERE tenant_id = $1', [tenantB.tenantId]),
  );
  expect(deleted.rowCount).toBe(0);
});

test('with no tenant set a query sees nothing and cannot write', async () => {
  const { rows } = await db.query('SELECT body FROM notes');
  expect(rows).toEqual([]);
  await expect(
    db.query('INSERT INTO notes (tenant_id, id, body) VALUES ($1, $2, $3)', [
      tenantA.tenantId,
      newId('note'),
      'x',
    ]),
  ).rejects.toMatchObject({ code: '42501' });
});

test('the tenant setting does not survive into the next borrower of the pooled connection', async () => {
  await db.withTenant(tenantA, (tx) => tx.query('SELECT 1 FROM notes'));
  await db.readAsTenant(tenantA, (tx) => tx.query('SELECT 1 FROM notes'));
  const { rows } = await db.query(
    "SELECT current_setting('app.tenant_id', true) AS t, count(*)::int AS n FROM notes",
  );
  expect(rows[0]).toEqual({ t: '', n: 0 });
});

test('a read scope is read-only', async () => {
  await expect(
    db.readAsTenant(tenantA, (tx) =>
      tx.query('INSERT INTO notes (tenant_id, id, body) VALUES ($1, $2, $3)', [
        tenantA.tenantId,
        newId('note'),
        'x',
      ]),
    ),
  ).rejects.toMatchObject({ code: '25006' });
});

test('a throwing unit of work rolls back and leaves the connection usable', async () => {
  await expect(
    db.withTenant(tenantA, async (tx) => {
      await tx.query('INSERT INTO notes (tenant_id, id, body) VALUES ($1, $2, $3)', [
        tenantA.tenantId,
        newId('note'),
        'rolled back',
      ]);
      throw new Error('boom');
    }),
  ).rejects.toThrow('boom');
  await expect(db.withTenant(tenantA, (tx) => tx.query('SELECT nope FROM notes'))).rejects.toMatchObject({
    code: '42703',
  });
  const rows = await db.withTenant(tenantA, (tx) => tx.rows<{ body: string }>('SELECT body FROM notes'));
  expect(bodies(rows)).toEqual(['req-a first', 'req-a second']);
});

test('a unit of work without a valid tenant id is refused before touching the database', async () => {
  await expect(db.withTenant({ requestId: 'r' }, async () => 1)).rejects.toMatchObject({ type: 'internal' });
  await expect(db.readAsTenant({ requestId: 'r', tenantId: "x'; --" }, async () => 1)).rejects.toMatchObject({
    type: 'internal',
  });
});

test('makeTenantOwned puts tenant_id first in the key and forces RLS on an existing table', async () => {
  const owner = knex({ client: 'pg', connection: database.ownerUrl });
  try {
    const { rows } = await owner.raw(`
      SELECT c.relrowsecurity, c.relforcerowsecurity,
             (SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]
               WHERE i.indrelid = c.oid AND i.indisprimary) AS first_key
        FROM pg_class c WHERE c.relname = 'legacy'`);
    expect(rows[0]).toEqual({ relrowsecurity: true, relforcerowsecurity: true, first_key: 'tenant_id' });
  } finally {
    await owner.destroy();
  }
});

test('these proofs depend on RLS: with RLS disabled the same unscoped query leaks', async () => {
  const owner = knex({ client: 'pg', connection: database.ownerUrl });
  try {
    await owner.raw('ALTER TABLE notes DISABLE ROW LEVEL SECURITY');
    const rows = await db.withTenant(tenantA, (tx) => tx.rows<{ body: string }>('SELECT body FROM notes'));
    expect(rows).toHaveLength(4);
  } finally {
    await owner.raw('ALTER TABLE notes ENABLE ROW LEVEL SECURITY');
    await owner.destroy();
  }
});
