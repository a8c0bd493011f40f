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
import { connectServiceBroker, startOutboxRelay } from '@fleet/messaging';
import { createApp } from './app';
import { configSchema } from './config';
import { createCacheStamps } from './data-access/cache-stamps';
import { INVENTORY_BINDINGS, inventoryLevelConsumer } from './messaging/inventory-level.consumer';
import { REVIEW_BINDINGS, reviewSummaryConsumer } from './messaging/review-summary.consumer';

/**
 * Starts catalog from `env`: main.ts runs it alone in its process, the host beside the other
 * services. Answers once it listens; `close()` shuts it down gracefully.
 */
export async function start(
  env: NodeJS.ProcessEnv = process.env,
  options: ServiceStartOptions = {},
): Promise<RunningHttpServer> {
  startTelemetry('catalog', env);
  const config = loadConfigOrExit('catalog', configSchema, env);
  const logger = createLogger({ service: 'catalog', level: config.LOG_LEVEL });
  const db = createServiceDb('catalog', config, logger);
  const broker = await connectServiceBroker('catalog', config, logger);
  const redis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: 2, enableAutoPipelining: true });
  const stamps = createCacheStamps(redis, config.REDIS_PREFIX, logger);
  const relay = startOutboxRelay({ relayUrl: config.RELAY_DATABASE_URL, broker, logger });
  await broker.consume({
    name: 'inventory-level',
    bindings: INVENTORY_BINDINGS,
    handler: inventoryLevelConsumer({ db, logger, stamps }),
  });
  await broker.consume({
    name: 'review-summary',
    bindings: REVIEW_BINDINGS,
    handler: reviewSummaryConsumer({ db, logger, stamps }),
  });
  const app = createApp({
    db,
    logger,
    stamps,
    signingKey: config.INTERNAL_SIGNING_KEY,
    readiness: { postgres: () => db.ping(), rabbitmq: () => broker.ping() },
  });
  const server = await startHttpServer(app, {
    port: config.PORT,
    host: config.BIND_ADDRESS,
    logger,
    ...options,
    // The relay stops publishing, the broker drains in-flight handlers, then the pool they used closes.
    onShutdown: [
      () => relay.stop(),
      () => broker.close(),
      () => db.close(),
      async () => void (await redis.quit()),
    ],
  });
  logger.info({ port: config.PORT }, 'catalog listening');
  return server;
}
