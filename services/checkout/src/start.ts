import Redis from 'ioredis';
import { loadConfigOrExit } from '@fleet/config';
import {
  startHttpServer,
  startTelemetry,
  type RunningHttpServer,
  type ServiceStartOptions,
} from '@fleet/http';
import { createLogger } from '@fleet/logger';
import { connectServiceBroker } from '@fleet/messaging';
import { createApp } from './app';
import { createCheckoutDeps } from './bootstrap';
import { configSchema } from './config';
import { subscribeToSettingsChanges } from './messaging/settings-changed.consumer';

/**
 * Starts checkout from `env`: main.ts runs it alone in its process, the host beside the other
 * services. Answers once it listens; `close()` shuts it down gracefully.
 */
export async function start(
  env: NodeJS.ProcessEnv = process.env,
  options: ServiceStartOptions = {},
): Promise<RunningHttpServer> {
  startTelemetry('checkout', env);
  const config = loadConfigOrExit('checkout', configSchema, env);
  if (config.ORDER_TIMEOUT_MS >= config.IDEMPOTENCY_LOCK_MS) {
    // A key must stay locked for as long as its order call may run, or a duplicate could start.
    throw new Error('ORDER_TIMEOUT_MS must be below IDEMPOTENCY_LOCK_MS.');
  }
  const logger = createLogger({ service: 'checkout', level: config.LOG_LEVEL });
  const redis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: 2 });
  const deps = createCheckoutDeps({
    redis,
    redisPrefix: config.REDIS_PREFIX,
    logger,
    signingKey: config.INTERNAL_SIGNING_KEY,
    cartUrl: config.CART_URL,
    orderUrl: config.ORDER_URL,
    tenancyUrl: config.TENANCY_URL,
    shipmentUrl: config.SHIPMENT_URL,
    idempotencyTtlSeconds: config.IDEMPOTENCY_TTL_SECONDS,
    idempotencyLockMs: config.IDEMPOTENCY_LOCK_MS,
    idempotencyWaitMs: config.IDEMPOTENCY_WAIT_MS,
    orderTimeoutMs: config.ORDER_TIMEOUT_MS,
    serviceTimeoutMs: config.SERVICE_TIMEOUT_MS,
    ratesCache: { maxEntries: config.RATES_CACHE_MAX_ENTRIES, maxAgeMs: config.RATES_CACHE_MAX_AGE_MS },
  });
  // RabbitMQ only tells checkout that rates changed. A lost connection does not stop checkouts
  // (kept rates live up to their max age; the cache is cleared on reconnect), so it is not part
  // of readiness.
  const broker = await connectServiceBroker('checkout', config, logger);
  await subscribeToSettingsChanges(broker, deps.ratesCache);
  const app = createApp({
    ...deps,
    signingKey: config.INTERNAL_SIGNING_KEY,
    readiness: { redis: () => redis.ping() },
  });
  const server = await startHttpServer(app, {
    port: config.PORT,
    host: config.BIND_ADDRESS,
    logger,
    ...options,
    onShutdown: [
      () => broker.close(),
      () => deps.close(),
      async () => {
        await redis.quit();
      },
    ],
  });
  logger.info({ port: config.PORT }, 'checkout service listening');
  return server;
}
