import Redis from 'ioredis';
import { loadConfigOrExit } from '@fleet/config';
import { startHttpServer, runMain } from '@fleet/http';
import { createLogger } from '@fleet/logger';
import { createApp } from './app';
import { createCartDeps } from './bootstrap';
import { configSchema } from './config';

async function main(): Promise<void> {
  const config = loadConfigOrExit('cart', configSchema);
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
  await startHttpServer(app, {
    port: config.PORT,
    logger,
    handleSignals: true,
    onShutdown: [
      () => deps.close(),
      async () => {
        await redis.quit();
      },
    ],
  });
  logger.info({ port: config.PORT }, 'cart service listening');
}

runMain('cart', main);
