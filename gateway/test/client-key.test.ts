import { createMemoryRateLimiter } from '../src/data-access/memory-rate-limiter';
import { clientKeyOf } from '../src/domain/client-key';
import { clientShareOf } from '../src/domain/plan-limits';

test.each([
  ['198.51.100.7', '198.51.100.7'],
  ['::ffff:198.51.100.7', '198.51.100.7'],
  ['2001:db8:1:2::1', '2001:db8:1:2::/64'],
  ['2001:0DB8:0001:0002:ffff:0:0:9', '2001:db8:1:2::/64'],
  ['2001:db8::1', '2001:db8:0:0::/64'],
  ['::1', '0:0:0:0::/64'],
  ['fe80::1%eth0', 'fe80:0:0:0::/64'],
  ['64:ff9b::192.0.2.1', '64:ff9b:0:0::/64'],
  ['', 'unknown'],
  ['not an address', 'unknown'],
])('%s is client %s', (ip, key) => {
  expect(clientKeyOf(ip)).toBe(key);
});

test('a client share is a fraction of the store limit, never below 1/s and a burst of 3', () => {
  expect(clientShareOf({ perSecond: 100, burst: 300 }, 0.2)).toEqual({ perSecond: 20, burst: 60 });
  expect(clientShareOf({ perSecond: 2, burst: 4 }, 0.2)).toEqual({ perSecond: 1, burst: 3 });
});

test('the memory limiter: perSecond per second, then the burst allowance, bounded keys', () => {
  let now = 0;
  const limiter = createMemoryRateLimiter({ burstWindowSeconds: 10, maxKeys: 2, now: () => now });
  const limit = { perSecond: 2, burst: 3 };
  const take = (key = 'a') => limiter.consume(key, limit).allowed;
  expect([take(), take(), take(), take()]).toEqual([true, true, true, false]);
  expect(limiter.consume('a', limit)).toEqual({ allowed: false, retryAfterSeconds: 1 });
  now = 1_000; // a new second; the burst allowance is spent until 10 s
  expect([take(), take(), take()]).toEqual([true, true, false]);
  now = 10_000;
  expect([take(), take(), take(), take()]).toEqual([true, true, true, false]);
  take('b');
  take('c'); // the oldest key is dropped
  expect(limiter.size()).toBe(2);
});
