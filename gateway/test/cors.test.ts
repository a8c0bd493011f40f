import { startGateway, type GatewayFixture } from './gateway-fixture';

let f: GatewayFixture;

beforeAll(async () => {
  f = await startGateway('gw_cors');
  await f.provision('acme');
  await f.provision('bolt');
});
afterAll(() => f.close());

const preflight = (origin: string) => ({
  method: 'OPTIONS',
  headers: {
    origin,
    'access-control-request-method': 'POST',
    'access-control-request-headers': 'authorization, content-type',
  },
});

test("a preflight from the store's own origin is answered by the gateway, with credentials", async () => {
  const before = f.echoHits();
  const res = await f.get('acme.fleet.test', '/api/store/carts', preflight('http://acme.fleet.test:5173'));
  expect(res.status).toBe(204);
  expect(res.headers['access-control-allow-origin']).toBe('http://acme.fleet.test:5173');
  expect(res.headers['access-control-allow-credentials']).toBe('true');
  expect(res.headers['access-control-allow-methods']).toContain('POST');
  expect(res.headers['access-control-allow-headers']).toContain('authorization');
  expect(res.headers.vary).toContain('Origin');
  expect(f.echoHits()).toBe(before);
});

test('a foreign origin, or another store, is not allowed', async () => {
  for (const origin of ['https://evil.example', 'http://bolt.fleet.test', 'null']) {
    const res = await f.get('acme.fleet.test', '/api/store/carts', preflight(origin));
    expect(res.status).toBe(403);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    expect(res.json()).toMatchObject({ code: 'origin_not_allowed' });
  }
});

test('actual requests carry CORS headers for the store origin only', async () => {
  const own = await f.get('acme.fleet.test', '/api/store/echo', {
    headers: { origin: 'http://acme.fleet.test:8080' },
  });
  expect(own.status).toBe(200);
  expect(own.headers['access-control-allow-origin']).toBe('http://acme.fleet.test:8080');
  expect(own.headers['access-control-expose-headers']).toContain('x-request-id');
  const foreign = await f.get('acme.fleet.test', '/api/store/echo', {
    headers: { origin: 'https://evil.example' },
  });
  expect(foreign.headers['access-control-allow-origin']).toBeUndefined();
});

test('the console answers no cross-origin preflight', async () => {
  const res = await f.get(
    'console.fleet.test',
    '/api/platform/tenants',
    preflight('https://acme.fleet.test'),
  );
  expect(res.status).toBe(403);
  expect(res.headers['access-control-allow-origin']).toBeUndefined();
});

test('security headers are set on proxied answers', async () => {
  const res = await f.get('acme.fleet.test', '/api/store/echo');
  expect(res.headers['x-content-type-options']).toBe('nosniff');
  expect(res.headers['strict-transport-security']).toBeDefined();
  expect(res.headers['x-powered-by']).toBeUndefined();
});
