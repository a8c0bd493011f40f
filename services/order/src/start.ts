import Redis from 'ioredis';
import { loadConfigOrExit } from '@fleet/config';
import { createDb } from '@fleet/db';
import {
  startHttpServer,
  startTelemetry,
  type RunningHttpServer,
  type ServiceStartOptions,
} from '@fleet/http';
import { createLogger } from '@fleet/logger';
import { connectServiceBroker, startOutboxRelay } from '@fleet/messaging';
import { createApp } from './app';
import { createOrderDeps } from './bootstrap';
import { configSchema } from './config';
import { orderConsumer } from './messaging/order-events.consumer';
import { shipmentConsumer } from './messaging/shipment-events.consumer';
import { startSagaRecovery } from './saga/saga-recovery';

/**
 * Starts order from `env`: main.ts runs it alone in its process, the host beside the other
 * services. Answers once it listens; `close()` shuts it down gracefully.
 */
export async function start(
  env: NodeJS.ProcessEnv = process.env,
  options: ServiceStartOptions = {},
): Promise<RunningHttpServer> {
  startTelemetry('order', env);
  const config = loadConfigOrExit('order', configSchema, env);
  const logger = createLogger({ service: 'order', level: config.LOG_LEVEL });
  const db = createDb({
    url: config.DATABASE_URL,
    applicationName: 'order',
    max: config.DATABASE_POOL_SIZE,
    onError: (err) => logger.warn({ err }, 'idle db connection failed'),
  });
  const deps = createOrderDeps({
    db,
    logger,
    signingKey: config.INTERNAL_SIGNING_KEY,
    inventoryUrl: config.INVENTORY_URL,
    paymentUrl: config.PAYMENT_URL,
    unpaidOrderTimeoutMinutes: config.UNPAID_ORDER_TIMEOUT_MINUTES,
    remoteTimeoutMs: config.REMOTE_TIMEOUT_MS,
    stepLeaseMs: config.SAGA_STEP_LEASE_MS,
    retryBaseMs: config.SAGA_RETRY_BASE_MS,
    createWaitMs: config.CREATE_WAIT_MS,
    paymentGraceMs: config.PAYMENT_GRACE_MS,
    maxOpenCheckoutsPerEmail: config.MAX_OPEN_CHECKOUTS_PER_EMAIL,
  });
  const redis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: 2 });
  const broker = await connectServiceBroker('order', config, logger);
  const relay = startOutboxRelay({ relayUrl: config.RELAY_DATABASE_URL, broker, logger });
  await broker.consume(orderConsumer(deps));
  await broker.consume(shipmentConsumer(deps));
  const recovery = await startSagaRecovery({
    deps,
    relayUrl: config.RELAY_DATABASE_URL,
    redisUrl: config.REDIS_URL,
    redisPrefix: config.REDIS_PREFIX,
    everyMs: config.SAGA_RECOVERY_MS,
  });
  const app = createApp({
    ...deps,
    signingKey: config.INTERNAL_SIGNING_KEY,
    readiness: { postgres: () => db.ping(), redis: () => redis.ping(), rabbitmq: () => broker.ping() },
  });
  const server = await startHttpServer(app, {
    port: config.PORT,
    host: config.BIND_ADDRESS,
    logger,
    ...options,
    onShutdown: [
      () => recovery.stop(),
      () => broker.close(),
      () => relay.stop(),
      () => deps.close(),
      () => db.close(),
      async () => {
        await redis.quit();
      },
    ],
  });
  logger.info({ port: config.PORT }, 'order service listening');
  return server;
}
