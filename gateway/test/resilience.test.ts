import { setTimeout as sleep } from 'node:timers/promises';
import { startGateway, TEST_ROUTES, type GatewayFixture } from './gateway-fixture';
import { startStubUpstream, type StubUpstream } from './stub-upstream';

const TIMEOUT_MS = 300;
const RESET_MS = 400;

let f: GatewayFixture;
let flaky: StubUpstream;
let slow: StubUpstream;
let resetting: StubUpstream;

beforeAll(async () => {
  [flaky, slow, resetting] = await Promise.all([
    startStubUpstream(),
    startStubUpstream(),
    startStubUpstream(),
  ]);
  f = await startGateway('gw_resilience', {
    upstreamUrls: { flaky: flaky.url, slow: slow.url, resetting: resetting.url },
    routes: [
      ...TEST_ROUTES,
      { door: 'store', prefix: '/api/store/flaky', upstream: 'flaky', audience: 'shopper', auth: 'public' },
      { door: 'store', prefix: '/api/store/slow', upstream: 'slow', audience: 'shopper', auth: 'public' },
      {
        door: 'store',
        prefix: '/api/store/reset',
        upstream: 'resetting',
        audience: 'shopper',
        auth: 'public',
      },
    ],
    gateway: { upstream: { timeoutMs: TIMEOUT_MS, retries: 1, breaker: { resetTimeoutMs: RESET_MS } } },
  });
  await f.provision('acme', 'enterprise');
});
afterAll(async () => {
  await f.close();
  await Promise.all([flaky.close(), slow.close(), resetting.close()]);
});

const post = { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' };
const call = (path: string, init = {}) => f.get('acme.fleet.test', path, init);

describe('the circuit breaker', () => {
  beforeEach(() => {
    flaky.hits = 0;
    flaky.behaviour = 'ok';
    flaky.delayMs = 0;
  });

  /** Fails calls until the circuit opens: it must open by the 10th failure in a row. */
  async function openCircuit(): Promise<void> {
    flaky.behaviour = 'fail';
    for (let i = 0; i < 10; i++) {
      const res = await call('/api/store/flaky', post);
      if (res.status === 503) break;
      expect(res.status).toBe(500);
    }
    const reached = flaky.hits;
    expect(reached).toBeLessThanOrEqual(10);
    expect((await call('/api/store/flaky', post)).status).toBe(503);
    flaky.hits = 0;
    expect(reached).toBeGreaterThan(0);
  }

  test('opens after failures: later calls fail fast with 503 and never reach the upstream', async () => {
    flaky.behaviour = 'fail';
    for (let i = 0; i < 10; i++) expect((await call('/api/store/flaky', post)).status).toBe(500);
    expect(flaky.hits).toBe(10);
    for (let i = 0; i < 5; i++) {
      const started = Date.now();
      const res = await call('/api/store/flaky');
      expect(Date.now() - started).toBeLessThan(100);
      expect(res.status).toBe(503);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({ code: 'upstream_unavailable' });
      expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    }
    expect(flaky.hits).toBe(10);
    // Other upstreams are not affected.
    expect((await call('/api/store/echo')).status).toBe(200);
    await sleep(RESET_MS + 50);
    flaky.behaviour = 'ok';
    expect((await Promise.all([1, 2, 3].map(() => call('/api/store/flaky')))).map((r) => r.status)).toEqual([
      200, 200, 200,
    ]);
  });

  test('half-open lets three trials through, closes when they succeed, then serves normally', async () => {
    await openCircuit();
    await sleep(RESET_MS + 50);
    flaky.behaviour = 'ok';
    flaky.delayMs = 100;
    const results = await Promise.all([1, 2, 3, 4].map(() => call('/api/store/flaky')));
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 200, 503]);
    expect(flaky.hits).toBe(3);
    flaky.delayMs = 0;
    for (let i = 0; i < 5; i++) expect((await call('/api/store/flaky')).status).toBe(200);
    expect(flaky.hits).toBe(8);
  });

  test('a failed trial opens the circuit again for another reset timeout', async () => {
    await openCircuit();
    await sleep(RESET_MS + 50);
    expect((await call('/api/store/flaky', post)).status).toBe(500);
    expect(flaky.hits).toBe(1);
    expect((await call('/api/store/flaky')).status).toBe(503);
    expect(flaky.hits).toBe(1);
    await sleep(RESET_MS + 50);
    flaky.behaviour = 'ok';
    for (let i = 0; i < 4; i++) expect((await call('/api/store/flaky')).status).toBe(200);
  });

  test('4xx answers are not failures', async () => {
    await sleep(RESET_MS + 50);
    flaky.behaviour = 'missing';
    for (let i = 0; i < 15; i++) expect((await call('/api/store/flaky', post)).status).toBe(404);
    expect(flaky.hits).toBe(15);
  });
});

test('an upstream that never answers is a 503 upstream_timeout within the configured timeout', async () => {
  slow.behaviour = 'hang';
  slow.hits = 0;
  const started = Date.now();
  const res = await call('/api/store/slow');
  const took = Date.now() - started;
  expect(res.status).toBe(503);
  expect(res.json()).toMatchObject({ code: 'upstream_timeout' });
  expect(took).toBeGreaterThanOrEqual(TIMEOUT_MS - 20);
  expect(took).toBeLessThan(TIMEOUT_MS + 150);
  expect(slow.hits).toBe(1); // a timeout is not retried
});

describe('retries', () => {
  beforeEach(() => {
    resetting.hits = 0;
  });

  test('a GET is retried once after a connection reset', async () => {
    resetting.plan = (hit) => (hit === 1 ? 'reset' : 'ok');
    const res = await call('/api/store/reset');
    expect(res.status).toBe(200);
    expect(resetting.hits).toBe(2);
  });

  test('a GET that keeps failing gives up after one retry', async () => {
    resetting.plan = () => 'reset';
    const res = await call('/api/store/reset');
    expect(res.status).toBe(503);
    expect(res.json()).toMatchObject({ code: 'upstream_unavailable' });
    expect(resetting.hits).toBe(2);
  });

  test('a GET answered 5xx is retried, and the last 5xx is what the client gets', async () => {
    resetting.plan = () => 'fail';
    const res = await call('/api/store/reset');
    expect(res.status).toBe(500);
    expect(res.json()).toMatchObject({ hit: 2 });
    expect(resetting.hits).toBe(2);
  });

  test('a POST is never retried', async () => {
    resetting.plan = (hit) => (hit === 1 ? 'reset' : 'ok');
    const res = await call('/api/store/reset', post);
    expect(res.status).toBe(503);
    expect(resetting.hits).toBe(1);
    resetting.plan = () => 'fail';
    resetting.hits = 0;
    expect((await call('/api/store/reset', post)).status).toBe(500);
    expect(resetting.hits).toBe(1);
  });
});
