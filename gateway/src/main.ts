import Redis from 'ioredis';
import { loadConfigOrExit } from '@fleet/config';
import { startHttpServer } from '@fleet/http';
import { createLogger } from '@fleet/logger';
import { createBroker } from '@fleet/messaging';
import { createRegistryClient, createTenantResolver, type TenantSnapshot } from '@fleet/tenancy';
import { createApp } from './app';
import { configSchema } from './config';
import { ROUTES } from './domain/routes';
import { createUpstream } from './http/proxy';

async function main(): Promise<void> {
  const config = loadConfigOrExit('gateway', configSchema);
  const logger = createLogger({ service: 'gateway', level: config.LOG_LEVEL });
  const redis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: 2 });
  const registry = createRegistryClient({
    baseUrl: config.TENANCY_URL,
    signingKey: config.INTERNAL_SIGNING_KEY,
    caller: 'gateway',
  });
  const resolver = createTenantResolver({
    fetchByHost: (host) => registry.fetchByHost(host),
    redis,
    redisPrefix: config.REDIS_PREFIX,
    onError: (err) => logger.warn({ err }, 'tenant cache unavailable'),
  });
  const broker = await createBroker({
    url: config.AMQP_URL,
    prefix: config.AMQP_PREFIX,
    service: 'gateway',
    logger,
  });
  await broker.subscribeTransient({
    bindings: ['tenant.*'],
    handler: async (event) => {
      const data = event.data as { tenant: TenantSnapshot; previousHosts?: string[] };
      await resolver.apply(data.tenant, data.previousHosts);
    },
    // Events published while the subscription was down are lost: start from the registry again.
    onResubscribe: () => resolver.clear(),
  });
  const upstreams = { tenancy: createUpstream('tenancy', config.TENANCY_URL) };
  const app = createApp({
    logger,
    platformDomain: config.PLATFORM_DOMAIN,
    signingKey: config.INTERNAL_SIGNING_KEY,
    resolver,
    upstreams,
    routes: ROUTES,
    readiness: { redis: () => redis.ping(), rabbitmq: () => broker.ping() },
  });
  await startHttpServer(app, {
    port: config.PORT,
    logger,
    handleSignals: true,
    onShutdown: [
      () => broker.close(),
      async () => {
        await Promise.all(Object.values(upstreams).map((u) => u.pool.close()));
      },
      async () => {
        await redis.quit();
      },
    ],
  });
  logger.info({ port: config.PORT, platformDomain: config.PLATFORM_DOMAIN }, 'gateway listening');
}

main().catch((err: unknown) => {
  process.stderr.write(`[gateway] failed to start: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
