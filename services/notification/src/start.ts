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
import { connectServiceBroker } from '@fleet/messaging';
import { createApp } from './app';
import { configSchema } from './config';
import { createStoreProfiles } from './data-access/store-profile.client';
import { createEmailRenderer } from './domain/email-renderer';
import { createDeliveryQueue, startDeliveryWorker } from './messaging/delivery-queue';
import { createSmtpMailer } from './messaging/mailer';
import { consumeNotificationEvents } from './messaging/notification-events.consumer';
import { subscribeToSettingsChanges } from './messaging/settings-changed.consumer';

/**
 * Starts notification from `env`: the event consumer, the delivery queue and its worker, and the
 * merchant API. Answers once it listens; `close()` shuts it down gracefully.
 */
export async function start(
  env: NodeJS.ProcessEnv = process.env,
  options: ServiceStartOptions = {},
): Promise<RunningHttpServer> {
  startTelemetry('notification', env);
  const config = loadConfigOrExit('notification', configSchema, env);
  const logger = createLogger({ service: 'notification', level: config.LOG_LEVEL });
  const db = createServiceDb('notification', config, logger);
  const redis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: 2 });
  redis.on('error', (err) => logger.warn({ err }, 'redis connection error'));
  const profiles = createStoreProfiles({
    tenancyUrl: config.TENANCY_URL,
    signingKey: config.INTERNAL_SIGNING_KEY,
    maxAgeMs: config.STORE_PROFILE_CACHE_MS,
  });
  const mailer = createSmtpMailer(config.SMTP_URL, { maxConnections: config.DELIVERY_CONCURRENCY });
  const deps = { db, logger, profiles, renderer: createEmailRenderer() };
  const queueOptions = {
    redisUrl: config.REDIS_URL,
    redisPrefix: config.REDIS_PREFIX,
    logger,
    attempts: config.DELIVERY_ATTEMPTS,
    backoffMs: config.DELIVERY_BACKOFF_MS,
  };
  const queue = createDeliveryQueue(queueOptions);
  const worker = startDeliveryWorker(
    { ...deps, mailer, mailFrom: config.MAIL_FROM },
    { ...queueOptions, concurrency: config.DELIVERY_CONCURRENCY },
  );
  const broker = await connectServiceBroker('notification', config, logger);
  await subscribeToSettingsChanges(broker, profiles);
  await consumeNotificationEvents(broker, db, queue);
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
      () => broker.close(),
      () => worker.close(),
      () => queue.close(),
      async () => void (await redis.quit()),
      () => profiles.close(),
      async () => mailer.close(),
      () => db.close(),
    ],
  });
  logger.info({ port: config.PORT, smtp: new URL(config.SMTP_URL).host }, 'notification listening');
  return server;
}
