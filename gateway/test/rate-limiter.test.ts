import Redis from 'ioredis';
import { createTestRedis, type TestRedis } from '@fleet/testing';
import { createRateLimiter } from '../src/data-access/rate-limiter';

let redis: TestRedis;
beforeAll(async () => {
  redis = await createTestRedis('gw_limiter');
});
afterAll(() => redis.cleanup());

const plans = { free: { perSecond: 5, burst: 8 } };

test('the sustained rate, then the burst allowance; then Redis is spared until the window ends', async () => {
  const limiter = createRateLimiter({ redis: redis.client, prefix: redis.prefix, plans });
  const calls = jest.spyOn(redis.client as unknown as { rlflxIncr: () => unknown }, 'rlflxIncr');
  const decisions = [];
  for (let i = 0; i < 20; i++) decisions.push(await limiter.consumeTenant('ten_hot', 'free'));
  expect(decisions.filter((d) => d.allowed)).toHaveLength(8);
  expect(decisions.slice(8).every((d) => !d.allowed && d.retryAfterSeconds >= 1)).toBe(true);
  // 5 sustained + 3 burst consumptions reached Redis; the 12 refusals were answered from memory.
  expect(calls).toHaveBeenCalledTimes(8);
  calls.mockRestore();
  const keys = await redis.client.keys(`${redis.prefix}*`);
  expect(keys.sort()).toEqual([`${redis.prefix}{t:ten_hot}:rl:burst`, `${redis.prefix}{t:ten_hot}:rl:sec`]);
});

test('requests of one tenant arriving together are counted with one Redis call, first come first served', async () => {
  const limiter = createRateLimiter({ redis: redis.client, prefix: redis.prefix, plans });
  const calls = jest.spyOn(redis.client as unknown as { rlflxIncr: () => unknown }, 'rlflxIncr');
  const decisions = await Promise.all(
    Array.from({ length: 20 }, () => limiter.consumeTenant('ten_batch', 'free')),
  );
  expect(decisions.map((d) => d.allowed)).toEqual([...Array(8).fill(true), ...Array(12).fill(false)]);
  expect(calls).toHaveBeenCalledTimes(2); // the sustained counter, then the burst counter
  calls.mockRestore();
  expect(await redis.client.get(`${redis.prefix}{t:ten_batch}:rl:sec`)).toBe('20');
});

test('tenants are counted apart, and an unknown plan gets the free limits', async () => {
  const limiter = createRateLimiter({ redis: redis.client, prefix: redis.prefix, plans });
  for (let i = 0; i < 10; i++) await limiter.consumeTenant('ten_a', 'free');
  expect(await limiter.consumeTenant('ten_a', 'free')).toMatchObject({ allowed: false });
  expect(await limiter.consumeTenant('ten_b', 'mystery')).toEqual({ allowed: true });
});

test('with Redis unreachable, an in-memory limiter of the same size answers', async () => {
  const offline = new Redis('redis://127.0.0.1:1', { lazyConnect: true, maxRetriesPerRequest: 0 });
  const limiter = createRateLimiter({ redis: offline, prefix: redis.prefix, plans });
  const decisions = [];
  for (let i = 0; i < 12; i++) decisions.push(await limiter.consumeTenant('ten_x', 'free'));
  expect(decisions.filter((d) => d.allowed)).toHaveLength(8);
  offline.disconnect();
});
