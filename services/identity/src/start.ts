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
import { bootstrapIdentity, createIdentityDeps } from './bootstrap';
import { configSchema } from './config';

/**
 * Starts identity from `env`: main.ts runs it alone in its process, the host beside the other
 * services. Answers once it listens; `close()` shuts it down gracefully.
 */
export async function start(
  env: NodeJS.ProcessEnv = process.env,
  options: ServiceStartOptions = {},
): Promise<RunningHttpServer> {
  startTelemetry('identity', env);
  const config = loadConfigOrExit('identity', configSchema, env);
  const logger = createLogger({ service: 'identity', level: config.LOG_LEVEL });
  const db = createServiceDb('identity', config, logger);
  const redis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: 2 });
  redis.on('error', (err) => logger.warn({ err }, 'redis connection error'));
  const broker = await connectServiceBroker('identity', config, logger);
  const relay = startOutboxRelay({ relayUrl: config.RELAY_DATABASE_URL, broker, logger });
  const deps = createIdentityDeps({
    db,
    redis,
    redisPrefix: config.REDIS_PREFIX,
    logger,
    issuer: config.IDENTITY_ISSUER,
    accessTokenTtlSeconds: config.ACCESS_TOKEN_TTL_SECONDS,
    keyEncryptionKey: config.IDENTITY_KEY_ENCRYPTION_KEY,
    passwordHashCost: config.PASSWORD_HASH_COST,
  });
  await bootstrapIdentity(deps, {
    email: config.PLATFORM_ADMIN_EMAIL,
    password: config.PLATFORM_ADMIN_PASSWORD,
  });
  const app = createApp({
    ...deps,
    signingKey: config.INTERNAL_SIGNING_KEY,
    readiness: {
      postgres: () => db.ping(),
      redis: () => redis.ping(),
      rabbitmq: () => broker.ping(),
    },
  });
  const server = await startHttpServer(app, {
    port: config.PORT,
    host: config.BIND_ADDRESS,
    logger,
    ...options,
    onShutdown: [
      () => relay.stop(),
      () => broker.close(),
      async () => void (await redis.quit()),
      () => db.close(),
    ],
  });
  logger.info({ port: config.PORT, issuer: config.IDENTITY_ISSUER }, 'identity listening');
  return server;
}
