import Redis from 'ioredis';
import { loadConfigOrExit } from '@fleet/config';
import { createDb, createServiceDb } from '@fleet/db';
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
import { consumeProductEvents } from './messaging/product-events.consumer';
import { consumeReturnEvents } from './messaging/return-events.consumer';
import { startReservationSweeper } from './messaging/reservation-sweeper';

/**
 * Starts inventory from `env`: main.ts runs it alone in its process, the host beside the other
 * services. Answers once it listens; `close()` shuts it down gracefully.
 */
export async function start(
  env: NodeJS.ProcessEnv = process.env,
  options: ServiceStartOptions = {},
): Promise<RunningHttpServer> {
  startTelemetry('inventory', env);
  const config = loadConfigOrExit('inventory', configSchema, env);
  const logger = createLogger({ service: 'inventory', level: config.LOG_LEVEL });
  const db = createServiceDb('inventory', config, logger);
  // The relay role, for the sweep's cross-tenant scan of due reservation ids only.
  const scanDb = createDb({
    url: config.RELAY_DATABASE_URL,
    max: 2,
    applicationName: 'inventory-sweep-scan',
    onError: (err) => logger.warn({ err }, 'idle scan connection failed'),
  });
  const redis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: 2 });
  redis.on('error', (err) => logger.warn({ err }, 'redis connection error'));
  const broker = await connectServiceBroker('inventory', config, logger);
  const relay = startOutboxRelay({ relayUrl: config.RELAY_DATABASE_URL, broker, logger });
  await consumeProductEvents(broker, db);
  await consumeReturnEvents(broker, db);
  const sweeper = await startReservationSweeper({
    db,
    scanDb,
    logger,
    redisUrl: config.REDIS_URL,
    redisPrefix: config.REDIS_PREFIX,
    everyMs: config.RESERVATION_SWEEP_MS,
  });
  const app = createApp({
    db,
    logger,
    signingKey: config.INTERNAL_SIGNING_KEY,
    readiness: { postgres: () => db.ping(), redis: () => redis.ping(), rabbitmq: () => broker.ping() },
  });
  const server = await startHttpServer(app, {
    port: config.PORT,
    host: config.BIND_ADDRESS,
    logger,
    ...options,
    onShutdown: [
      () => sweeper.stop(),
      () => broker.close(),
      () => relay.stop(),
      async () => void (await redis.quit()),
      () => scanDb.close(),
      () => db.close(),
    ],
  });
  logger.info({ port: config.PORT, sweepEveryMs: config.RESERVATION_SWEEP_MS }, 'inventory listening');
  return server;
}
