import express from 'express';
import knex, { type Knex } from 'knex';
import { createDb, type Db } from '@fleet/db';
import { createHttpApp, startHttpServer, type RunningHttpServer } from '@fleet/http';
import { createLogger } from '@fleet/logger';
import {
  createRegistryClient,
  createTenantResolver,
  requestCtx,
  requireSignedContext,
  type TenantResolver,
} from '@fleet/tenancy';
import { createApp as createRegistryApp, migrations, relayTables } from '@fleet/tenancy-registry';
import {
  createTestDatabase,
  createTestRedis,
  requestAs,
  type HostRequestInit,
  type HostResponse,
  type TestDatabase,
  type TestRedis,
} from '@fleet/testing';
import { createApp } from '../src/app';
import { ROUTES, type RouteRule } from '../src/domain/routes';
import { createUpstream } from '../src/http/proxy';

export const KEY = 'gateway-test-signing-key-0123456789';
export const DOMAIN = 'fleet.test';
const logger = createLogger({ service: 'gateway-test', level: 'silent' });

/** Routes used by the tests on top of the real table: an echo service that shows what it received. */
export const TEST_ROUTES: RouteRule[] = [
  ...ROUTES,
  { door: 'store', prefix: '/api/store/echo', upstream: 'echo', audience: 'shopper', auth: 'public' },
  { door: 'store', prefix: '/api/admin/echo', upstream: 'echo', audience: 'merchant', auth: 'public' },
  { door: 'apex', prefix: '/api/echo', upstream: 'echo', audience: 'public', auth: 'public' },
];

export interface GatewayFixture {
  gateway: RunningHttpServer;
  registry: RunningHttpServer;
  echo: RunningHttpServer;
  resolver: TenantResolver;
  owner: Knex;
  provision(slug: string): Promise<{ id: string }>;
  /** A request to the gateway as if sent to `host`. */
  get(host: string, path: string, init?: HostRequestInit): Promise<HostResponse>;
  close(): Promise<void>;
}

export async function startGateway(label: string): Promise<GatewayFixture> {
  const database: TestDatabase = await createTestDatabase(label, { migrations, relayTables });
  const redis: TestRedis = await createTestRedis(label);
  const db: Db = createDb({ url: database.appUrl });
  const owner = knex({ client: 'pg', connection: database.ownerUrl, pool: { min: 0, max: 1 } });
  const registry = await startHttpServer(
    createRegistryApp({ db, logger, platformDomain: DOMAIN, signingKey: KEY, readiness: {} }),
    { port: 0, logger },
  );
  const echo = await startHttpServer(echoApp(), { port: 0, logger });
  const client = createRegistryClient({ baseUrl: registry.url, signingKey: KEY, caller: 'gateway' });
  const resolver = createTenantResolver({
    fetchByHost: (h) => client.fetchByHost(h),
    redis: redis.client,
    redisPrefix: redis.prefix,
  });
  const upstreams = {
    tenancy: createUpstream('tenancy', registry.url),
    echo: createUpstream('echo', echo.url),
  };
  const gateway = await startHttpServer(
    createApp({
      logger,
      platformDomain: DOMAIN,
      signingKey: KEY,
      resolver,
      upstreams,
      routes: TEST_ROUTES,
      readiness: {},
    }),
    { port: 0, logger },
  );
  return {
    gateway,
    registry,
    echo,
    resolver,
    owner,
    provision: (slug) => client.provision({ slug, name: `Store ${slug}`, currency: 'EUR', country: 'DE' }),
    get(host, path, init = {}) {
      return requestAs(host, `${gateway.url}${path}`, init);
    },
    async close() {
      await gateway.close();
      await Promise.all(Object.values(upstreams).map((u) => u.pool.close()));
      await echo.close();
      await registry.close();
      await db.close();
      await owner.destroy();
      await redis.cleanup();
      await database.drop();
    },
  };
}

function echoApp() {
  return createHttpApp({
    logger,
    routes(app) {
      app.use(requireSignedContext({ key: KEY }));
      app.all('/{*any}', express.text({ type: '*/*' }), (req, res) => {
        const leaked = Object.keys(req.headers).filter(
          (h) => h.startsWith('x-fleet-') && h !== 'x-fleet-context',
        );
        res.json({
          ctx: requestCtx(res),
          path: req.originalUrl,
          method: req.method,
          body: req.body ?? null,
          leaked,
          spoof: req.headers['x-spoof'] ?? null,
        });
      });
    },
  });
}
