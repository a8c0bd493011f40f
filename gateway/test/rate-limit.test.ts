import { setTimeout as sleep } from 'node:timers/promises';
import { serviceRegistry } from '@fleet/http';
import { startGateway, type GatewayFixture } from './gateway-fixture';
import { loadFromWorker } from './load-from-worker';

let f: GatewayFixture;

beforeAll(async () => {
  // One client hammers here: its share of the store (client-limits.test.ts) is the whole store.
  f = await startGateway('gw_rate', {
    gateway: { clientIpLimit: { perSecond: 5, burst: 10 }, storeClientShare: 1 },
  });
  await f.provision('hot'); // free plan: 100/s, bursts to 300
  await f.provision('calm');
  // Warm the tenant cache so the first measured requests do not include a registry lookup.
  await f.get('hot.fleet.test', '/api/store/echo');
  await f.get('calm.fleet.test', '/api/store/echo');
});
afterAll(() => f.close());

async function timed(
  host: string,
): Promise<{ status: number; ms: number; retryAfter?: string; code?: string }> {
  const started = process.hrtime.bigint();
  const res = await f.get(host, '/api/store/echo');
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const body = res.status === 429 ? res.json<{ code: string }>() : undefined;
  return {
    status: res.status,
    ms,
    retryAfter: res.headers['retry-after'] as string | undefined,
    code: body?.code,
  };
}

const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))] ??
  NaN;

test('a tenant hammered past its limit gets 429s while another tenant is neither limited nor slowed', async () => {
  // The calm store stays well within its own limit: one request every 20 ms (50/s).
  const calmAlone: number[] = [];
  for (let i = 0; i < 40; i++) {
    calmAlone.push((await timed('calm.fleet.test')).ms);
    await sleep(20);
  }

  // The hot store is hammered from a worker thread, 4 requests at a time, until 200 of them were
  // refused: past its burst of 300 and its 100/s, however fast this machine is today.
  const started = Date.now();
  let done = false;
  const hammering = loadFromWorker(`${f.gateway.url}/api/store/echo`, 'hot.fleet.test', {
    untilLimited: 200,
    maxTotal: 20_000,
    concurrency: 4,
  }).finally(() => (done = true));
  const calmResults: Awaited<ReturnType<typeof timed>>[] = [];
  while (!done) {
    calmResults.push(await timed('calm.fleet.test'));
    await sleep(20);
  }
  const hot = await hammering;
  const seconds = Math.ceil((Date.now() - started) / 1000);

  const limited = hot.filter((r) => r.status === 429);
  const served = hot.filter((r) => r.status === 200);
  expect(hot.every((r) => r.status === 200 || r.status === 429)).toBe(true);
  expect(served.length).toBeGreaterThanOrEqual(300); // the burst, then 100/s
  expect(served.length).toBeLessThanOrEqual(300 + (seconds + 1) * 100); // + a window boundary
  expect(limited.length).toBeGreaterThanOrEqual(200);
  expect(limited.every((r) => r.code === 'rate_limited' && Number(r.retryAfter) >= 1)).toBe(true);

  const calm = calmResults.map((r) => r.ms);
  expect(calmResults.every((r) => r.status === 200)).toBe(true);
  console.log(
    `calm tenant p50/p95: alone ${percentile(calmAlone, 50).toFixed(2)}/${percentile(calmAlone, 95).toFixed(2)} ms, ` +
      `beside the hammered one ${percentile(calm, 50).toFixed(2)}/${percentile(calm, 95).toFixed(2)} ms ` +
      `(${calm.length} requests); hot tenant: ${served.length} served, ${limited.length} limited in ${seconds} s`,
  );
  // Being limited, or queued behind a limited tenant, would show as 429s or waits of a window
  // (1 s). What remains is CPU shared with the hammering worker and this test process on a
  // machine that may be busy (a shared 2-core CI box measured 7 ms alone, 34 ms beside it), so
  // the bounds sit well under a window and well over that noise. Speed itself is in the bench.
  expect(calm.length).toBeGreaterThan(5);
  expect(percentile(calm, 50)).toBeLessThan(percentile(calmAlone, 50) + 250);
  expect(percentile(calm, 95)).toBeLessThan(percentile(calmAlone, 95) + 800);
});

const rejections = async (limit: string): Promise<number> => {
  const metric = await serviceRegistry('gateway').getSingleMetricAsString(
    'fleet_rate_limit_rejections_total',
  );
  const line = metric
    .split('\n')
    .find((l) => l.startsWith(`fleet_rate_limit_rejections_total{limit="${limit}"} `));
  return Number(line?.split(' ').pop() ?? 0);
};

test('the apex and console are limited per client IP', async () => {
  const before = await rejections('client_ip');
  const statuses: number[] = [];
  for (let i = 0; i < 20; i++) statuses.push((await f.get('fleet.test', '/api/echo')).status);
  expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(10);
  expect(statuses).toContain(429);
  const limited = await f.get('console.fleet.test', '/api/platform/echo');
  expect(limited.status).toBe(429);
  expect(limited.json()).toMatchObject({ code: 'rate_limited' });
  // Each 429 is counted by its limit, with no tenant label.
  const refused = statuses.filter((s) => s === 429).length + 1;
  expect((await rejections('client_ip')) - before).toBe(refused);
});
