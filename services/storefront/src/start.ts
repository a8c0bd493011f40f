import Redis from 'ioredis';
import { loadConfigOrExit } from '@fleet/config';
import { createServiceDb } from '@fleet/db';
import {
  startHttpServer,
  startTelemetry,
  type RunningHttpServer,
  type ServiceStartOptions,
} from '@fleet/http';
import { createLogger } from '@fleet/logger';
import { createApp } from './app';
import { configSchema } from './config';
import { createStorefrontDeps } from './bootstrap';

/**
 * Starts the storefront from `env`: main.ts runs it alone in its process, the host beside the
 * other services. It renders pages in this process and reads every service by internal signed
 * HTTP calls (data-access/*.client.ts), never back out through the public gateway.
 */
export async function start(
  env: NodeJS.ProcessEnv = process.env,
  options: ServiceStartOptions = {},
): Promise<RunningHttpServer> {
  startTelemetry('storefront', env);
  const config = loadConfigOrExit('storefront', configSchema, env);
  const logger = createLogger({ service: 'storefront', level: config.LOG_LEVEL });
  const db = createServiceDb('storefront', config, logger);
  const redis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: 2, enableAutoPipelining: true });
  const deps = createStorefrontDeps({
    logger,
    db,
    redis,
    redisPrefix: config.REDIS_PREFIX,
    signingKey: config.INTERNAL_SIGNING_KEY,
    platformDomain: config.PLATFORM_DOMAIN,
    urls: {
      tenancy: config.TENANCY_URL,
      catalog: config.CATALOG_URL,
      search: config.SEARCH_URL,
      cart: config.CART_URL,
      checkout: config.CHECKOUT_URL,
      order: config.ORDER_URL,
      identity: config.IDENTITY_URL,
      payment: config.PAYMENT_URL,
      ...(config.ENGAGEMENT_URL ? { engagement: config.ENGAGEMENT_URL } : {}),
    },
    timeoutMs: config.UPSTREAM_TIMEOUT_MS,
    pageCacheBytes: config.PAGE_CACHE_MB * 1024 * 1024,
  });
  const app = createApp({
    ...deps,
    db,
    signingKey: config.INTERNAL_SIGNING_KEY,
    readiness: { postgres: () => db.ping(), redis: () => redis.ping() },
  });
  const server = await startHttpServer(app, {
    port: config.PORT,
    host: config.BIND_ADDRESS,
    logger,
    ...options,
    onShutdown: [() => deps.close(), () => db.close(), async () => void (await redis.quit())],
  });
  logger.info({ port: config.PORT }, 'storefront listening');
  return server;
}
