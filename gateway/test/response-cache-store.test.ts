import Redis from 'ioredis';
import { cacheStampKey } from '@fleet/tenancy';
import { createTestRedis, type TestRedis } from '@fleet/testing';
import { createResponseCache, type CachedAnswer } from '../src/data-access/response-cache';

let redis: TestRedis;
beforeAll(async () => {
  redis = await createTestRedis('gw_cache_store');
});
afterAll(() => redis.cleanup());

const answer = (stamp: string, bytes: number): Omit<CachedAnswer, 'storedAt'> => ({
  stamp,
  status: 200,
  headers: [['content-type', 'application/json']],
  body: Buffer.alloc(bytes, 'x'),
});

test('a stamp is minted once per tenant and name, then read back unchanged', async () => {
  const cache = createResponseCache({ redis: redis.client, prefix: redis.prefix });
  const minted = await cache.stamp('ten_a', 'catalog');
  expect(minted).toMatch(/^[0-9a-f-]{36}$/);
  expect(await cache.stamp('ten_a', 'catalog')).toBe(minted);
  expect(await redis.client.get(cacheStampKey(redis.prefix, 'ten_a', 'catalog'))).toBe(minted);
  expect(await cache.stamp('ten_b', 'catalog')).not.toBe(minted);
});

test('an answer is served only under its own stamp and within the backstop age', () => {
  let clock = 1_000;
  const cache = createResponseCache({
    redis: redis.client,
    prefix: redis.prefix,
    maxAgeMs: 500,
    now: () => clock,
  });
  cache.set('k', answer('s1', 10));
  expect(cache.get('k', 's1')?.body.length).toBe(10);
  expect(cache.get('k', 's2')).toBeUndefined();
  // A mismatch dropped the entry: even the old stamp finds nothing now.
  expect(cache.get('k', 's1')).toBeUndefined();
  cache.set('k', answer('s1', 10));
  clock += 501;
  expect(cache.get('k', 's1')).toBeUndefined();
});

test('the least recently used answers leave first, by count and by bytes; oversized ones are not kept', () => {
  const byCount = createResponseCache({ redis: redis.client, prefix: redis.prefix, maxEntries: 2 });
  byCount.set('a', answer('s', 1));
  byCount.set('b', answer('s', 1));
  byCount.get('a', 's');
  byCount.set('c', answer('s', 1));
  expect(['a', 'b', 'c'].map((k) => byCount.get(k, 's') !== undefined)).toEqual([true, false, true]);

  const byBytes = createResponseCache({
    redis: redis.client,
    prefix: redis.prefix,
    maxBytes: 100,
    maxEntryBytes: 60,
  });
  byBytes.set('a', answer('s', 50));
  byBytes.set('b', answer('s', 50));
  byBytes.set('c', answer('s', 50));
  byBytes.set('huge', answer('s', 61));
  expect(['a', 'b', 'c', 'huge'].map((k) => byBytes.get(k, 's') !== undefined)).toEqual([
    false,
    true,
    true,
    false,
  ]);
});

test('when Redis cannot be reached there is no stamp, so nothing is served from the cache', async () => {
  const down = new Redis('redis://127.0.0.1:1', {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  const errors: unknown[] = [];
  const cache = createResponseCache({ redis: down, prefix: 'x:', onError: (err) => errors.push(err) });
  expect(await cache.stamp('ten_a', 'catalog')).toBeNull();
  expect(errors).toHaveLength(1);
  down.disconnect();
});
