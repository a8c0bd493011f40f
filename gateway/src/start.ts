import { join } from 'node:path';
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
import { createRegistryClient, createTenantResolver } from '@fleet/tenancy';
import { configSchema } from './config';
import { createGateway } from './bootstrap';
import { loadWebApps } from './data-access/web-app-loader';
import { subscribeToTenantEvents } from './messaging/tenant-events.consumer';
import { tokenIssuerOf } from './token-issuer';

/**
 * Starts gateway from `env`: main.ts runs it alone in its process, the host beside the other
 * services. Answers once it listens; `close()` shuts it down gracefully.
 */
export async function start(
  env: NodeJS.ProcessEnv = process.env,
  options: ServiceStartOptions = {},
): Promise<RunningHttpServer & { ops: RunningHttpServer }> {
  startTelemetry('gateway', env);
  const config = loadConfigOrExit('gateway', configSchema, env);
  const logger = createLogger({ service: 'gateway', level: config.LOG_LEVEL });
  const redis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: 2, enableAutoPipelining: true });
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
  const broker = await connectServiceBroker('gateway', config, logger);
  await subscribeToTenantEvents(broker, resolver);
  const tokenIssuer = tokenIssuerOf(config);
  const gateway = createGateway({
    logger,
    platformDomain: config.PLATFORM_DOMAIN,
    signingKey: config.INTERNAL_SIGNING_KEY,
    resolver,
    redis,
    redisPrefix: config.REDIS_PREFIX,
    upstreamUrls: {
      tenancy: config.TENANCY_URL,
      identity: config.IDENTITY_URL,
      catalog: config.CATALOG_URL,
      search: config.SEARCH_URL,
      cart: config.CART_URL,
      checkout: config.CHECKOUT_URL,
      order: config.ORDER_URL,
      inventory: config.INVENTORY_URL,
      payment: config.PAYMENT_URL,
      ...(config.ENGAGEMENT_URL ? { engagement: config.ENGAGEMENT_URL } : {}),
      ...(config.SHIPMENT_URL ? { shipment: config.SHIPMENT_URL } : {}),
      ...(config.STOREFRONT_URL ? { storefront: config.STOREFRONT_URL } : {}),
      ...(config.NOTIFICATION_URL ? { notification: config.NOTIFICATION_URL } : {}),
    },
    upstream: {
      timeoutMs: config.UPSTREAM_TIMEOUT_MS,
      retries: config.UPSTREAM_RETRIES,
      breaker: { resetTimeoutMs: config.CIRCUIT_RESET_TIMEOUT_MS },
    },
    tokenIssuer,
    trustProxy: config.TRUST_PROXY,
    storeClientShare: config.STORE_CLIENT_SHARE,
    responseCacheBytes: config.RESPONSE_CACHE_MB * 1024 * 1024,
    responseCacheMaxAgeMs: config.RESPONSE_CACHE_MAX_AGE_MS,
    readiness: { redis: () => redis.ping(), rabbitmq: () => broker.ping() },
    webApps: loadWebApps(config.WEB_DIR ?? join(__dirname, '..', '..', 'web'), logger),
  });
  // Its own port for each process (exclusive, also in the host's workers): it describes this gateway.
  const ops = await startHttpServer(gateway.opsApp, {
    port: config.OPS_PORT,
    host: config.OPS_BIND_ADDRESS,
    logger,
    exclusive: true,
  });
  const server = await startHttpServer(gateway.app, {
    port: config.PORT,
    host: config.BIND_ADDRESS,
    logger,
    ...options,
    onShutdown: [
      () => ops.close(),
      () => gateway.close(),
      () => broker.close(),
      () => registry.close(),
      async () => {
        await redis.quit();
      },
    ],
  }).catch(async (err: unknown) => {
    await ops.close();
    throw err;
  });
  logger.info(
    {
      port: config.PORT,
      opsPort: ops.port,
      platformDomain: config.PLATFORM_DOMAIN,
      tokenIssuer: tokenIssuer.kind,
    },
    'gateway listening',
  );
  return Object.assign(server, { ops });
}
