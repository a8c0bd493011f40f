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
import { createPaymentDeps } from './bootstrap';
import { configSchema, providerApiBases, refundPollSettings } from './config';
import type { ReceiptKey } from './data-access/webhook-receipt.repository';
import { startRefundRetrier } from './messaging/refund-retrier';
import { startWebhookProcessor } from './messaging/webhook-processor';

/**
 * Starts payment from `env`: main.ts runs it alone in its process, the host beside the other
 * services. Answers once it listens; `close()` shuts it down gracefully.
 */
export async function start(
  env: NodeJS.ProcessEnv = process.env,
  options: ServiceStartOptions = {},
): Promise<RunningHttpServer> {
  startTelemetry('payment', env);
  const config = loadConfigOrExit('payment', configSchema, env);
  const logger = createLogger({ service: 'payment', level: config.LOG_LEVEL });
  const db = createServiceDb('payment', config, logger);
  const broker = await connectServiceBroker('payment', config, logger);
  const relay = startOutboxRelay({ relayUrl: config.RELAY_DATABASE_URL, broker, logger });
  const processor = startWebhookProcessor({ deps: { db, logger }, relayUrl: config.RELAY_DATABASE_URL });
  const deps = await createPaymentDeps({
    db,
    logger,
    credentialsKey: config.PAYMENT_CREDENTIALS_KEY,
    signingKey: config.INTERNAL_SIGNING_KEY,
    webhookBaseUrl: config.WEBHOOK_BASE_URL ?? `http://127.0.0.1:${config.PORT}`,
    // bootstrap types this `() => void`; the key passes through to the processor all the same.
    onReceiptStored: (key?: ReceiptKey) => processor.wake(key),
    apiBases: providerApiBases(config),
    refundPoll: refundPollSettings(config),
  });
  const retrier = startRefundRetrier({ deps, relayUrl: config.RELAY_DATABASE_URL });
  const app = createApp({
    ...deps,
    signingKey: config.INTERNAL_SIGNING_KEY,
    readiness: { postgres: () => db.ping(), rabbitmq: () => broker.ping() },
  });
  const server = await startHttpServer(app, {
    port: config.PORT,
    host: config.BIND_ADDRESS,
    logger,
    ...options,
    onShutdown: [
      () => processor.stop(),
      () => retrier.stop(),
      () => relay.stop(),
      () => broker.close(),
      () => db.close(),
    ],
  });
  logger.info({ port: config.PORT, providers: deps.providers.names }, 'payment listening');
  return server;
}
