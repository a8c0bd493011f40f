import Redis from 'ioredis';
import { loadConfigOrExit } from '@fleet/config';
import { createDb } from '@fleet/db';
import { startHttpServer, runMain } from '@fleet/http';
import { createLogger } from '@fleet/logger';
import { createBroker, startOutboxRelay } from '@fleet/messaging';
import { createApp } from './app';
import { createOrderDeps } from './bootstrap';
import { configSchema } from './config';
import { orderConsumer } from './messaging/order-events.consumer';
import { startSagaRecovery } from './saga/saga-recovery';

async function main(): Promise<void> {
  const config = loadConfigOrExit('order', configSchema);
  const logger = createLogger({ service: 'order', level: config.LOG_LEVEL });
  const db = createDb({
    url: config.DATABASE_URL,
    applicationName: 'order',
    max: 20,
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
  });
  const redis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: 2 });
  const broker = await createBroker({
    url: config.AMQP_URL,
    prefix: config.AMQP_PREFIX,
    service: 'order',
    logger,
  });
  const relay = startOutboxRelay({ relayUrl: config.RELAY_DATABASE_URL, broker, logger });
  await broker.consume(orderConsumer(deps));
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
  await startHttpServer(app, {
    port: config.PORT,
    logger,
    handleSignals: true,
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
}

runMain('order', main);
