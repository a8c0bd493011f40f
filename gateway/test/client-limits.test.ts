import { startGateway, type GatewayFixture } from './gateway-fixture';

/**
 * Issue 13 item 12: a store had one limit, per tenant, so one client could spend a small store's
 * whole budget; and a flood of made-up store hosts cost a Redis and a registry lookup each.
 * The gateway trusts X-Forwarded-For from loopback here (TRUST_PROXY=loopback), so each test
 * client is the address it forwards.
 */
let f: GatewayFixture;
beforeAll(async () => {
  f = await startGateway('gw_client_limits', { gateway: { trustProxy: 'loopback' } });
  await f.provision('small'); // free plan: 100/s, bursts to 300; a client gets a fifth: 20/s, 60
  await f.provision('known');
});
afterAll(() => f.close());

const from = (ip: string) => ({ headers: { 'x-forwarded-for': ip } });

async function burst(host: string, ip: string, n: number) {
  const answers = [];
  for (let i = 0; i < n; i++) answers.push(await f.get(host, '/api/store/echo', from(ip)));
  return answers;
}
const statusesOf = (answers: Array<{ status: number }>) => answers.map((a) => a.status);

test('one client spending its share of a store is limited; another client of that store is not', async () => {
  const started = Date.now();
  const greedy = await burst('small.fleet.test', '203.0.113.7', 150);
  const seconds = Math.ceil((Date.now() - started) / 1000);
  const served = greedy.filter((a) => a.status === 200).length;
  expect(served).toBeGreaterThanOrEqual(60);
  expect(served).toBeLessThanOrEqual(60 + 20 * (seconds + 1)); // its share: a burst of 60, then 20/s
  const refused = greedy.find((a) => a.status === 429);
  expect(greedy.every((a) => a.status === 200 || a.status === 429)).toBe(true);
  expect(refused?.headers['content-type']).toContain('application/problem+json');
  expect(refused?.json()).toMatchObject({ code: 'rate_limited' });
  expect(Number(refused?.headers['retry-after'])).toBeGreaterThanOrEqual(1);

  expect(statusesOf(await burst('small.fleet.test', '198.51.100.9', 20))).toEqual(Array(20).fill(200));
});

test('IPv6 clients are grouped by /64: a new address in the same /64 is the same client', async () => {
  // Concurrent, so the share's window cannot refill in between.
  const greedy = await Promise.all(
    Array.from({ length: 100 }, () => f.get('known.fleet.test', '/api/store/echo', from('2001:db8:1:2::1'))),
  );
  expect(statusesOf(greedy)).toContain(429);
  // Another address of the same /64, also 30 at once: more than a fresh second's 20 could serve.
  const sameNetwork = await Promise.all(
    Array.from({ length: 30 }, () =>
      f.get('known.fleet.test', '/api/store/echo', from('2001:db8:1:2:ffff::9')),
    ),
  );
  expect(statusesOf(sameNetwork)).toContain(429);
  const otherNetwork = await f.get('known.fleet.test', '/api/store/echo', from('2001:db8:1:3::1'));
  expect(otherNetwork.status).toBe(200);
});

test('a flood of unknown hosts is refused before any lookup; known hosts and other clients go on', async () => {
  await f.get('known.fleet.test', '/api/store/echo', from('192.0.2.50')); // cached in memory now
  let registryCalls = 0;
  const count = () => registryCalls++;
  f.registry.server.on('request', count);
  const before = f.resolver.stats();
  try {
    const statuses: number[] = [];
    const started = Date.now();
    for (let i = 0; i < 200; i++) {
      statuses.push((await f.get(`nope${i}.fleet.test`, '/api/store/echo', from('192.0.2.50'))).status);
    }
    const after = f.resolver.stats();
    const allowed = 30 + 10 * (Math.ceil((Date.now() - started) / 1000) + 1); // burst 30, then 10/s
    const lookups = after.fetches - before.fetches + (after.redisHits - before.redisHits);
    const refused = statuses.filter((s) => s === 429).length;
    expect(statuses.filter((s) => s === 404).length).toBeLessThanOrEqual(allowed);
    expect(refused).toBeGreaterThanOrEqual(200 - allowed);
    expect(refused).toBeGreaterThan(0);
    // Only what the limiter let through was looked up (Redis, then the registry).
    expect(lookups).toBe(200 - refused);
    expect(registryCalls).toBeLessThanOrEqual(200 - refused);

    // The store this client already reached is known in memory: not counted, not limited.
    expect((await f.get('known.fleet.test', '/api/store/echo', from('192.0.2.50'))).status).toBe(200);
    // Another client's unknown host is still looked up and answered 404.
    const other = await f.get('nope-other.fleet.test', '/api/store/echo', from('192.0.2.51'));
    expect(other.status).toBe(404);
  } finally {
    f.registry.server.off('request', count);
  }
});
