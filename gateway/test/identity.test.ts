// End to end with the real identity service in-process: tokens it issues are verified by the
// gateway against its JWKS and routed by the same rules as everywhere else.
import { createDb, type Db } from '@fleet/db';
import { startHttpServer, type RunningHttpServer } from '@fleet/http';
import {
  bootstrapIdentity,
  createApp as createIdentityApp,
  createIdentityDeps,
  migrations,
  relayTables,
} from '@fleet/identity';
import { createLogger } from '@fleet/logger';
import { CONTEXT_HEADER, contextTarget, signContext, type TenantSnapshot } from '@fleet/tenancy';
import { createTestDatabase, createTestRedis, type TestDatabase, type TestRedis } from '@fleet/testing';
import { KEY, startGateway, type GatewayFixture } from './gateway-fixture';

const ISSUER = 'http://identity.fleet.test';
const ADMIN = { email: 'root@fleet.test', password: 'console-secret-42' };

let database: TestDatabase;
let redis: TestRedis;
let db: Db;
let identity: RunningHttpServer;
let f: GatewayFixture;
let acme: TenantSnapshot;
let bolt: TenantSnapshot;

beforeAll(async () => {
  const logger = createLogger({ service: 'identity', level: 'silent' });
  database = await createTestDatabase('gw_identity', { migrations, relayTables });
  redis = await createTestRedis('gw_identity');
  db = createDb({ url: database.appUrl });
  const deps = createIdentityDeps({
    db,
    redis: redis.client,
    redisPrefix: redis.prefix,
    logger,
    issuer: ISSUER,
    accessTokenTtlSeconds: 900,
    keyEncryptionKey: 'gateway-test-key-encryption-key-0123456789',
    passwordHashCost: 12, // tests only: production hashes at 2^17 (PASSWORD_HASH_COST)
  });
  await bootstrapIdentity(deps, ADMIN);
  identity = await startHttpServer(createIdentityApp({ ...deps, signingKey: KEY, readiness: {} }), {
    port: 0,
    logger,
  });
  f = await startGateway('gw_identity', {
    upstreamUrls: { identity: identity.url },
    tokenIssuer: { kind: 'identity', url: identity.url, issuer: ISSUER },
  });
  acme = await f.provision('acme');
  bolt = await f.provision('bolt');
});
afterAll(async () => {
  await f.close();
  await identity.close();
  await db.close();
  await redis.cleanup();
  await database.drop();
});

const json = (body: unknown) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});
const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

test('a shopper registers on a store, then reads its profile there with the token identity issued', async () => {
  const registered = await f.get(
    'acme.fleet.test',
    '/api/store/auth/register',
    json({ email: 'ada@example.com', password: 'correct horse', name: 'Ada' }),
  );
  expect(registered.status).toBe(201);
  const { accessToken } = registered.json<{ accessToken: string }>();
  const me = await f.get('acme.fleet.test', '/api/store/me', bearer(accessToken));
  expect(me.status).toBe(200);
  expect(me.json()).toMatchObject({ email: 'ada@example.com', name: 'Ada' });

  expect((await f.get('bolt.fleet.test', '/api/store/me', bearer(accessToken))).json()).toMatchObject({
    code: 'wrong_tenant',
  });
  expect((await f.get('acme.fleet.test', '/api/admin/me', bearer(accessToken))).json()).toMatchObject({
    code: 'wrong_role',
  });
  expect(acme.id).toMatch(/^ten_/);
});

test('a platform admin signs in on the console; the token is refused on a store', async () => {
  const login = await f.get('console.fleet.test', '/api/platform/auth/login', json(ADMIN));
  expect(login.status).toBe(200);
  const { accessToken } = login.json<{ accessToken: string }>();
  const me = await f.get('console.fleet.test', '/api/platform/me', bearer(accessToken));
  expect(me.status).toBe(200);
  expect(me.json()).toMatchObject({ email: ADMIN.email });
  expect((await f.get('acme.fleet.test', '/api/store/info', bearer(accessToken))).status).toBe(403);
});

// Browser sessions of the web apps (identity's session routes): the refresh token rides in a
// host-only cookie, and neither it nor the access token opens another store.
const APP = { 'content-type': 'application/json', 'x-csrf': '1', 'sec-fetch-site': 'same-origin' };
const MERCHANT = { email: 'owner@acme.test', password: 'merchant-secret-42' };

async function staffOf(tenantId: string, email: string): Promise<void> {
  const ctx = { requestId: 'test', tenantId, actor: { kind: 'service' as const, id: 'tenancy' } };
  const res = await fetch(`${identity.url}/internal/staff`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      [CONTEXT_HEADER]: signContext(ctx, KEY, contextTarget('identity', 'POST', '/internal/staff')),
    },
    body: JSON.stringify({ email, password: MERCHANT.password, name: 'Owner', role: 'owner' }),
  });
  expect(res.status).toBe(201);
}

const cookiePair = (setCookie: string | string[] | undefined) =>
  String(Array.isArray(setCookie) ? setCookie[0] : setCookie).split('; ')[0] ?? '';

test("a merchant's session: sign in, refresh by cookie, sign out; the cookie and token never open another store", async () => {
  await staffOf(acme.id, MERCHANT.email);
  await staffOf(bolt.id, MERCHANT.email); // the same person is staff of both: still two sessions
  const login = await f.get('acme.fleet.test', '/api/admin/session', {
    method: 'POST',
    headers: APP,
    body: JSON.stringify(MERCHANT),
  });
  expect(login.status).toBe(200);
  expect(String(login.headers['set-cookie'])).toMatch(
    /Path=\/api\/admin\/session; .*HttpOnly; SameSite=Strict/,
  );
  const cookie = cookiePair(login.headers['set-cookie']);
  const refreshed = await f.get('acme.fleet.test', '/api/admin/session/refresh', {
    method: 'POST',
    headers: { ...APP, cookie },
  });
  expect(refreshed.status).toBe(200);
  const { accessToken } = refreshed.json<{ accessToken: string }>();
  expect((await f.get('acme.fleet.test', '/api/admin/me', bearer(accessToken))).status).toBe(200);

  // Store B's host: A's access token is refused, A's cookie is no session there.
  const meOnBolt = await f.get('bolt.fleet.test', '/api/admin/me', bearer(accessToken));
  expect(meOnBolt.status).toBe(403);
  expect(meOnBolt.json()).toMatchObject({ code: 'wrong_tenant' });
  const next = cookiePair(refreshed.headers['set-cookie']);
  const onBolt = await f.get('bolt.fleet.test', '/api/admin/session/refresh', {
    method: 'POST',
    headers: { ...APP, cookie: next },
  });
  expect(onBolt.status).toBe(401);

  // The console host does not serve the merchant's session paths.
  const onConsole = await f.get('console.fleet.test', '/api/admin/session/refresh', {
    method: 'POST',
    headers: { ...APP, cookie: next },
  });
  expect(onConsole.status).toBe(404);

  const out = await f.get('acme.fleet.test', '/api/admin/session', {
    method: 'DELETE',
    headers: { ...APP, cookie: next },
  });
  expect(out.status).toBe(204);
  const after = await f.get('acme.fleet.test', '/api/admin/session/refresh', {
    method: 'POST',
    headers: { ...APP, cookie: next },
  });
  expect(after.status).toBe(401);
});

test('a session call without the CSRF header is refused through the gateway (the header is not stripped)', async () => {
  const res = await f.get('acme.fleet.test', '/api/admin/session', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(MERCHANT),
  });
  expect(res.status).toBe(403);
  expect(res.json()).toMatchObject({ code: 'csrf_header_required' });
});

test("a platform admin's session lives on the console host only", async () => {
  const login = await f.get('console.fleet.test', '/api/platform/session', {
    method: 'POST',
    headers: APP,
    body: JSON.stringify(ADMIN),
  });
  expect(login.status).toBe(200);
  const { accessToken } = login.json<{ accessToken: string }>();
  expect((await f.get('console.fleet.test', '/api/platform/me', bearer(accessToken))).status).toBe(200);
  const onStore = await f.get('acme.fleet.test', '/api/platform/session', {
    method: 'POST',
    headers: APP,
    body: JSON.stringify(ADMIN),
  });
  expect(onStore.status).toBe(404);
});
