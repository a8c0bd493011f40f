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
import { localTenantDataSource } from '@fleet/tenant-data';
import { createApp } from './app';
import { configSchema } from './config';
import { createIdentityClient } from './data-access/identity.client';
import { jobDashboardPasses } from './data-access/job-dashboard-passes';
import { createTxtResolver } from './data-access/txt-resolver';
import { createJobDashboard } from './http/bull-board';
import { startLifecycle } from './lifecycle/lifecycle-queues';
import { remoteSources } from './lifecycle/sources';
import { tenantDataPolicy } from './tenant-data';
import { PAYMENT_MODE_EVENTS, paymentModeConsumer } from './messaging/payment-mode.consumer';
import { USAGE_EVENTS, usageConsumer } from './messaging/usage.consumer';

/**
 * Starts tenancy from `env`: main.ts runs it alone in its process, the host beside the other
 * services. Answers once it listens; `close()` shuts it down gracefully.
 */
export async function start(
  env: NodeJS.ProcessEnv = process.env,
  options: ServiceStartOptions = {},
): Promise<RunningHttpServer> {
  startTelemetry('tenancy', env);
  const config = loadConfigOrExit('tenancy', configSchema, env);
  const logger = createLogger({ service: 'tenancy', level: config.LOG_LEVEL });
  const db = createServiceDb('tenancy', config, logger);
  const redis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: 2 });
  const broker = await connectServiceBroker('tenancy', config, logger);
  const relay = startOutboxRelay({ relayUrl: config.RELAY_DATABASE_URL, broker, logger });
  await broker.consume({ name: 'usage', bindings: USAGE_EVENTS, handler: usageConsumer(db) });
  await broker.consume({
    name: 'payment-mode',
    bindings: PAYMENT_MODE_EVENTS,
    handler: paymentModeConsumer({
      db,
      platformDomain: config.PLATFORM_DOMAIN,
      redis,
      redisPrefix: config.REDIS_PREFIX,
    }),
  });
  const others = remoteSources(env, config.INTERNAL_SIGNING_KEY);
  const own = localTenantDataSource(db, tenantDataPolicy);
  const lifecycle = await startLifecycle({
    db,
    logger,
    redisUrl: config.REDIS_URL,
    redisPrefix: config.REDIS_PREFIX,
    graceSeconds: config.LIFECYCLE_GRACE_SECONDS,
    sources: () => [...others(), own],
    remoteSources: others,
    localSource: own,
  });
  const dashboard = createJobDashboard(config.REDIS_URL, config.REDIS_PREFIX);
  const app = createApp({
    db,
    logger,
    redis,
    redisPrefix: config.REDIS_PREFIX,
    platformDomain: config.PLATFORM_DOMAIN,
    publicUrl: { scheme: config.PUBLIC_SCHEME, port: config.PUBLIC_PORT },
    identity: createIdentityClient({ baseUrl: config.IDENTITY_URL, signingKey: config.INTERNAL_SIGNING_KEY }),
    resolveTxt: createTxtResolver(config.DNS_SERVERS),
    signingKey: config.INTERNAL_SIGNING_KEY,
    deadLetters: { broker, amqpPrefix: config.AMQP_PREFIX },
    jobDashboard: { passes: jobDashboardPasses(redis, config.REDIS_PREFIX), dashboard: dashboard.handler },
    lifecycle: lifecycle.lifecycle,
    readiness: { postgres: () => db.ping(), redis: () => redis.ping(), rabbitmq: () => broker.ping() },
  });
  const server = await startHttpServer(app, {
    port: config.PORT,
    host: config.BIND_ADDRESS,
    logger,
    ...options,
    onShutdown: [
      () => broker.close(),
      () => dashboard.close(),
      () => lifecycle.close(),
      () => relay.stop(),
      () => db.close(),
      async () => {
        await redis.quit();
      },
    ],
  });
  logger.info({ port: config.PORT }, 'tenancy registry listening');
  return server;
}
