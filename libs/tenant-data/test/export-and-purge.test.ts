import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import type { Ctx } from '@fleet/context';
import { createDb, createTenantTable, type Db, type Migration } from '@fleet/db';
import { errorMiddleware } from '@fleet/http';
import { createLogger } from '@fleet/logger';
import { CONTEXT_HEADER, contextTarget, requireSignedContext, signContext } from '@fleet/tenancy';
import { createTestDatabase, type TestDatabase } from '@fleet/testing';
import {
  deleteOrder,
  discoverTenantTables,
  httpTenantDataSource,
  purgeTenantRows,
  tenantDataRoutes,
  type TenantDataOptions,
  type TenantTable,
} from '../src';

/**
 * The shared export and purge on a real database shaped like a service's: parents, children with
 * composite foreign keys, a self-reference, a secret column, the outbox. Two tenants: whatever is
 * done to one leaves the other exactly as it was.
 */
const KEY = 'tenant-data-test-signing-key-0123456789';
const A = 'ten_aaaaaaaaaaaaaaaaaaaaaaaaaa';
const B = 'ten_bbbbbbbbbbbbbbbbbbbbbbbbbb';

const schema: Migration = {
  name: '001_shop',
  async up(knex) {
    await createTenantTable(
      knex,
      'accounts',
      (t) => {
        t.text('id').notNullable();
        t.text('email').notNullable();
        t.text('password_hash').notNullable();
      },
      { primaryKey: ['id'] },
    );
    await createTenantTable(
      knex,
      'categories',
      (t) => {
        t.text('id').notNullable();
        t.text('parent_id');
        t.foreign(['tenant_id', 'parent_id']).references(['tenant_id', 'id']).inTable('categories');
      },
      { primaryKey: ['id'] },
    );
    await createTenantTable(
      knex,
      'orders',
      (t) => {
        t.text('id').notNullable();
        t.text('account_id').notNullable();
        t.timestamp('placed_at', { useTz: true }).notNullable();
        t.foreign(['tenant_id', 'account_id']).references(['tenant_id', 'id']).inTable('accounts');
      },
      { primaryKey: ['id'] },
    );
    await createTenantTable(
      knex,
      'order_lines',
      (t) => {
        t.text('order_id').notNullable();
        t.integer('line').notNullable();
        t.text('category_id');
        t.foreign(['tenant_id', 'order_id']).references(['tenant_id', 'id']).inTable('orders');
        t.foreign(['tenant_id', 'category_id']).references(['tenant_id', 'id']).inTable('categories');
      },
      { primaryKey: ['order_id', 'line'] },
    );
    await createTenantTable(knex, 'outbox', (t) => t.text('id').notNullable(), { primaryKey: ['id'] });
  },
};

const options: TenantDataOptions = { service: 'shop', redact: { accounts: ['password_hash'] } };

let data: TestDatabase;
let db: Db;
let server: Server;
let baseUrl: string;

async function seed(tenantId: string, orders: number): Promise<void> {
  await db.withTenant({ requestId: randomUUID(), tenantId }, async (tx) => {
    await tx.query(`INSERT INTO accounts VALUES ($1, 'acc_1', $2, '$argon2id$secret')`, [
      tenantId,
      `a@${tenantId}`,
    ]);
    await tx.query(`INSERT INTO categories VALUES ($1, 'cat_root', NULL), ($1, 'cat_child', 'cat_root')`, [
      tenantId,
    ]);
    for (let i = 0; i < orders; i++) {
      await tx.query(`INSERT INTO orders VALUES ($1, $2, 'acc_1', now())`, [tenantId, `ord_${i}`]);
      await tx.query(`INSERT INTO order_lines VALUES ($1, $2, 1, 'cat_child'), ($1, $2, 2, NULL)`, [
        tenantId,
        `ord_${i}`,
      ]);
    }
    await tx.query(`INSERT INTO outbox VALUES ($1, 'evt_1')`, [tenantId]);
  });
}

/** Rows per table of one tenant, as the owner (no RLS). */
async function counts(tenantId: string): Promise<Record<string, number>> {
  const owner = createDb({ url: data.ownerUrl, max: 1 });
  try {
    const out: Record<string, number> = {};
    for (const t of ['accounts', 'categories', 'orders', 'order_lines', 'outbox']) {
      const { rows } = await owner.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM ${t} WHERE tenant_id = $1`,
        [tenantId],
      );
      out[t] = rows[0]!.n;
    }
    return out;
  } finally {
    await owner.close();
  }
}

function call(path: string, method: string, ctx: Partial<Ctx>): Promise<Response> {
  const signed = signContext({ requestId: randomUUID(), ...ctx }, KEY, contextTarget('shop', method, path));
  return fetch(`${baseUrl}${path}`, { method, headers: { [CONTEXT_HEADER]: signed } });
}

beforeAll(async () => {
  data = await createTestDatabase('tenant_data', { migrations: [schema] });
  db = createDb({ url: data.appUrl, max: 4 });
  await seed(A, 1200); // more than one cursor batch
  await seed(B, 3);
  const app = express();
  app.use(requireSignedContext({ key: KEY, audience: 'shop' }));
  app.use(tenantDataRoutes(db, options));
  app.use(errorMiddleware(createLogger({ service: 'tenant-data-test', level: 'silent' })));
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 120_000);
afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await db?.close();
  await data?.drop();
});

const registry = { kind: 'service' as const, id: 'tenancy' };

test('the tables are found with their keys and references, and deleted referencing tables first', async () => {
  const tables = await db.readAsTenant({ requestId: 'r', tenantId: A }, (tx) => discoverTenantTables(tx));
  const lines = tables.find((t) => t.name === 'order_lines');
  expect(lines).toMatchObject({ primaryKey: ['tenant_id', 'order_id', 'line'] });
  expect(lines?.references.sort()).toEqual(['categories', 'orders']);
  expect(tables.find((t) => t.name === 'categories')?.references).toEqual([]); // its self-reference needs no order
  const order = deleteOrder(tables);
  expect(order.indexOf('order_lines')).toBeLessThan(order.indexOf('orders'));
  expect(order.indexOf('orders')).toBeLessThan(order.indexOf('accounts'));
  expect(order.indexOf('order_lines')).toBeLessThan(order.indexOf('categories'));
  const cycle: TenantTable[] = [
    { name: 'x', columns: [], primaryKey: [], references: ['y'] },
    { name: 'y', columns: [], primaryKey: [], references: ['x'] },
  ];
  expect(() => deleteOrder(cycle)).toThrow(/cycle: x, y/);
});

test('only the registry, for one tenant, may list, export or purge', async () => {
  const path = '/internal/tenant-data/tables';
  expect((await call(path, 'GET', { tenantId: A, actor: { kind: 'service', id: 'catalog' } })).status).toBe(
    403,
  );
  expect(
    (await call(path, 'GET', { tenantId: A, actor: { kind: 'staff', id: 'stf_1', roles: ['owner'] } }))
      .status,
  ).toBe(403);
  expect((await call(path, 'GET', { actor: registry })).status).toBe(404);
  const purge = await call('/internal/tenant-data/purge', 'POST', {
    tenantId: A,
    actor: { kind: 'service', id: 'order' },
  });
  expect(purge.status).toBe(403);
  expect(await counts(A)).toMatchObject({ orders: 1200 });
});

test('the export streams the tenant’s rows only, without the redacted columns or the outbox', async () => {
  const source = httpTenantDataSource({ service: 'shop', baseUrl, signingKey: KEY });
  const listing = await source.tables(A);
  expect(listing).toEqual({
    service: 'shop',
    tables: expect.arrayContaining([
      { name: 'orders', rows: 1200 },
      { name: 'order_lines', rows: 2400 },
      { name: 'accounts', rows: 1 },
    ]),
    redacted: { accounts: ['password_hash'] },
    excluded: ['outbox'],
  });
  expect(listing.tables.map((t) => t.name)).not.toContain('outbox');
  const lines = (await source.table(A, 'order_lines')).toString().trim().split('\n');
  expect(lines).toHaveLength(2400);
  expect(new Set(lines.map((l) => (JSON.parse(l) as { tenant_id: string }).tenant_id))).toEqual(new Set([A]));
  const accounts = (await source.table(A, 'accounts')).toString();
  expect(JSON.parse(accounts)).toEqual({ tenant_id: A, id: 'acc_1', email: `a@${A}` });
  expect(accounts).not.toContain('argon2');
  const orders = JSON.parse((await source.table(B, 'orders')).toString().split('\n')[0]!) as {
    placed_at: string;
  };
  expect(new Date(orders.placed_at).toString()).not.toBe('Invalid Date');
  expect(
    (await call('/internal/tenant-data/tables/outbox', 'GET', { tenantId: A, actor: registry })).status,
  ).toBe(404);
  expect(
    (await call('/internal/tenant-data/tables/nope', 'GET', { tenantId: A, actor: registry })).status,
  ).toBe(404);
  expect(
    (await call('/internal/tenant-data/tables/Bad%20Name', 'GET', { tenantId: A, actor: registry })).status,
  ).toBe(400);
});

test('the purge removes every row of one tenant and nothing of the other', async () => {
  const before = await counts(B);
  const source = httpTenantDataSource({ service: 'shop', baseUrl, signingKey: KEY });
  const result = await source.purge(A);
  expect(result.deleted).toMatchObject({
    orders: 1200,
    order_lines: 2400,
    categories: 2,
    accounts: 1,
    outbox: 1,
  });
  expect(await counts(A)).toEqual({ accounts: 0, categories: 0, orders: 0, order_lines: 0, outbox: 0 });
  expect(await counts(B)).toEqual(before);
  // Idempotent: a retried purge finds nothing left and fails nothing.
  expect((await purgeTenantRows(db, { requestId: 'r', tenantId: A })).orders).toBe(0);
});
