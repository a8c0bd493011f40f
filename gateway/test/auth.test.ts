import type { TenantSnapshot } from '@fleet/tenancy';
import { startGateway, type Echoed, type GatewayFixture } from './gateway-fixture';

let f: GatewayFixture;
let acme: TenantSnapshot;
let bolt: TenantSnapshot;

beforeAll(async () => {
  f = await startGateway('gw_auth');
  acme = await f.provision('acme');
  bolt = await f.provision('bolt');
});
afterAll(() => f.close());

const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

test("a shopper's token reaches the upstream as a verified actor, with the client IP", async () => {
  const res = await f.get('acme.fleet.test', '/api/store/me', bearer(await f.issuer.customer(acme.id)));
  expect(res.status).toBe(200);
  const { ctx } = res.json<Echoed>();
  expect(ctx).toMatchObject({
    tenantId: acme.id,
    actor: { kind: 'customer', id: 'cus_1', roles: ['customer'] },
  });
  expect(ctx.clientIp).toMatch(/127\.0\.0\.1/);
});

test("a merchant's token reaches the admin API with its staff roles", async () => {
  const res = await f.get('acme.fleet.test', '/api/admin/me', bearer(await f.issuer.staff(acme.id)));
  expect(res.status).toBe(200);
  expect(res.json<Echoed>().ctx.actor).toEqual({ kind: 'staff', id: 'stf_1', roles: ['staff', 'owner'] });
});

test("a platform admin's token works on the console", async () => {
  const res = await f.get('console.fleet.test', '/api/platform/me', bearer(await f.issuer.platformAdmin()));
  expect(res.status).toBe(200);
  expect(res.json<Echoed>().ctx).toMatchObject({ actor: { kind: 'platform_admin', id: 'adm_1' } });
  expect(res.json<Echoed>().ctx.tenantId).toBeUndefined();
});

test("a token used on another tenant's host is 403 wrong_tenant, on public routes too", async () => {
  const token = await f.issuer.customer(acme.id);
  for (const path of ['/api/store/me', '/api/store/echo']) {
    const res = await f.get('bolt.fleet.test', path, bearer(token));
    expect(res.status).toBe(403);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ status: 403, code: 'wrong_tenant' });
  }
  const own = await f.get('bolt.fleet.test', '/api/store/me', bearer(await f.issuer.customer(bolt.id)));
  expect(own.status).toBe(200);
});

test("a shopper's token on the admin API is 403 wrong_role", async () => {
  const res = await f.get('acme.fleet.test', '/api/admin/me', bearer(await f.issuer.customer(acme.id)));
  expect(res.status).toBe(403);
  expect(res.json()).toMatchObject({ code: 'wrong_role' });
});

test("a merchant's token is 403 on the console, and on the apex", async () => {
  const token = await f.issuer.staff(acme.id);
  const consoleRes = await f.get('console.fleet.test', '/api/platform/tenants', bearer(token));
  expect(consoleRes.status).toBe(403);
  expect(consoleRes.json()).toMatchObject({ code: 'wrong_tenant' });
  expect((await f.get('fleet.test', '/api/echo', bearer(token))).status).toBe(403);
});

test("a platform admin's token is 403 on a store, even on a public route", async () => {
  const token = await f.issuer.platformAdmin();
  for (const path of ['/api/store/info', '/api/admin/me']) {
    const res = await f.get('acme.fleet.test', path, bearer(token));
    expect(res.status).toBe(403);
    expect(res.json()).toMatchObject({ code: 'wrong_tenant' });
  }
});

test('a protected route without a token is 401 token_required with a Bearer challenge', async () => {
  const res = await f.get('acme.fleet.test', '/api/store/me');
  expect(res.status).toBe(401);
  expect(res.headers['www-authenticate']).toBe('Bearer realm="fleet"');
  expect(res.json()).toMatchObject({ status: 401, code: 'token_required' });
  expect((await f.get('console.fleet.test', '/api/platform/tenants')).status).toBe(401);
});

describe('a token that does not verify is 401 token_invalid, never downgraded to anonymous', () => {
  const cases: Array<[string, () => Promise<string>]> = [
    ['expired', () => f.issuer.customer(acme.id, { expiresIn: -60 })],
    ['garbage', async () => 'not.a.token'],
    ['from another issuer', () => f.issuer.customer(acme.id, { issuer: 'http://evil.example' })],
    ['for another audience', () => f.issuer.customer(acme.id, { audience: 'someone-else' })],
    ['signed with a key the issuer does not publish', () => f.issuer.customer(acme.id, { foreignKey: true })],
    [
      'a refresh token',
      () => f.issuer.sign({ sub: 'cus_1', tid: acme.id, roles: ['customer'], typ: 'refresh' }),
    ],
    ['without a Fleet role', () => f.issuer.sign({ sub: 'cus_1', tid: acme.id, roles: ['viewer'] })],
    ['a customer token without a tenant', () => f.issuer.sign({ sub: 'cus_1', roles: ['customer'] })],
    ['unsigned (alg none)', async () => unsigned({ sub: 'cus_1', tid: acme.id, roles: ['customer'] })],
  ];
  test.each(cases)('%s', async (_name, token) => {
    for (const path of ['/api/store/me', '/api/store/info']) {
      const res = await f.get('acme.fleet.test', path, bearer(await token()));
      expect(res.status).toBe(401);
      expect(res.headers['www-authenticate']).toBe('Bearer realm="fleet", error="invalid_token"');
      expect(res.json()).toMatchObject({ code: 'token_invalid' });
    }
  });

  test('a credential that is not a bearer token', async () => {
    const res = await f.get('acme.fleet.test', '/api/store/info', {
      headers: { authorization: 'Basic dXNlcjpwYXNz' },
    });
    expect(res.status).toBe(401);
  });
});

test("the issuer's keys are fetched once, not per request", async () => {
  const token = await f.issuer.staff(acme.id);
  const before = f.issuer.jwksFetches();
  for (let i = 0; i < 20; i++) {
    expect((await f.get('acme.fleet.test', '/api/admin/me', bearer(token))).status).toBe(200);
  }
  expect(f.issuer.jwksFetches() - before).toBe(0);
  expect(f.issuer.jwksFetches()).toBe(1);
});

function unsigned(claims: Record<string, unknown>): string {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  return `${part({ alg: 'none' })}.${part({ typ: 'access', iss: 'http://identity.fleet.test', aud: 'fleet', exp: now + 300, ...claims })}.`;
}
