import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import type { TenantSnapshot } from '@fleet/tenancy';
import { createUpstreamBreakers } from '../src/http/bulkhead-breakers';
import { UpstreamServerError } from '../src/http/upstream-errors';
import { startGateway, TEST_ROUTES, type GatewayFixture } from './gateway-fixture';
import { startStubUpstream, type StubUpstream } from './stub-upstream';

// Circuit breakers per tenant (bulkheads) in front of each upstream: what an attacker's requests
// on one store can and cannot do to the others.
const RESET_MS = 2_000;

let f: GatewayFixture;
let noisy: StubUpstream;
let shared: StubUpstream;
let downUrl: string;
const tenants: Record<string, TenantSnapshot> = {};

/** A port where nothing listens: every connection is refused. */
async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}

const route = (prefix: string, upstream: string) =>
  ({ door: 'store', prefix, upstream, audience: 'shopper', auth: 'public' }) as const;

beforeAll(async () => {
  [noisy, shared] = await Promise.all([startStubUpstream(), startStubUpstream()]);
  downUrl = await closedPortUrl();
  f = await startGateway('gw_bulkheads', {
    upstreamUrls: { noisy: noisy.url, shared: shared.url, down: downUrl },
    routes: [
      ...TEST_ROUTES,
      route('/api/store/noisy', 'noisy'),
      route('/api/store/shared', 'shared'),
      route('/api/store/down', 'down'),
    ],
    gateway: { upstream: { timeoutMs: 1_000, retries: 0, breaker: { resetTimeoutMs: RESET_MS } } },
  });
  for (const slug of ['mallory', 'alice', 'bob', 'carol', 'dave', 'erin', 'frank'])
    tenants[slug] = await f.provision(slug, 'enterprise');
});
afterAll(async () => {
  await f.close();
  await Promise.all([noisy.close(), shared.close()]);
});

const post = { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' };
const on = (slug: string, path: string, init = {}) => f.get(`${slug}.fleet.test`, path, init);
/** The stub answers by store: the gateway says which host the request came to. */
const storeOf = (req: { headers: Record<string, string | string[] | undefined> }) =>
  String(req.headers['x-forwarded-host'] ?? '').split('.')[0];

test('a storm of 4xx answers never opens a circuit', async () => {
  noisy.hits = 0;
  noisy.plan = () => 'missing';
  for (let i = 0; i < 60; i++) {
    const res = await on('frank', '/api/store/noisy', i % 2 ? post : {});
    expect(res.status).toBe(404);
  }
  expect(noisy.hits).toBe(60); // every one reached the upstream
  const breakers = f.wiring.upstreams.noisy!.breakers;
  expect([breakers.state(tenants.frank!.id), breakers.state()]).toEqual(['closed', 'closed']);
  noisy.plan = undefined;
});

test("one tenant's 5xx storm opens its own circuit only: other stores are served", async () => {
  noisy.hits = 0;
  noisy.plan = (_hit, req) => (storeOf(req) === 'mallory' ? 'fail' : 'ok');
  const statuses: number[] = [];
  for (let i = 0; i < 30; i++) statuses.push((await on('mallory', '/api/store/noisy', post)).status);
  expect(statuses.filter((s) => s === 500).length).toBeLessThanOrEqual(10);
  expect(statuses.slice(-10)).toEqual(Array(10).fill(503));
  const reached = noisy.hits;
  for (let i = 0; i < 20; i++) expect((await on('alice', '/api/store/noisy', post)).status).toBe(200);
  for (let i = 0; i < 5; i++) expect((await on('bob', '/api/store/noisy')).status).toBe(200);
  expect(noisy.hits).toBe(reached + 25);
  const breakers = f.wiring.upstreams.noisy!.breakers;
  expect(breakers.state(tenants.mallory!.id)).toBe('open');
  expect([breakers.state(tenants.alice!.id), breakers.state()]).toEqual(['closed', 'closed']);

  // Once the store's own failures stop, its circuit closes again after the reset timeout.
  noisy.plan = () => 'ok';
  await sleep(RESET_MS + 100);
  for (let i = 0; i < 4; i++) expect((await on('mallory', '/api/store/noisy')).status).toBe(200);
  expect(breakers.state(tenants.mallory!.id)).toBe('closed');
  noisy.plan = undefined;
});

test('when most stores calling an upstream fail at once, its circuit opens for every store', async () => {
  shared.behaviour = 'fail';
  for (const slug of ['carol', 'dave', 'erin']) {
    for (let i = 0; i < 12; i++) await on(slug, '/api/store/shared', post);
  }
  const breakers = f.wiring.upstreams.shared!.breakers;
  expect(breakers.state()).toBe('open');
  shared.hits = 0;
  const res = await on('alice', '/api/store/shared');
  expect(res.status).toBe(503);
  expect(res.json()).toMatchObject({ code: 'upstream_unavailable' });
  expect(shared.hits).toBe(0); // failed fast: the sick upstream is spared
  shared.behaviour = 'ok';
});

test('refused connections show the upstream down: its circuit opens for every store', async () => {
  for (let i = 0; i < 12; i++) expect((await on('mallory', '/api/store/down', post)).status).toBe(503);
  const breakers = f.wiring.upstreams.down!.breakers;
  expect(breakers.state()).toBe('open');
  const started = Date.now();
  const res = await on('bob', '/api/store/down');
  expect(res.status).toBe(503);
  expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
  expect(Date.now() - started).toBeLessThan(500);
});

describe('the bulkheads of one upstream', () => {
  const fail = () => Promise.reject(new UpstreamServerError(500, true));

  test('are bounded: idle closed ones make room, an open one is kept', async () => {
    const breakers = createUpstreamBreakers('t', {}, undefined, { maxBulkheads: 5, quorum: 1_000 });
    try {
      for (let i = 0; i < 10; i++) await breakers.run('attacker', fail).catch(() => undefined);
      expect(breakers.state('attacker')).toBe('open');
      for (let i = 0; i < 200; i++) await breakers.run(`ten_${i}`, () => Promise.resolve(i));
      expect(breakers.size()).toBe(5);
      expect(breakers.state('attacker')).toBe('open');
      await expect(breakers.run('attacker', () => Promise.resolve(1))).rejects.toThrow(
        'The circuit is open.',
      );
    } finally {
      breakers.shutdown();
    }
  });

  test('a 4xx-like rejection (not a failure) never counts', async () => {
    const breakers = createUpstreamBreakers('t');
    try {
      const refused = () => Promise.reject(Object.assign(new Error('validation'), { status: 400 }));
      for (let i = 0; i < 50; i++) await breakers.run('a', refused).catch(() => undefined);
      expect([breakers.state('a'), breakers.state()]).toEqual(['closed', 'closed']);
    } finally {
      breakers.shutdown();
    }
  });
});
