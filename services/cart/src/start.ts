import Redis from 'ioredis';
import { loadConfigOrExit } from '@fleet/config';
import {
  startHttpServer,
  startTelemetry,
  type RunningHttpServer,
  type ServiceStartOptions,
} from '@fleet/http';
import { createLogger } from '@fleet/logger';
import { createApp } from './app';
import { createCartDeps } from './bootstrap';
import { configSchema } from './config';

/**
 * Starts cart from `env`: main.ts runs it alone in its process, the host beside the other
 * services. Answers once it listens; `close()` shuts it down gracefully.
 */
export async function start(
  env: NodeJS.ProcessEnv = process.env,
  options: ServiceStartOptions = {},
): Promise<RunningHttpServer> {
  startTelemetry('cart', env);
  const config = loadConfigOrExit('cart', configSchema, env);
  const logger = createLogger({ service: 'cart', level: config.LOG_LEVEL });
  const redis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: 2 });
  const deps = createCartDeps({
    redis,
    redisPrefix: config.REDIS_PREFIX,
    catalogUrl: config.CATALOG_URL,
    signingKey: config.INTERNAL_SIGNING_KEY,
    ttlSeconds: config.CART_TTL_SECONDS,
    variantCacheMs: config.VARIANT_CACHE_MS,
    catalogTimeoutMs: config.CATALOG_TIMEOUT_MS,
  });
  const app = createApp({
    ...deps,
    logger,
    signingKey: config.INTERNAL_SIGNING_KEY,
    readiness: { redis: () => redis.ping() },
  });
  const server = await startHttpServer(app, {
    port: config.PORT,
    host: config.BIND_ADDRESS,
    logger,
    ...options,
    onShutdown: [
      () => deps.close(),
      async () => {
        await redis.quit();
      },
    ],
  });
  logger.info({ port: config.PORT }, 'cart service listening');
  return server;
}
