import { randomUUID } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import type { Ctx } from '@fleet/context';
import { createDb, type Db } from '@fleet/db';
import { createLogger } from '@fleet/logger';
import { localTenantDataSource } from '@fleet/tenant-data';
import {
  createTestDatabase,
  createTestRedis,
  waitFor,
  type TestDatabase,
  type TestRedis,
} from '@fleet/testing';
import { migrations, relayTables } from '../src/data-access/migrations';
import { changeTenant } from '../src/domain/change-tenant-status';
import { deleteTenant, restoreTenant } from '../src/domain/delete-tenant';
import { provisionTenant } from '../src/domain/provision-tenant';
import type { RegistryDeps } from '../src/domain/registry-deps';
import { resolveHost } from '../src/domain/resolve-host';
import { getExport, openArchive, requestExport } from '../src/domain/tenant-exports';
import { startLifecycle, type RunningLifecycle } from '../src/lifecycle/lifecycle-queues';
import { readTar } from '../src/lifecycle/tar';
import { tenantDataPolicy } from '../src/tenant-data';

/**
 * The registry's lifecycle jobs on real PostgreSQL and Redis (BullMQ): the export archive of the
 * registry's own tables, the soft delete (no host resolves), the purge after the grace period
 * (rows, Redis keys, the tenant row: the slug is free again) with another tenant untouched, and a
 * restore that cancels the purge. The other services' endpoints are the same code, tested in
 * libs/tenant-data and end to end in e2e/test/tenant-lifecycle.test.ts.
 */
const GRACE_SECONDS = 2;
const logger = createLogger({ service: 'registry-lifecycle-test', level: 'silent' });
let data: TestDatabase;
let db: Db;
let redis: TestRedis;
let running: RunningLifecycle;
let deps: RegistryDeps;
const admin: Ctx = { requestId: 'r', actor: { kind: 'platform_admin', id: 'adm_1' } };

beforeAll(async () => {
  data = await createTestDatabase('registry_lifecycle', { migrations, relayTables });
  db = createDb({ url: data.appUrl, max: 4 });
  redis = await createTestRedis('registry_lifecycle');
  const own = localTenantDataSource(db, tenantDataPolicy);
  running = await startLifecycle({
    db,
    logger,
    redisUrl: redis.url,
    redisPrefix: redis.prefix,
    graceSeconds: GRACE_SECONDS,
    sources: () => [own],
    remoteSources: () => [],
    localSource: own,
  });
  deps = {
    db,
    platformDomain: 'fleet.test',
    redis: redis.client,
    redisPrefix: redis.prefix,
    lifecycle: running.lifecycle,
  };
}, 60_000);
afterAll(async () => {
  await running?.close();
  await db?.close();
  await redis?.cleanup();
  await data?.drop();
});

const provision = async (slug: string) =>
  (await provisionTenant(admin, deps, { slug, name: `Store ${slug}`, currency: 'EUR', country: 'DE' }))
    .tenant;

async function tenantKeys(tenantId: string): Promise<string[]> {
  return (await redis.client.keys(`${redis.prefix}*{t:${tenantId}}*`)).sort();
}

test('export, soft delete, purge after the grace period, slug free again; the other tenant untouched', async () => {
  const a = await provision(`lc-a-${randomUUID().slice(0, 6)}`);
  const b = await provision(`lc-b-${randomUUID().slice(0, 6)}`);
  for (const t of [a, b]) {
    await redis.client.set(`${redis.prefix}{t:${t.id}}:cart:c1`, 'x');
    await redis.client.set(`${redis.prefix}{t:${t.id}}:rl:1`, 'y');
  }

  const requested = await requestExport(admin, deps, a.id);
  const done = await waitFor(
    'the export',
    async () => {
      const e = await getExport(admin, deps, a.id, requested.id);
      return e.status === 'done' || e.status === 'failed' ? e : undefined;
    },
    { timeoutMs: 30_000, intervalMs: 100 },
  );
  expect(done).toMatchObject({ status: 'done', error: null });
  expect(done.progress.tablesDone).toBe(done.progress.tablesTotal);
  const archive = await openArchive(admin, deps, a.id, requested.id);
  const chunks: Buffer[] = [];
  for await (const c of archive.chunks()) chunks.push(c);
  expect(Buffer.concat(chunks).length).toBe(archive.sizeBytes);
  const files = readTar(gunzipSync(Buffer.concat(chunks)));
  const settings = files.get('tenancy/store_settings.ndjson')!.toString().trim().split('\n');
  expect(settings.map((l) => JSON.parse(l) as { tenant_id: string; name: string })).toEqual([
    expect.objectContaining({ tenant_id: a.id, name: a.name }),
  ]);
  const manifest = JSON.parse(files.get('manifest.json')!.toString()) as Record<string, unknown>;
  expect(manifest).toMatchObject({
    format: 'fleet-tenant-export',
    version: 1,
    tenant: { id: a.id, slug: a.slug },
  });
  expect([...files.keys()].filter((f) => /hostnames|outbox|tenant_export/.test(f))).toEqual([]);
  // Another tenant's scope does not see the export.
  await expect(getExport(admin, deps, b.id, requested.id)).rejects.toMatchObject({
    code: 'export_not_found',
  });

  const deleted = await deleteTenant(admin, deps, a.id);
  expect(deleted.tenant).toMatchObject({ status: 'deleted', hosts: [] });
  expect(await resolveHost(deps, `${a.slug}.fleet.test`)).toBeNull();
  expect(await resolveHost(deps, `${b.slug}.fleet.test`)).toMatchObject({ id: b.id });
  // A repeat answers the same purge time.
  expect((await deleteTenant(admin, deps, a.id)).purgeAfter).toBe(deleted.purgeAfter);

  await waitFor(
    'the purge',
    async () =>
      (await db.query('SELECT 1 FROM tenants WHERE id = $1', [a.id])).rowCount === 0 ? true : undefined,
    { timeoutMs: (GRACE_SECONDS + 30) * 1000, intervalMs: 200 },
  );
  const owner = createDb({ url: data.ownerUrl, max: 1 });
  try {
    for (const table of [
      'store_settings',
      'tenant_usage',
      'tenant_exports',
      'tenant_export_chunks',
      'outbox',
      'domains',
    ]) {
      const count = async (id: string) =>
        (
          await owner.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE tenant_id = $1`, [
            id,
          ])
        ).rows[0]!.n;
      expect({ table, a: await count(a.id) }).toEqual({ table, a: 0 });
      if (table === 'store_settings') expect(await count(b.id)).toBe(1);
    }
  } finally {
    await owner.close();
  }
  expect(await tenantKeys(a.id)).toEqual([]);
  expect(await tenantKeys(b.id)).toHaveLength(2);
  // The slug is free again.
  const again = await provision(a.slug);
  expect(again.id).not.toBe(a.id);
}, 90_000);

test('a restore within the grace period cancels the purge; suspending a deleted store is refused', async () => {
  const c = await provision(`lc-c-${randomUUID().slice(0, 6)}`);
  await deleteTenant(admin, deps, c.id);
  const restored = await restoreTenant(admin, deps, c.id);
  expect(restored).toMatchObject({
    tenant: { status: 'active', hosts: [`${c.slug}.fleet.test`] },
    purgeAfter: null,
  });
  expect(await resolveHost(deps, `${c.slug}.fleet.test`)).toMatchObject({ id: c.id });
  await new Promise((resolve) => setTimeout(resolve, (GRACE_SECONDS + 2) * 1000));
  expect((await db.query('SELECT status FROM tenants WHERE id = $1', [c.id])).rows).toEqual([
    { status: 'active' },
  ]);
  await expect(restoreTenant(admin, deps, c.id)).rejects.toMatchObject({ code: 'tenant_not_deleted' });
  // Only a restore brings a deleted store back: a suspend or resume would put it online.
  await deleteTenant(admin, deps, c.id);
  await expect(changeTenant(admin, deps, c.id, { status: 'active' })).rejects.toMatchObject({
    code: 'tenant_deleted',
  });
  expect(await resolveHost(deps, `${c.slug}.fleet.test`)).toBeNull();
  await restoreTenant(admin, deps, c.id);
}, 60_000);
