import { ADMIN, DOMAIN, startPlatform, type Platform } from './platform-harness';
import { startGatewayFor, type InProcessGateway } from './in-process-gateway';

// The front door as a whole: sign-up through the apex, the store live on its host, the console
// suspending it, and the gateway hearing about it by event (outbox -> relay -> RabbitMQ), with
// the registry, identity and the gateway all real and in-process.
let p: Platform;
let g: InProcessGateway;

beforeAll(async () => {
  p = await startPlatform('front');
  g = await startGatewayFor(p);
});

afterAll(async () => {
  await g.close();
  await p.close();
});

const at: InProcessGateway['at'] = (host, path, init) => g.at(host, path, init);

async function timeUntil(probe: () => Promise<boolean>, limitMs: number): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < limitMs) {
    if (await probe()) return Date.now() - started;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`not within ${limitMs} ms`);
}

test('a new store answers on its host within 2 s of sign-up, even if its host was looked up before', async () => {
  expect((await at('nova.fleet.test', '/api/store/info')).status).toBe(404); // now in the negative cache
  const signUp = await at(DOMAIN, '/api/signup', {
    body: {
      storeName: 'Nova',
      slug: 'nova',
      email: 'owner@nova.test',
      password: 'nova-password-1',
      currency: 'USD',
      country: 'US',
    },
  });
  expect(signUp.status).toBe(201);
  const ms = await timeUntil(
    async () => (await at('nova.fleet.test', '/api/store/info')).status === 200,
    2_000,
  );
  expect(ms).toBeLessThan(2_000);

  const owner = signUp.json<{ accessToken: string }>().accessToken;
  expect((await at('nova.fleet.test', '/api/admin/me', { token: owner })).json()).toMatchObject({
    role: 'owner',
  });
  const other = await at(DOMAIN, '/api/signup', {
    body: {
      storeName: 'Vega',
      slug: 'vega',
      email: 'owner@vega.test',
      password: 'vega-password-1',
      currency: 'EUR',
      country: 'DE',
    },
  });
  expect(other.status).toBe(201);
  const foreign = await at('vega.fleet.test', '/api/admin/me', { token: owner });
  expect(foreign.status).toBe(403);
  expect((await at('console.fleet.test', '/api/platform/tenants', { token: owner })).status).toBe(403);
});

test('a suspension from the console reaches the gateway by event within 2 s; resume likewise', async () => {
  const login = await at('console.fleet.test', '/api/platform/auth/login', { body: ADMIN });
  expect(login.status).toBe(200);
  const admin = login.json<{ accessToken: string }>().accessToken;
  expect((await at('nova.fleet.test', '/api/store/info')).status).toBe(200); // cached in the gateway
  const page = (await at('console.fleet.test', '/api/platform/tenants?q=nova', { token: admin })).json<{
    items: Array<{ id: string }>;
  }>();
  const id = page.items[0]!.id;

  expect(
    (await at('console.fleet.test', `/api/platform/tenants/${id}/suspend`, { method: 'POST', token: admin }))
      .status,
  ).toBe(200);
  const suspendMs = await timeUntil(
    async () => (await at('nova.fleet.test', '/api/store/info')).status === 503,
    2_000,
  );
  expect(suspendMs).toBeLessThan(2_000);
  const shopper = await at('nova.fleet.test', '/api/store/info');
  expect(shopper.headers['retry-after']).toBe('3600');

  expect(
    (await at('console.fleet.test', `/api/platform/tenants/${id}/resume`, { method: 'POST', token: admin }))
      .status,
  ).toBe(200);
  const resumeMs = await timeUntil(
    async () => (await at('nova.fleet.test', '/api/store/info')).status === 200,
    2_000,
  );
  expect(resumeMs).toBeLessThan(2_000);
  // The platform admin's token is refused on a store host.
  expect((await at('nova.fleet.test', '/api/admin/me', { token: admin })).status).toBe(403);
});
