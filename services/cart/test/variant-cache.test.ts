import type { TenantCtx } from '@fleet/context';
import { cachedVariantSource, createCatalogClient, type CatalogClient } from '../src';
import { newTenant, SIGNING_KEY, startCart, type CartFixture } from './cart-fixture';

let fx: CartFixture;
let real: CatalogClient;
const tenant = newTenant();
const ctx: TenantCtx = { requestId: 'test', tenantId: tenant };
let ids: string[];
beforeAll(async () => {
  fx = await startCart('cart_cache');
  real = createCatalogClient({ baseUrl: fx.catalog.url, signingKey: SIGNING_KEY, timeoutMs: 2_000 });
  ids = (await fx.product(tenant, [100, 200, 300, 400, 500])).variantIds;
});
afterAll(async () => {
  await real.close();
  await fx.close();
});

/** The real catalog client, counting the calls that reach catalog. */
function counted(client: CatalogClient = real): CatalogClient & { calls: string[][] } {
  const calls: string[][] = [];
  return { calls, lookup: (c, v) => (calls.push([...v]), client.lookup(c, v)), close: () => client.close() };
}

test('concurrent misses share one lookup; hits cost none until the TTL passes', async () => {
  const client = counted();
  const source = cachedVariantSource(client, { ttlMs: 300 });
  const answers = await Promise.all(Array.from({ length: 20 }, () => source.lookup(ctx, [ids[0]!])));
  expect(client.calls).toEqual([[ids[0]]]);
  expect(answers.every((a) => a.get(ids[0]!)?.price === 100)).toBe(true);

  await source.lookup(ctx, [ids[0]!, ids[1]!]);
  expect(client.calls.at(-1)).toEqual([ids[1]]);
  await source.lookup(ctx, [ids[0]!, ids[1]!]);
  expect(client.calls).toHaveLength(2);

  await source.lookup(ctx, [ids[0]!], { fresh: true });
  expect(client.calls).toHaveLength(3);
  await new Promise((resolve) => setTimeout(resolve, 350));
  await source.lookup(ctx, [ids[0]!]);
  expect(client.calls).toHaveLength(4);
});

test('entries are per tenant, unknown ids are remembered too, and the cache is bounded', async () => {
  const client = counted();
  const source = cachedVariantSource(client, { ttlMs: 60_000, maxEntries: 3 });
  const other: TenantCtx = { requestId: 'test', tenantId: newTenant() };
  expect((await source.lookup(other, [ids[0]!])).size).toBe(0);
  expect((await source.lookup(other, [ids[0]!])).size).toBe(0);
  expect(client.calls).toHaveLength(1);
  expect((await source.lookup(ctx, [ids[0]!])).size).toBe(1);
  expect(client.calls).toHaveLength(2);

  await source.lookup(ctx, ids.slice(1, 4)); // evicts the two oldest entries
  client.calls.length = 0;
  await source.lookup(ctx, [ids[0]!, ids[3]!]);
  expect(client.calls).toEqual([[ids[0]]]);
});

test('a failed lookup is a 503 for every waiter and is not remembered', async () => {
  const down = createCatalogClient({
    baseUrl: 'http://127.0.0.1:9',
    signingKey: SIGNING_KEY,
    timeoutMs: 500,
  });
  const source = cachedVariantSource(down, { ttlMs: 60_000 });
  const results = await Promise.allSettled([
    source.lookup(ctx, ids.slice(0, 3)),
    source.lookup(ctx, [ids[0]!]),
  ]);
  for (const result of results) {
    expect(result).toMatchObject({
      status: 'rejected',
      reason: { code: 'catalog_unavailable', status: 503 },
    });
  }
  await expect(source.lookup(ctx, [ids[0]!])).rejects.toMatchObject({ code: 'catalog_unavailable' });
  await down.close();
});
