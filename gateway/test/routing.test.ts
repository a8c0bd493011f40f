import { createRegistryClient, signContext } from '@fleet/tenancy';
import { KEY, startGateway, type Echoed, type GatewayFixture } from './gateway-fixture';

let f: GatewayFixture;
let acme: { id: string };
let bolt: { id: string };

beforeAll(async () => {
  f = await startGateway('gw_routing');
  acme = await f.provision('acme');
  bolt = await f.provision('bolt');
});
afterAll(() => f.close());

test('a store host reaches its own store through the registry', async () => {
  const res = await f.get('acme.fleet.test:8080', '/api/store/info');
  expect(res.status).toBe(200);
  expect(res.json()).toMatchObject({ name: 'Store acme', currency: 'EUR' });
  expect(res.headers['x-request-id']).toBeTruthy();
});

test('an unknown host is 404: problem+json for the API, a page for browsers', async () => {
  const api = await f.get('nobody.fleet.test', '/api/store/info');
  expect(api.status).toBe(404);
  expect(api.headers['content-type']).toContain('application/problem+json');
  expect(api.json()).toMatchObject({ status: 404, code: 'store_not_found' });
  const page = await f.get('nobody.fleet.test', '/');
  expect(page.status).toBe(404);
  expect(page.headers['content-type']).toContain('text/html');
  expect((await f.get('bad host!', '/api/store/info')).status).toBe(404);
});

test('the upstream receives the resolved tenant in a signed context', async () => {
  const res = await f.get('bolt.fleet.test', '/api/store/echo/x?y=1');
  expect(res.json()).toMatchObject({
    ctx: { tenantId: bolt.id, actor: { kind: 'anonymous' } },
    path: '/api/store/echo/x?y=1',
  });
});

test('internal headers sent from outside are stripped: a forged context cannot pick another tenant', async () => {
  const forged = signContext(
    { requestId: 'evil', tenantId: bolt.id, actor: { kind: 'service' } },
    'guessed-key-000000000000000000000',
    { audience: 'echo', method: 'GET', path: '/api/store/echo' },
  );
  const res = await f.get('acme.fleet.test', '/api/store/echo', {
    headers: { 'x-fleet-context': forged, 'x-fleet-tenant': bolt.id, 'x-spoof': 'kept' },
  });
  const body = res.json<{
    ctx: { tenantId: string; actor: { kind: string } };
    leaked: string[];
    spoof: string;
  }>();
  expect(body.ctx.tenantId).toBe(acme.id);
  expect(body.ctx.actor.kind).toBe('anonymous');
  expect(body.leaked).toEqual([]);
  expect(body.spoof).toBe('kept');
});

test('request bodies stream through unchanged', async () => {
  const payload = JSON.stringify({ big: 'x'.repeat(300_000) });
  const res = await f.get('acme.fleet.test', '/api/store/echo', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: payload,
  });
  const echoed = res.json<{ body: unknown; method: string }>();
  expect(echoed.method).toBe('POST');
  expect(JSON.stringify(echoed.body) === payload).toBe(true);
});

test('a suspended store answers shoppers 503 with Retry-After while its admin stays reachable', async () => {
  const sleepy = await f.provision('sleepy');
  const registry = createRegistryClient({ baseUrl: f.registry.url, signingKey: KEY, caller: 'test' });
  await f.resolver.apply(await registry.setStatus(sleepy.id, 'suspend'));
  const shopper = await f.get('sleepy.fleet.test', '/api/store/info');
  expect(shopper.status).toBe(503);
  expect(shopper.headers['retry-after']).toBe('3600');
  expect(shopper.json()).toMatchObject({ code: 'store_suspended' });
  const admin = await f.get('sleepy.fleet.test', '/api/admin/echo');
  expect(admin.status).toBe(200);
  expect(admin.json()).toMatchObject({ ctx: { tenantId: sleepy.id } });
});

test('the apex and console doors only serve their own routes', async () => {
  expect((await f.get('fleet.test', '/api/echo')).status).toBe(200);
  expect((await f.get('fleet.test', '/api/store/info')).status).toBe(404);
  expect((await f.get('console.fleet.test', '/api/store/info')).status).toBe(404);
});

test('a well-formed inbound request id is kept and passed on; anything else is replaced', async () => {
  const kept = await f.get('acme.fleet.test', '/api/store/echo', {
    headers: { 'x-request-id': 'req-abc.123' },
  });
  expect(kept.headers['x-request-id']).toBe('req-abc.123');
  expect(kept.json()).toMatchObject({ ctx: { requestId: 'req-abc.123' } });
  const replaced = await f.get('acme.fleet.test', '/api/store/echo', {
    headers: { 'x-request-id': 'bad id!' },
  });
  expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
});

test("the gateway's own answers carry the same security headers as createHttpApp's routes", async () => {
  const viaExpress = await f.get('acme.fleet.test', '/healthz');
  const viaLane = await f.get('nobody.fleet.test', '/api/store/info');
  expect(viaExpress.status).toBe(200);
  expect(viaLane.status).toBe(404);
  const security = (h: Record<string, unknown>) =>
    Object.fromEntries(
      Object.entries(h).filter(
        ([name]) =>
          ![
            'date',
            'connection',
            'keep-alive',
            'content-length',
            'content-type',
            'etag',
            'x-request-id',
          ].includes(name),
      ),
    );
  expect(security(viaLane.headers)).toEqual(security(viaExpress.headers));
});

test('without TRUST_PROXY, X-Forwarded-For is not believed and not passed on', async () => {
  const res = await f.get('acme.fleet.test', '/api/store/echo', {
    headers: { 'x-forwarded-for': '203.0.113.9', 'x-forwarded-proto': 'https' },
  });
  const echoed = res.json<Echoed>();
  expect(echoed.ctx.clientIp).not.toBe('203.0.113.9');
  expect(echoed.forwardedFor).toBe(echoed.ctx.clientIp);
  expect(echoed.forwardedProto).toBe('http');
});

test('every host serves the OpenAPI document, per operation', async () => {
  for (const host of ['acme.fleet.test', 'fleet.test', 'console.fleet.test']) {
    const res = await f.get(host, '/api/docs');
    expect(res.status).toBe(200);
    type Doc = { openapi: string; paths: Record<string, Record<string, { security?: unknown }>> };
    const doc = res.json<Doc>();
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.paths['/api/admin/products']?.post?.security).toEqual([{ bearer: ['staff'] }]);
    expect(doc.paths['/api/signup']?.post).toBeDefined();
  }
});
