import type { Express } from 'express';
import type Redis from 'ioredis';
import { createOpsApp, type ReadinessCheck } from '@fleet/http';
import type { Logger } from '@fleet/logger';
import type { TenantResolver } from '@fleet/tenancy';
import { createApp, type GatewayAppDeps } from './app';
import { createRateLimiter } from './data-access/rate-limiter';
import { createResponseCache } from './data-access/response-cache';
import { createTokenVerifier, type TokenIssuer } from './data-access/token-verifiers';
import { createUsageCounter, type UsageCounter } from './data-access/usage-counter';
import type { PlanLimits, RateLimit } from './domain/plan-limits';
import { ROUTES, type RouteRule } from './domain/routes';
import type { TokenVerifier } from './domain/token-verifier';
import type { WebApps } from './domain/web-apps';
import { createUpstream, type Upstream, type UpstreamOptions } from './http/upstream';

export interface GatewayOptions {
  logger: Logger;
  platformDomain: string;
  signingKey: string;
  resolver: TenantResolver;
  /** Shared by the rate limiter, the usage counter and the response cache's stamps. */
  redis: Redis;
  redisPrefix: string;
  /** Base URL of each upstream named in the route table. */
  upstreamUrls: Record<string, string>;
  upstream?: Omit<UpstreamOptions, 'onCircuitChange'>;
  tokenIssuer: TokenIssuer;
  routes?: readonly RouteRule[];
  readiness?: Record<string, ReadinessCheck>;
  trustProxy?: GatewayAppDeps['trustProxy'];
  planLimits?: PlanLimits;
  clientIpLimit?: RateLimit;
  /** The part of a store's limit one client may use (default STORE_CLIENT_SHARE, 0.2). */
  storeClientShare?: number;
  /** Requests per client for hosts not known in memory (default UNKNOWN_HOST_LIMIT). */
  unknownHostLimit?: RateLimit;
  usageFlushIntervalMs?: number;
  /** Memory for cached answers of stamped routes (default 64 MiB); 0 turns the cache off. */
  responseCacheBytes?: number;
  /** Backstop age of a cached answer (default 30 s). */
  responseCacheMaxAgeMs?: number;
  /** Replaces the verifier built from `tokenIssuer` (tests of the pipeline only). */
  verifier?: TokenVerifier;
  /** The built merchant admin and platform console (see data-access/web-app-loader.ts). */
  webApps?: WebApps;
}

export interface Gateway {
  /** The public app: every host's requests. */
  app: Express;
  /** `/healthz`, `/readyz` and `/metrics` of `app`, for the internal ops listener (OPS_PORT). */
  opsApp: Express;
  upstreams: Record<string, Upstream>;
  usage: UsageCounter;
  /** Flushes usage and closes the upstream pools (after the server stopped taking requests). */
  close(): Promise<void>;
}

/** Everything the gateway runs with, wired the same way in production, tests and benchmarks. */
export function createGateway(options: GatewayOptions): Gateway {
  const { logger } = options;
  const upstreams: Record<string, Upstream> = {};
  for (const [name, url] of Object.entries(options.upstreamUrls)) {
    upstreams[name] = createUpstream(name, url, {
      ...options.upstream,
      onCircuitChange: (upstream, state, scope) =>
        logger[state === 'open' ? 'warn' : 'info'](
          {
            upstream,
            state,
            scope: scope === 'upstream' ? 'upstream' : 'bulkhead',
            ...(scope === 'upstream' ? {} : { bulkhead: scope.bulkhead }),
          },
          'upstream circuit changed',
        ),
    });
  }
  const usage = createUsageCounter({
    redis: options.redis,
    prefix: options.redisPrefix,
    flushIntervalMs: options.usageFlushIntervalMs,
    onError: (err) => logger.warn({ err }, 'usage counters not written; kept for the next flush'),
  });
  const limiter = createRateLimiter({
    redis: options.redis,
    prefix: options.redisPrefix,
    plans: options.planLimits,
    clientIpLimit: options.clientIpLimit,
    storeClientShare: options.storeClientShare,
    unknownHostLimit: options.unknownHostLimit,
    onError: (err) => logger.warn({ err }, 'rate limiter failed; request let through'),
  });
  const cacheBytes = options.responseCacheBytes ?? 64 * 1024 * 1024;
  const cache =
    cacheBytes > 0
      ? createResponseCache({
          redis: options.redis,
          prefix: options.redisPrefix,
          maxBytes: cacheBytes,
          maxAgeMs: options.responseCacheMaxAgeMs,
          onError: (err) => logger.warn({ err }, 'cache stamps unreadable; answers go upstream'),
        })
      : undefined;
  const tenants = { resolver: options.resolver, platformDomain: options.platformDomain };
  const app = createApp({
    logger,
    readiness: options.readiness ?? {},
    trustProxy: options.trustProxy,
    platformDomain: options.platformDomain,
    signingKey: options.signingKey,
    resolver: options.resolver,
    routes: options.routes ?? ROUTES,
    upstreams,
    verifier: options.verifier ?? createTokenVerifier(options.tokenIssuer, tenants),
    limiter,
    usage,
    cache,
    webApps: options.webApps,
  });
  const opsApp = createOpsApp(app, { logger, readiness: options.readiness ?? {} });
  return {
    app,
    opsApp,
    upstreams,
    usage,
    async close() {
      await usage.close();
      await Promise.all(Object.values(upstreams).map((u) => u.close()));
    },
  };
}
