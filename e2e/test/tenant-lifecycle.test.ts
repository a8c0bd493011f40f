import { gunzipSync } from 'node:zlib';
import Redis from 'ioredis';
import { createDb } from '@fleet/db';
import { readTar } from '@fleet/tenancy-registry';
import { discoverTenantTables } from '@fleet/tenant-data';
import { waitFor, type HostResponse } from '@fleet/testing';
import { frontDoor, ok, startHostPlatform, type ProcessPlatform, type Store } from './process-platform';
import { seedProduct } from './storefront-support';

/**
 * Tenant export and purge (issue 18, "Tenant lifecycle") through the front door, on the platform as
 * `npm start` runs it: an owner and the console export a store (no secrets in the archive); another
 * store's owner can neither export nor see those exports; a deleted store is offline at once and,
 * after the grace period, gone from every service's database, Redis and the registry, while the
 * other store's rows, counts and keys are untouched; its slug can be signed up again; a store
 * deleted by mistake is restored within the grace period.
 */
const GRACE_SECONDS = 6;
let platform: ProcessPlatform;
let door: ReturnType<typeof frontDoor>;
let redis: Redis;

beforeAll(async () => {
  // One host worker running every service: the cheapest way to start the whole platform.
  platform = await startHostPlatform(1, { tenancy: { LIFECYCLE_GRACE_SECONDS: String(GRACE_SECONDS) } });
  door = frontDoor(platform);
  redis = new Redis(platform.env('tenancy').REDIS_URL as string);
}, 300_000);
afterAll(async () => {
  await redis?.quit();
  await platform?.stop();
});

// Every service with a database (scripts/services.js): a service added later is counted too.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { services } = require('../../scripts/services.js') as {
  services: Array<{ name: string; database: string | null }>;
};
const SERVICES_WITH_DATA = services.filter((s) => s.database).map((s) => s.name);

const tenantOf = (store: Store) =>
  (JSON.parse(Buffer.from(store.token.split('.')[1]!, 'base64url').toString()) as { tid: string }).tid;

async function consoleAdmin() {
  const port = door.gateway.split(':').pop() as string;
  const host = `console.${platform.env('gateway').PLATFORM_DOMAIN}:${port}`;
  const identity = platform.env('identity');
  const login = ok(
    await door.call(host, '/api/platform/auth/login', {
      body: { email: identity.PLATFORM_ADMIN_EMAIL, password: identity.PLATFORM_ADMIN_PASSWORD },
    }),
  ) as { accessToken: string };
  const headers = { authorization: `Bearer ${login.accessToken}` };
  return (path: string, init: { method?: string; body?: unknown } = {}) =>
    door.call(host, path, { ...init, headers });
}

/** Rows per `service.table` of one tenant, read as the schema owner (no row-level security). */
async function rowsOf(tenantId: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const service of SERVICES_WITH_DATA) {
    const db = createDb({ url: platform.databaseUrl(service), max: 1 });
    try {
      const tables = await discoverTenantTables({
        rows: async (sql: string) => (await db.query(sql)).rows as never,
      });
      for (const t of tables) {
        const { rows } = await db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM "${t.name}" WHERE tenant_id = $1`,
          [tenantId],
        );
        counts[`${service}.${t.name}`] = rows[0]!.n;
      }
    } finally {
      await db.close();
    }
  }
  return counts;
}

/** Keys that outlive a second: the gateway's rate-limit windows (`:rl:`) expire by themselves. */
const lasting = (keys: string[]): string[] => keys.filter((key) => !key.includes(':rl:'));

async function redisKeysOf(tenantId: string): Promise<string[]> {
  const keys: string[] = [];
  let cursor = '0';
  do {
    const [next, found] = await redis.scan(cursor, 'MATCH', `*{t:${tenantId}}*`, 'COUNT', 1000);
    cursor = next;
    keys.push(...found);
  } while (cursor !== '0');
  return keys.sort();
}

/** A store with data in every service: products (catalog, inventory, search), a customer, an order. */
async function busyStore(slug: string): Promise<{ store: Store; tenantId: string; title: string }> {
  const store = await door.signUp(slug);
  const title = `Lamp ${slug}`;
  const product = await seedProduct(platform, store, title);
  ok(
    await door.call(store.host, '/api/store/auth/register', {
      body: { email: `shopper@${slug}.test`, password: 'shopper secret 1', name: 'Shopper' },
    }),
    201,
  );
  await door.checkout(store.host, product.variants[0]!.id);
  return { store, tenantId: tenantOf(store), title };
}

const ndjson = (file: Buffer | undefined): Array<Record<string, unknown>> =>
  (file ?? Buffer.alloc(0))
    .toString('utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);

async function finished(read: () => Promise<HostResponse>): Promise<{ id: string; status: string }> {
  return waitFor(
    'the export to finish',
    async () => {
      const body = ok(await read()) as { id: string; status: string };
      return body.status === 'done' || body.status === 'failed' ? body : undefined;
    },
    { timeoutMs: 60_000 },
  );
}

test('export, isolation, soft delete, purge and sign-up again, through the front door', async () => {
  const a = await busyStore('lc-alpha');
  const b = await busyStore('lc-bravo');
  const platformAdmin = await consoleAdmin();
  const asOwner = door.asOwner;

  // The owner exports their store; progress is visible while it runs.
  const requested = ok(await asOwner(a.store, '/api/admin/store/exports', { method: 'POST' }), 202) as {
    id: string;
    status: string;
  };
  expect(requested.status).toBe('queued');
  const done = await finished(() => asOwner(a.store, `/api/admin/store/exports/${requested.id}`));
  expect(done).toMatchObject({ status: 'done', progress: { tablesDone: expect.any(Number) } });

  // Another store's owner: not found, not listed, no download; a customer: refused.
  for (const path of [
    `/api/admin/store/exports/${requested.id}`,
    `/api/admin/store/exports/${requested.id}/archive`,
  ]) {
    expect((await asOwner(b.store, path)).status).toBe(404);
  }
  const bList = ok(await asOwner(b.store, '/api/admin/store/exports')) as { items: Array<{ id: string }> };
  expect(bList.items.map((e) => e.id)).not.toContain(requested.id);
  const aList = ok(await asOwner(a.store, '/api/admin/store/exports')) as { items: Array<{ id: string }> };
  expect(aList.items.map((e) => e.id)).toContain(requested.id);
  const customer = ok(
    await door.call(a.store.host, '/api/store/auth/login', {
      body: { email: 'shopper@lc-alpha.test', password: 'shopper secret 1' },
    }),
  ) as { accessToken: string };
  const asCustomer = await door.call(a.store.host, '/api/admin/store/exports', {
    method: 'POST',
    headers: { authorization: `Bearer ${customer.accessToken}` },
  });
  expect(asCustomer.status).toBe(403);

  // The archive: every service's tables of A, A's rows only, and no secret.
  const download = await asOwner(a.store, `/api/admin/store/exports/${requested.id}/archive`);
  expect(download.status).toBe(200);
  expect(download.headers['content-type']).toContain('application/gzip');
  const files = readTar(gunzipSync(download.body));
  const manifest = JSON.parse(files.get('manifest.json')!.toString()) as {
    format: string;
    tenant: { id: string; slug: string };
    services: Record<string, { tables: Record<string, { file: string; rows: number }> }>;
  };
  expect(manifest).toMatchObject({
    format: 'fleet-tenant-export',
    tenant: { id: a.tenantId, slug: 'lc-alpha' },
  });
  expect(Object.keys(manifest.services).sort()).toEqual([...SERVICES_WITH_DATA].sort());
  const products = ndjson(files.get('catalog/products.ndjson'));
  expect(products.map((p) => p.title)).toEqual([a.title]);
  expect(ndjson(files.get('identity/customers.ndjson')).map((c) => c.email)).toEqual([
    'shopper@lc-alpha.test',
  ]);
  expect(ndjson(files.get('order/orders.ndjson'))).toHaveLength(1);
  expect(ndjson(files.get('payment/payments.ndjson'))).toHaveLength(1);
  expect(ndjson(files.get('inventory/stock_levels.ndjson')).length).toBeGreaterThan(0);
  expect(ndjson(files.get('tenancy/store_settings.ndjson'))).toHaveLength(1);
  for (const [name, file] of files) {
    if (name === 'manifest.json') continue;
    const entry = manifest.services[name.split('/')[0]!]?.tables[name.split('/')[1]!.replace('.ndjson', '')];
    expect({ name, rows: ndjson(file).length }).toEqual({ name, rows: entry?.rows });
    for (const row of ndjson(file))
      expect({ name, tenant: row.tenant_id }).toEqual({ name, tenant: a.tenantId });
    const text = file.toString('utf8');
    for (const secret of [
      'password_hash',
      'credentials_sealed',
      'access_token_hash',
      'token_hash',
      '$argon2',
      '$scrypt',
    ]) {
      expect({ name, secret, found: text.includes(secret) }).toEqual({ name, secret, found: false });
    }
  }
  expect(files.has('identity/refresh_tokens.ndjson')).toBe(false);
  expect(files.has('identity/outbox.ndjson')).toBe(false);

  // The console exports A too, and shows its progress; a made-up export is 404.
  const byConsole = ok(
    await platformAdmin(`/api/platform/tenants/${a.tenantId}/exports`, { method: 'POST' }),
    202,
  ) as {
    id: string;
  };
  await finished(() => platformAdmin(`/api/platform/tenants/${a.tenantId}/exports/${byConsole.id}`));
  const consoleDownload = await platformAdmin(
    `/api/platform/tenants/${a.tenantId}/exports/${byConsole.id}/archive`,
  );
  expect(readTar(gunzipSync(consoleDownload.body)).has('catalog/products.ndjson')).toBe(true);
  expect((await platformAdmin(`/api/platform/tenants/${b.tenantId}/exports/${byConsole.id}`)).status).toBe(
    404,
  );

  // Before: what B has (once its events have settled), and that A has something everywhere it should.
  let previous = await rowsOf(b.tenantId);
  const bRows = await waitFor(
    "B's rows to settle",
    async () => {
      const now = await rowsOf(b.tenantId);
      const same = JSON.stringify(now) === JSON.stringify(previous);
      previous = now;
      return same ? now : undefined;
    },
    { timeoutMs: 30_000 },
  );
  const bKeys = await redisKeysOf(b.tenantId);
  const aRows = await rowsOf(a.tenantId);
  for (const table of [
    'catalog.products',
    'search.search_documents',
    'identity.customers',
    'order.orders',
    'tenancy.tenant_exports',
  ]) {
    expect({ table, some: (aRows[table] ?? 0) > 0 }).toEqual({ table, some: true });
  }
  expect((await redisKeysOf(a.tenantId)).length).toBeGreaterThan(0);

  // Soft delete: offline at once for shoppers and the owner.
  const deletion = ok(
    await platformAdmin(`/api/platform/tenants/${a.tenantId}/delete`, { method: 'POST' }),
    202,
  ) as {
    tenant: { status: string; hosts: string[] };
    purgeAfter: string;
  };
  expect(deletion.tenant).toMatchObject({ status: 'deleted', hosts: [] });
  expect(new Date(deletion.purgeAfter).getTime()).toBeGreaterThan(Date.now());
  await waitFor(
    'the deleted store to go offline',
    async () => ((await door.call(a.store.host, '/api/store/info')).status === 404 ? true : undefined),
    { timeoutMs: 10_000 },
  );
  expect((await asOwner(a.store, '/api/admin/products')).status).toBe(404);
  expect((await door.call(b.store.host, '/api/store/info')).status).toBe(200);

  // After the grace period the purge removes everything of A; B is untouched.
  await waitFor(
    'the purge to remove the tenant',
    async () =>
      (await platformAdmin(`/api/platform/tenants/${a.tenantId}`)).status === 404 ? true : undefined,
    { timeoutMs: (GRACE_SECONDS + 60) * 1000 },
  );
  const left = Object.entries(await rowsOf(a.tenantId)).filter(([, n]) => n > 0);
  expect(left).toEqual([]);
  expect(await redisKeysOf(a.tenantId)).toEqual([]);
  expect(await rowsOf(b.tenantId)).toEqual(bRows);
  expect(lasting(await redisKeysOf(b.tenantId))).toEqual(lasting(bKeys));
  expect(ok(await door.call(b.store.host, '/api/store/products')) as { items: unknown[] }).toMatchObject({
    items: [expect.objectContaining({ title: b.title })],
  });

  // The slug is free again: a new store signs up with it and works.
  const again = await door.signUp('lc-alpha');
  expect(tenantOf(again)).not.toBe(a.tenantId);
  expect(ok(await door.call(again.host, '/api/store/info'))).toMatchObject({ name: 'Store lc-alpha' });
}, 300_000);

test('a store deleted by mistake is restored within the grace period', async () => {
  const store = await door.signUp('lc-charlie');
  const tenantId = tenantOf(store);
  const platformAdmin = await consoleAdmin();
  ok(await platformAdmin(`/api/platform/tenants/${tenantId}`, { method: 'DELETE' }), 202);
  await waitFor(
    'the store to go offline',
    async () => ((await door.call(store.host, '/api/store/info')).status === 404 ? true : undefined),
    { timeoutMs: 10_000 },
  );
  const restored = ok(
    await platformAdmin(`/api/platform/tenants/${tenantId}/restore`, { method: 'POST' }),
  ) as {
    tenant: { status: string };
    purgeAfter: string | null;
  };
  expect(restored).toMatchObject({ tenant: { status: 'active' }, purgeAfter: null });
  await waitFor(
    'the store to answer again',
    async () => ((await door.call(store.host, '/api/store/info')).status === 200 ? true : undefined),
    { timeoutMs: 10_000 },
  );
  // Past the grace period it is still there: the purge was cancelled.
  await new Promise((resolve) => setTimeout(resolve, (GRACE_SECONDS + 3) * 1000));
  expect(ok(await platformAdmin(`/api/platform/tenants/${tenantId}`))).toMatchObject({ status: 'active' });
  expect((await door.call(store.host, '/api/store/info')).status).toBe(200);
  const again = await platformAdmin(`/api/platform/tenants/${tenantId}/restore`, { method: 'POST' });
  expect([again.status, again.json().code]).toEqual([409, 'tenant_not_deleted']);
}, 120_000);
