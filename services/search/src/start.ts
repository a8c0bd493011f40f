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
import { createCatalogClient } from './data-access/catalog.client';
import { chooseSearchEngine } from './data-access/search-engine.factory';
import { PRODUCT_EVENT_BINDINGS, productEventsConsumer } from './messaging/product-events.consumer';
import { createReindexQueue } from './messaging/reindex.queue';
import { startReindexWorker } from './messaging/reindex.worker';

/**
 * Starts search from `env`: main.ts runs it alone in its process, the host beside the other
 * services. Answers once it listens; `close()` shuts it down gracefully.
 */
export async function start(
  env: NodeJS.ProcessEnv = process.env,
  options: ServiceStartOptions = {},
): Promise<RunningHttpServer> {
  startTelemetry('search', env);
  const config = loadConfigOrExit('search', configSchema, env);
  const logger = createLogger({ service: 'search', level: config.LOG_LEVEL });
  const db = createServiceDb('search', config, logger);
  const { engine, description } = await chooseSearchEngine(db, {
    url: config.MEILI_URL,
    key: config.MEILI_KEY,
    indexPrefix: config.MEILI_INDEX_PREFIX,
  });
  logger.info({ engine: engine.name }, description);
  const broker = await connectServiceBroker('search', config, logger);
  await broker.consume({
    name: 'products',
    bindings: PRODUCT_EVENT_BINDINGS,
    handler: productEventsConsumer(db, engine),
  });
  const redis = { redisUrl: config.REDIS_URL, redisPrefix: config.REDIS_PREFIX };
  const reindex = createReindexQueue(redis);
  const worker = startReindexWorker({
    ...redis,
    engine,
    catalog: createCatalogClient({ baseUrl: config.CATALOG_URL, signingKey: config.INTERNAL_SIGNING_KEY }),
    logger,
    concurrency: config.REINDEX_CONCURRENCY,
  });
  const app = createApp({
    db,
    engine,
    reindex,
    logger,
    signingKey: config.INTERNAL_SIGNING_KEY,
    readiness: {
      postgres: () => db.ping(),
      [engine.name === 'postgres' ? 'search_engine' : 'meilisearch']: () => engine.ping(),
      rabbitmq: () => broker.ping(),
      redis: () => reindex.ping(),
    },
  });
  const server = await startHttpServer(app, {
    port: config.PORT,
    host: config.BIND_ADDRESS,
    logger,
    ...options,
    onShutdown: [() => worker.close(), () => broker.close(), () => reindex.close(), () => db.close()],
  });
  logger.info({ port: config.PORT, engine: engine.name }, 'search listening');
  return server;
}
