import type { TenantSnapshot } from '@fleet/tenancy';
import { startGateway, type GatewayFixture } from './gateway-fixture';

// Operations endpoints name every tenant (the `tenant` label of the request histogram) and the
// dependencies' health: they are served on the internal ops listener, never through the public door.

let f: GatewayFixture;
let acme: TenantSnapshot;

beforeAll(async () => {
  f = await startGateway('gw_ops');
  acme = await f.provision('acme');
});
afterAll(() => f.close());

test.each([
  ['a store host', 'acme.fleet.test'],
  ['the apex', 'fleet.test'],
  ['the console', 'console.fleet.test'],
])('/metrics and /readyz on %s answer 404 problem+json and reveal nothing', async (_where, host) => {
  await f.get('acme.fleet.test', '/api/store/echo'); // the histogram now holds acme's id
  for (const path of ['/metrics', '/readyz', '/metrics?x=1']) {
    const res = await f.get(host, path);
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ status: 404, code: 'route_not_found' });
    expect(res.text).not.toContain(acme.id);
    expect(res.text).not.toContain('http_request_duration_seconds');
  }
});

test('/healthz stays public for load balancers, and says only that the process is up', async () => {
  const res = await f.get('acme.fleet.test', '/healthz');
  expect(res.status).toBe(200);
  expect(res.json()).toEqual({ status: 'ok' });
  expect((await f.get('fleet.test', '/api/docs')).status).toBe(200);
});

test('the internal ops port serves /metrics (with the tenant label), /readyz and /healthz', async () => {
  await f.get('acme.fleet.test', '/api/store/echo');
  const metrics = await fetch(`${f.ops.url}/metrics`);
  expect(metrics.status).toBe(200);
  const text = await metrics.text();
  expect(text).toContain(`tenant="${acme.id}"`);
  const ready = await fetch(`${f.ops.url}/readyz`);
  expect([ready.status, await ready.json()]).toEqual([200, { status: 'ok', checks: {} }]);
  expect((await fetch(`${f.ops.url}/healthz`)).status).toBe(200);
  // The ops port serves nothing else: no proxying, no API document.
  const other = await fetch(`${f.ops.url}/api/store/echo`, { headers: { host: 'acme.fleet.test' } });
  expect(other.status).toBe(404);
  expect(other.headers.get('content-type')).toContain('application/problem+json');
});

test('once the gateway shuts down, the ops port reports it not ready', async () => {
  const g = await startGateway('gw_ops_drain');
  try {
    expect((await fetch(`${g.ops.url}/readyz`)).status).toBe(200);
    const closing = g.gateway.close();
    const res = await fetch(`${g.ops.url}/readyz`);
    expect(res.status).toBe(503);
    expect(((await res.json()) as { code: string }).code).toBe('shutting_down');
    await closing;
  } finally {
    await g.close();
  }
});
