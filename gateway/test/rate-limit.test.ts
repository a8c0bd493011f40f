import { setTimeout as sleep } from 'node:timers/promises';
import type { TenantSnapshot } from '@fleet/tenancy';
import { startGateway, type GatewayFixture } from './gateway-fixture';

let f: GatewayFixture;
let hot: TenantSnapshot;
let calm: TenantSnapshot;

beforeAll(async () => {
  f = await startGateway('gw_rate', { gateway: { clientIpLimit: { perSecond: 5, burst: 10 } } });
  hot = await f.provision('hot'); // free plan: 100/s, bursts to 300
  calm = await f.provision('calm');
  // Warm the tenant cache so the first measured requests do not include a registry lookup.
  await f.get('hot.fleet.test', '/api/store/echo');
  await f.get('calm.fleet.test', '/api/store/echo');
});
afterAll(() => f.close());

async function timed(host: string): Promise<{ status: number; ms: number; retryAfter?: string; code?: string }> {
  const started = process.hrtime.bigint();
  const res = await f.get(host, '/api/store/echo');
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const body = res.status === 429 ? res.json<{ code: string }>() : undefined;
  return { status: res.status, ms, retryAfter: res.headers['retry-after'] as string | undefined, code: body?.code };
}

const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))] ?? NaN;

test('a tenant hammered past its limit gets 429s while another tenant is neither limited nor slowed', async () => {
  // The calm store stays well within its own limit: one request every 20 ms (50/s).
  const calmAlone: number[] = [];
  for (let i = 0; i < 40; i++) {
    calmAlone.push((await timed('calm.fleet.test')).ms);
    await sleep(20);
  }

  // 600 requests/s at the hot store for 2 s: twice its burst and six times its sustained rate,
  // paced so that the gateway's CPU (shared with this test) is not what is measured.
  const hotResults: Promise<Awaited<ReturnType<typeof timed>>>[] = [];
  const pacer = setInterval(() => {
    for (let i = 0; i < 6; i++) hotResults.push(timed('hot.fleet.test'));
  }, 10);
  const calmResults: Awaited<ReturnType<typeof timed>>[] = [];
  const until = Date.now() + 2_000;
  while (Date.now() < until) {
    calmResults.push(await timed('calm.fleet.test'));
    await sleep(20);
  }
  clearInterval(pacer);
  const hot = await Promise.all(hotResults);

  const limited = hot.filter((r) => r.status === 429);
  const served = hot.filter((r) => r.status === 200);
  expect(hot.every((r) => r.status === 200 || r.status === 429)).toBe(true);
  expect(served.length).toBeGreaterThanOrEqual(300); // the burst, then 100/s
  expect(served.length).toBeLessThanOrEqual(300 + 3 * 100);
  expect(limited.length).toBeGreaterThan(0);
  expect(limited.every((r) => r.code === 'rate_limited' && Number(r.retryAfter) >= 1)).toBe(true);

  const calm = calmResults.map((r) => r.ms);
  expect(calmResults.every((r) => r.status === 200)).toBe(true);
  console.log(
    `calm tenant p50/p95: alone ${percentile(calmAlone, 50).toFixed(2)}/${percentile(calmAlone, 95).toFixed(2)} ms, ` +
      `beside the hammered one ${percentile(calm, 50).toFixed(2)}/${percentile(calm, 95).toFixed(2)} ms ` +
      `(${calm.length} requests); hot tenant: ${served.length} served, ${limited.length} limited`,
  );
  expect(calm.length).toBeGreaterThan(50);
  expect(percentile(calm, 50)).toBeLessThan(Math.max(5, 3 * percentile(calmAlone, 50)));
  expect(percentile(calm, 95)).toBeLessThan(25);
});

test('the apex and console are limited per client IP', async () => {
  const statuses: number[] = [];
  for (let i = 0; i < 20; i++) statuses.push((await f.get('fleet.test', '/api/echo')).status);
  expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(10);
  expect(statuses).toContain(429);
  const limited = await f.get('console.fleet.test', '/api/platform/echo');
  expect(limited.status).toBe(429);
  expect(limited.json()).toMatchObject({ code: 'rate_limited' });
});
