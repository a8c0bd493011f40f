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
  const calmAlone: number[] = [];
  for (let i = 0; i < 30; i++) calmAlone.push((await timed('calm.fleet.test')).ms);

  const hotResults: Awaited<ReturnType<typeof timed>>[] = [];
  const calmResults: Awaited<ReturnType<typeof timed>>[] = [];
  let hammering = true;
  const hammer = async () => {
    while (hammering) hotResults.push(await timed('hot.fleet.test'));
  };
  const hammers = Array.from({ length: 40 }, hammer);
  for (let i = 0; i < 60; i++) calmResults.push(await timed('calm.fleet.test'));
  hammering = false;
  await Promise.all(hammers);

  const limited = hotResults.filter((r) => r.status === 429);
  const served = hotResults.filter((r) => r.status === 200);
  expect(hotResults.length).toBeGreaterThan(400);
  expect(served.length).toBeGreaterThanOrEqual(100);
  expect(limited.length).toBeGreaterThan(0);
  expect(limited.every((r) => r.code === 'rate_limited' && Number(r.retryAfter) >= 1)).toBe(true);
  expect(hotResults.every((r) => r.status === 200 || r.status === 429)).toBe(true);

  expect(calmResults.every((r) => r.status === 200)).toBe(true);
  const calmUnderLoad = calmResults.map((r) => r.ms);
  console.log(
    `calm tenant p50/p95: alone ${percentile(calmAlone, 50).toFixed(1)}/${percentile(calmAlone, 95).toFixed(1)} ms, ` +
      `beside the hammered one ${percentile(calmUnderLoad, 50).toFixed(1)}/${percentile(calmUnderLoad, 95).toFixed(1)} ms; ` +
      `hot tenant: ${served.length} served, ${limited.length} limited`,
  );
  // The hammering shares this test process's CPU with the gateway, so some slowdown is only
  // contention; the calm tenant must still be far from waiting out a rate-limit window (1 s).
  expect(percentile(calmUnderLoad, 50)).toBeLessThan(50);
  expect(percentile(calmUnderLoad, 95)).toBeLessThan(100);
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
