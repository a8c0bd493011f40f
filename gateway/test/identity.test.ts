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
import type { TenantSnapshot } from '@fleet/tenancy';
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
  await f.provision('bolt');
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
