import type { Writable } from 'node:stream';
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
  type TenantSnapshot,
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
import { createGateway, type Gateway, type GatewayOptions } from '../src/bootstrap';
import type { TokenIssuer } from '../src/data-access/token-verifiers';
import { ROUTES, type RouteRule } from '../src/domain/routes';
import { startTestIssuer, type TestIssuer } from './token-issuer';

export const KEY = 'gateway-test-signing-key-0123456789';
export const DOMAIN = 'fleet.test';
const quiet = createLogger({ service: 'gateway-test', level: 'silent' });

/** Routes used by the tests on top of the real table: an echo service that shows what it received. */
export const TEST_ROUTES: RouteRule[] = [
  ...ROUTES,
  { door: 'store', prefix: '/api/store/echo', upstream: 'echo', audience: 'shopper', auth: 'public' },
  { door: 'store', prefix: '/api/admin/echo', upstream: 'echo', audience: 'merchant', auth: 'public' },
  { door: 'apex', prefix: '/api/echo', upstream: 'echo', audience: 'public', auth: 'public' },
  { door: 'console', prefix: '/api/platform/echo', upstream: 'echo', audience: 'platform', auth: 'public' },
];

export interface FixtureOptions {
  /** More upstreams by name (their routes go in `routes`). */
  upstreamUrls?: Record<string, string>;
  /** Serve pages: the echo, answering as `storefront`, stands in for the storefront upstream. */
  storefront?: boolean;
  routes?: RouteRule[];
  /** Default: the built-in issuer, served by a local JWKS stand-in (`f.issuer`). */
  tokenIssuer?: TokenIssuer;
  /** Where the gateway's log lines go (default: nowhere). */
  logTo?: Writable;
  gateway?: Partial<
    Pick<
      GatewayOptions,
      | 'upstream'
      | 'planLimits'
      | 'clientIpLimit'
      | 'usageFlushIntervalMs'
      | 'trustProxy'
      | 'storeClientShare'
      | 'unknownHostLimit'
      | 'webApps'
    >
  >;
}

export interface GatewayFixture {
  gateway: RunningHttpServer;
  /** The internal ops listener (`/healthz`, `/readyz`, `/metrics`) on loopback. */
  ops: RunningHttpServer;
  registry: RunningHttpServer;
  echo: RunningHttpServer;
  wiring: Gateway;
  /** Requests that reached the echo upstream so far. */
  echoHits(): number;
  resolver: TenantResolver;
  issuer: TestIssuer;
  redis: TestRedis;
  owner: Knex;
  provision(slug: string, plan?: string): Promise<TenantSnapshot>;
  /** A request to the gateway as if sent to `host`. */
  get(host: string, path: string, init?: HostRequestInit): Promise<HostResponse>;
  close(): Promise<void>;
}

/** The real registry in-process, an echo upstream, Redis, and the gateway wired as in production. */
export async function startGateway(label: string, options: FixtureOptions = {}): Promise<GatewayFixture> {
  const database: TestDatabase = await createTestDatabase(label, { migrations, relayTables });
  const redis: TestRedis = await createTestRedis(label);
  const db: Db = createDb({ url: database.appUrl });
  const owner = knex({ client: 'pg', connection: database.ownerUrl, pool: { min: 0, max: 1 } });
  const registry = await startHttpServer(
    createRegistryApp({ db, logger: quiet, platformDomain: DOMAIN, signingKey: KEY, readiness: {} }),
    { port: 0, logger: quiet },
  );
  // The echo answers as `echo` and, on other ports, as `identity` and `storefront` (the real
  // table's routes to them): a service accepts only contexts signed for itself.
  const echo = await startHttpServer(echoApp('echo'), { port: 0, logger: quiet });
  const identityEcho = await startHttpServer(echoApp('identity'), { port: 0, logger: quiet });
  const storefrontEcho = await startHttpServer(echoApp('storefront'), { port: 0, logger: quiet });
  let echoHits = 0;
  for (const server of [echo, identityEcho, storefrontEcho]) server.server.on('request', () => echoHits++);
  const issuer = await startTestIssuer();
  const client = createRegistryClient({ baseUrl: registry.url, signingKey: KEY, caller: 'gateway' });
  const resolver = createTenantResolver({
    fetchByHost: (h) => client.fetchByHost(h),
    redis: redis.client,
    redisPrefix: redis.prefix,
  });
  const logger = options.logTo
    ? createLogger({ service: 'gateway', level: 'info', destination: options.logTo })
    : quiet;
  const wiring = createGateway({
    logger,
    platformDomain: DOMAIN,
    signingKey: KEY,
    resolver,
    redis: redis.client,
    redisPrefix: redis.prefix,
    upstreamUrls: {
      tenancy: registry.url,
      identity: identityEcho.url,
      ...(options.storefront ? { storefront: storefrontEcho.url } : {}),
      echo: echo.url,
      ...options.upstreamUrls,
    },
    tokenIssuer: options.tokenIssuer ?? { kind: 'identity', url: issuer.url, issuer: issuer.issuer },
    routes: options.routes ?? TEST_ROUTES,
    ...options.gateway,
  });
  const gateway = await startHttpServer(wiring.app, { port: 0, logger: quiet });
  const ops = await startHttpServer(wiring.opsApp, { port: 0, host: '127.0.0.1', logger: quiet });
  return {
    gateway,
    ops,
    registry,
    echo,
    wiring,
    echoHits: () => echoHits,
    resolver,
    issuer,
    redis,
    owner,
    provision: (slug, plan) =>
      client.provision({
        slug,
        name: `Store ${slug}`,
        currency: 'EUR',
        country: 'DE',
        ...(plan ? { plan } : {}),
      }),
    get(host, path, init = {}) {
      // Identity, catalog & co. are echo stand-ins here, answering what no service does: the
      // contract is checked where real services answer (the e2e suites), not against them.
      return requestAs(host, `${gateway.url}${path}`, { contract: false, ...init });
    },
    async close() {
      await gateway.close();
      await ops.close();
      await wiring.close();
      await issuer.close();
      await echo.close();
      await identityEcho.close();
      await storefrontEcho.close();
      await registry.close();
      await db.close();
      await owner.destroy();
      await redis.cleanup();
      await database.drop();
    },
  };
}

/** What an upstream sees: the verified context, the path, the body, and any leaked internal header. */
export interface Echoed {
  ctx: {
    tenantId?: string;
    requestId: string;
    clientIp?: string;
    actor: { kind: string; id?: string; roles?: string[] };
  };
  path: string;
  method: string;
  body: unknown;
  leaked: string[];
  spoof: string | null;
  forwardedFor: string | null;
  forwardedProto: string | null;
}

export function echoApp(audience: string) {
  return createHttpApp({
    logger: quiet,
    routes(app) {
      app.use(requireSignedContext({ key: KEY, audience }));
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
          forwardedFor: req.headers['x-forwarded-for'] ?? null,
          forwardedProto: req.headers['x-forwarded-proto'] ?? null,
        });
      });
    },
  });
}
