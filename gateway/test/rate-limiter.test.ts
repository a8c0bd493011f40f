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

test('a busy tenant leases points: fewer Redis calls, and the limit holds across gateways', async () => {
  const busy = { big: { perSecond: 200, burst: 200 } }; // a lease of 2 points (1% of 200/s)
  const gateways = [0, 1].map(() =>
    createRateLimiter({ redis: redis.client, prefix: redis.prefix, plans: busy }),
  );
  const calls = jest.spyOn(redis.client as unknown as { rlflxIncr: () => unknown }, 'rlflxIncr');
  const started = Date.now();
  const decisions = [];
  for (let i = 0; i < 250; i++) decisions.push(await gateways[i % 2]!.consumeTenant('ten_busy', 'big'));
  const elapsed = Date.now() - started;
  const allowed = decisions.filter((d) => d.allowed).length;
  // Each Redis call granted two requests; refusals after the window was spent came from memory.
  // (Without leases it would be one call per allowed request.)
  expect(calls.mock.calls.length).toBeLessThanOrEqual(Math.ceil(allowed / 2) + 5);
  calls.mockRestore();
  // At most one lease per gateway (2 points each) may be lost at the end of the window.
  expect(allowed).toBeGreaterThanOrEqual(200 - 2 * 2);
  // Within one window nothing beyond the limit passes (a slow machine may cross into the next).
  if (elapsed < 900) expect(allowed).toBeLessThanOrEqual(200);
});

test('a lease is spent only within its window', async () => {
  const busy = { big: { perSecond: 300, burst: 300 } }; // a lease of 3
  const limiter = createRateLimiter({ redis: redis.client, prefix: redis.prefix, plans: busy });
  expect(await limiter.consumeTenant('ten_window', 'big')).toEqual({ allowed: true });
  // Redis counted the whole lease at once.
  expect(await redis.client.get(`${redis.prefix}{t:ten_window}:rl:sec`)).toBe('3');
  await new Promise((r) => setTimeout(r, 1_100));
  // The window (and the two points left in the lease) are gone: the next request asks Redis again.
  expect(await limiter.consumeTenant('ten_window', 'big')).toEqual({ allowed: true });
  expect(await redis.client.get(`${redis.prefix}{t:ten_window}:rl:sec`)).toBe('3');
});
