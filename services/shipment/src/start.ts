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
import { consumeOrderEvents } from './messaging/order-fulfilled.consumer';

/**
 * Starts shipment from `env`: main.ts runs it alone in its process, the host beside the other
 * services. Answers once it listens; `close()` shuts it down gracefully.
 */
export async function start(
  env: NodeJS.ProcessEnv = process.env,
  options: ServiceStartOptions = {},
): Promise<RunningHttpServer> {
  startTelemetry('shipment', env);
  const config = loadConfigOrExit('shipment', configSchema, env);
  const logger = createLogger({ service: 'shipment', level: config.LOG_LEVEL });
  const db = createServiceDb('shipment', config, logger);
  const broker = await connectServiceBroker('shipment', config, logger);
  const relay = startOutboxRelay({ relayUrl: config.RELAY_DATABASE_URL, broker, logger });
  await consumeOrderEvents(broker, db);
  const app = createApp({
    db,
    logger,
    signingKey: config.INTERNAL_SIGNING_KEY,
    readiness: { postgres: () => db.ping(), rabbitmq: () => broker.ping() },
  });
  const server = await startHttpServer(app, {
    port: config.PORT,
    host: config.BIND_ADDRESS,
    logger,
    ...options,
    onShutdown: [() => broker.close(), () => relay.stop(), () => db.close()],
  });
  logger.info({ port: config.PORT }, 'shipment listening');
  return server;
}
