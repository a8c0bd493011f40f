import { Writable } from 'node:stream';
import { apiCallsKey, USAGE_RETENTION_SECONDS, type TenantSnapshot } from '@fleet/tenancy';
import { startGateway, type GatewayFixture } from './gateway-fixture';

const lines: Array<Record<string, unknown>> = [];
const logTo = new Writable({
  write(chunk: Buffer, _encoding, done) {
    for (const line of chunk.toString('utf8').split('\n')) if (line) lines.push(JSON.parse(line));
    done();
  },
});

let f: GatewayFixture;
let acme: TenantSnapshot;
let bolt: TenantSnapshot;

beforeAll(async () => {
  f = await startGateway('gw_observe', { logTo, gateway: { usageFlushIntervalMs: 60_000 } });
  acme = await f.provision('acme');
  bolt = await f.provision('bolt');
});
afterAll(() => f.close());

test('API calls are counted per tenant per UTC day in Redis, in batches, with an expiry', async () => {
  const key = apiCallsKey(f.redis.prefix, acme.id);
  for (let i = 0; i < 7; i++) expect((await f.get('acme.fleet.test', '/api/store/echo')).status).toBe(200);
  await f.get('bolt.fleet.test', '/api/store/echo');
  expect(await f.redis.client.get(key)).toBeNull(); // nothing written on the hot path
  await f.wiring.usage.flush();
  expect(await f.redis.client.get(key)).toBe('7');
  expect(await f.redis.client.get(apiCallsKey(f.redis.prefix, bolt.id))).toBe('1');
  const ttl = await f.redis.client.ttl(key);
  expect(ttl).toBeGreaterThan(USAGE_RETENTION_SECONDS - 60);
  expect(ttl).toBeLessThanOrEqual(USAGE_RETENTION_SECONDS);
  await f.get('acme.fleet.test', '/api/store/echo');
  await f.wiring.usage.flush();
  expect(await f.redis.client.get(key)).toBe('8');
});

test('access logs carry the tenant id', async () => {
  const res = await f.get('acme.fleet.test', '/api/store/echo');
  const requestId = res.headers['x-request-id'];
  await new Promise((resolve) => setImmediate(resolve));
  const line = lines.find((l) => l.msg === 'request finished' && l.requestId === requestId);
  expect(line).toMatchObject({ tenantId: acme.id, statusCode: 200, method: 'GET' });
});

test('metrics are labelled by tenant, route prefix and status, never by raw path', async () => {
  await f.get('acme.fleet.test', '/api/store/echo/some/id-123?x=1');
  await f.get('bolt.fleet.test', '/api/store/me');
  const metrics = await (await fetch(`${f.ops.url}/metrics`)).text();
  const series = metrics.split('\n').filter((l) => l.startsWith('http_request_duration_seconds_count'));
  expect(
    series.some((l) => l.includes(`tenant="${acme.id}"`) && l.includes('prefix="/api/store/echo"')),
  ).toBe(true);
  expect(
    series.some(
      (l) =>
        l.includes(`tenant="${bolt.id}"`) &&
        l.includes('prefix="/api/store/me"') &&
        l.includes('status_code="401"'),
    ),
  ).toBe(true);
  expect(metrics).not.toContain('id-123');
});
