import { once } from 'node:events';
import Redis from 'ioredis';
import { apiCallsKey } from '@fleet/tenancy';
import { createTestRedis, type TestRedis } from '@fleet/testing';
import { createUsageCounter } from '../src/data-access/usage-counter';

let redis: TestRedis;
beforeAll(async () => {
  redis = await createTestRedis('gw_usage');
});
afterAll(() => redis.cleanup());

test('calls are attributed to the UTC day they happened on', async () => {
  let now = Date.parse('2026-03-01T23:59:59.900Z');
  const usage = createUsageCounter({ redis: redis.client, prefix: redis.prefix, now: () => now });
  usage.count('ten_a');
  usage.count('ten_a');
  now = Date.parse('2026-03-02T00:00:00.100Z');
  usage.count('ten_a');
  await usage.close();
  expect(await redis.client.get(apiCallsKey(redis.prefix, 'ten_a', new Date('2026-03-01T12:00:00Z')))).toBe(
    '2',
  );
  expect(await redis.client.get(apiCallsKey(redis.prefix, 'ten_a', new Date('2026-03-02T12:00:00Z')))).toBe(
    '1',
  );
});

test('a failed flush keeps its counts for the next one', async () => {
  const client = new Redis(redis.url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  });
  await client.connect();
  const ended = once(client, 'end');
  client.disconnect(); // Redis goes away
  await ended;
  const errors: unknown[] = [];
  const usage = createUsageCounter({ redis: client, prefix: redis.prefix, onError: (e) => errors.push(e) });
  usage.count('ten_b');
  usage.count('ten_b');
  await usage.flush();
  expect(errors).toHaveLength(1);
  usage.count('ten_b');
  await client.connect(); // and comes back
  await usage.close();
  expect(await redis.client.get(apiCallsKey(redis.prefix, 'ten_b'))).toBe('3');
  await client.quit();
});
