import { createTestRedis, type TestRedis } from '@fleet/testing';
import { createTenantResolver, normalizeHost, type TenantSnapshot } from '../src';

let redis: TestRedis;
beforeAll(async () => {
  redis = await createTestRedis('resolver');
});
afterAll(() => redis.cleanup());

const snapshot = (over: Partial<TenantSnapshot> = {}): TenantSnapshot => ({
  id: 'ten_0000000000000000000000000a',
  slug: 'acme',
  name: 'Acme',
  status: 'active',
  plan: 'free',
  currency: 'USD',
  country: 'US',
  hosts: ['acme.localhost'],
  version: 1,
  ...over,
});

function registry(data: Record<string, TenantSnapshot>) {
  const calls: string[] = [];
  return {
    calls,
    async fetchByHost(host: string) {
      calls.push(host);
      await new Promise((r) => setTimeout(r, 5));
      return data[host] ?? null;
    },
  };
}

test('normalises hosts and rejects what cannot be a hostname', () => {
  expect(normalizeHost('ACME.localhost:8080')).toBe('acme.localhost');
  expect(normalizeHost('shop.example.com.')).toBe('shop.example.com');
  expect(normalizeHost('[::1]:8080')).toBeNull();
  expect(normalizeHost('a b')).toBeNull();
  expect(normalizeHost('x'.repeat(300))).toBeNull();
  expect(normalizeHost(undefined)).toBeNull();
});

test('cache hits do not reach the registry, and concurrent misses share one fetch', async () => {
  const source = registry({ 'acme.localhost': snapshot() });
  const resolver = createTenantResolver({ ...source, redis: redis.client, redisPrefix: `${redis.prefix}a:` });
  const results = await Promise.all(
    Array.from({ length: 20 }, () => resolver.resolve('acme.localhost:8080')),
  );
  expect(results.every((r) => r?.slug === 'acme')).toBe(true);
  for (let i = 0; i < 100; i++) await resolver.resolve('acme.localhost');
  expect(source.calls).toEqual(['acme.localhost']);
  expect(resolver.stats().hits).toBe(100);
});

test('a second gateway finds the tenant in Redis without asking the registry', async () => {
  const source = registry({ 'acme.localhost': snapshot() });
  const options = { redis: redis.client, redisPrefix: `${redis.prefix}b:` };
  await createTenantResolver({ ...source, ...options }).resolve('acme.localhost');
  const second = registry({});
  const other = createTenantResolver({ ...second, ...options });
  expect((await other.resolve('acme.localhost'))?.id).toBe(snapshot().id);
  expect(second.calls).toEqual([]);
});

test('unknown hosts are remembered briefly in a bounded negative cache', async () => {
  const source = registry({});
  const resolver = createTenantResolver({ ...source, maxNegativeEntries: 3, negativeTtlMs: 60_000 });
  expect(await resolver.resolve('nope.localhost')).toBeNull();
  expect(await resolver.resolve('nope.localhost')).toBeNull();
  expect(source.calls).toEqual(['nope.localhost']);
  for (const h of ['a.localhost', 'b.localhost', 'c.localhost']) await resolver.resolve(h);
  await resolver.resolve('nope.localhost'); // evicted by the bound: asked again
  expect(source.calls.filter((h) => h === 'nope.localhost')).toHaveLength(2);
});

test('an event snapshot replaces older data, clears negative entries and drops old hosts', async () => {
  const source = registry({ 'acme.localhost': snapshot() });
  const resolver = createTenantResolver({ ...source, redis: redis.client, redisPrefix: `${redis.prefix}c:` });
  await resolver.resolve('acme.localhost');
  expect(await resolver.resolve('shop.acme.test')).toBeNull();
  await resolver.apply(
    snapshot({ status: 'suspended', version: 2, hosts: ['acme.localhost', 'shop.acme.test'] }),
  );
  expect((await resolver.resolve('acme.localhost'))?.status).toBe('suspended');
  expect((await resolver.resolve('shop.acme.test'))?.version).toBe(2);
  await resolver.apply(snapshot({ version: 1 })); // a stale event is ignored
  expect((await resolver.resolve('acme.localhost'))?.status).toBe('suspended');
  await resolver.apply(snapshot({ version: 3, hosts: ['acme.localhost'] }), [
    'acme.localhost',
    'shop.acme.test',
  ]);
  expect(await redis.client.get(`${redis.prefix}c:tenant:host:shop.acme.test`)).toBeNull();
});

test('peek answers from memory only: nothing before the first lookup, then the tenant (a hit)', async () => {
  const source = registry({ 'acme.localhost': snapshot() });
  const resolver = createTenantResolver({ ...source, redis: redis.client, redisPrefix: `${redis.prefix}p:` });
  expect(resolver.peek('acme.localhost')).toBeUndefined();
  expect(resolver.peek('nope.localhost')).toBeUndefined();
  expect(resolver.peek('a b')).toBeUndefined();
  expect(source.calls).toEqual([]);
  await resolver.resolve('acme.localhost');
  expect(resolver.peek('ACME.localhost:8080')?.slug).toBe('acme');
  expect(resolver.stats()).toMatchObject({ hits: 1, negativeHits: 0, redisHits: 0, fetches: 1 });
});
