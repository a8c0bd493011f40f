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
import { createCatalogClient } from './data-access/catalog.client';
import { consumeOrderEvents } from './messaging/order-events.consumer';

/**
 * Starts engagement from `env`: main.ts runs it alone in its process, the host beside the other
 * services. Answers once it listens; `close()` shuts it down gracefully.
 */
export async function start(
  env: NodeJS.ProcessEnv = process.env,
  options: ServiceStartOptions = {},
): Promise<RunningHttpServer> {
  startTelemetry('engagement', env);
  const config = loadConfigOrExit('engagement', configSchema, env);
  const logger = createLogger({ service: 'engagement', level: config.LOG_LEVEL });
  const db = createServiceDb('engagement', config, logger);
  const broker = await connectServiceBroker('engagement', config, logger);
  const relay = startOutboxRelay({ relayUrl: config.RELAY_DATABASE_URL, broker, logger });
  await consumeOrderEvents(broker, db);
  const catalog = createCatalogClient({
    baseUrl: config.CATALOG_URL,
    signingKey: config.INTERNAL_SIGNING_KEY,
    timeoutMs: config.CATALOG_TIMEOUT_MS,
  });
  const app = createApp({
    db,
    logger,
    catalog,
    signingKey: config.INTERNAL_SIGNING_KEY,
    readiness: { postgres: () => db.ping(), rabbitmq: () => broker.ping() },
  });
  const server = await startHttpServer(app, {
    port: config.PORT,
    host: config.BIND_ADDRESS,
    logger,
    ...options,
    onShutdown: [() => broker.close(), () => relay.stop(), () => catalog.close(), () => db.close()],
  });
  logger.info({ port: config.PORT }, 'engagement listening');
  return server;
}
