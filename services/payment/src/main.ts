import { loadConfigOrExit } from '@fleet/config';
import { createDb } from '@fleet/db';
import { startHttpServer, runMain } from '@fleet/http';
import { createLogger } from '@fleet/logger';
import { createBroker, startOutboxRelay } from '@fleet/messaging';
import { createApp } from './app';
import { createPaymentDeps } from './bootstrap';
import { configSchema } from './config';
import type { ReceiptKey } from './data-access/webhook-receipt.repository';
import { startWebhookProcessor } from './messaging/webhook-processor';

async function main(): Promise<void> {
  const config = loadConfigOrExit('payment', configSchema);
  const logger = createLogger({ service: 'payment', level: config.LOG_LEVEL });
  const db = createDb({
    url: config.DATABASE_URL,
    applicationName: 'payment',
    onError: (err) => logger.warn({ err }, 'idle db connection failed'),
  });
  const broker = await createBroker({
    url: config.AMQP_URL,
    prefix: config.AMQP_PREFIX,
    service: 'payment',
    logger,
  });
  const relay = startOutboxRelay({ relayUrl: config.RELAY_DATABASE_URL, broker, logger });
  const processor = startWebhookProcessor({ deps: { db, logger }, relayUrl: config.RELAY_DATABASE_URL });
  const deps = createPaymentDeps({
    db,
    logger,
    credentialsKey: config.PAYMENT_CREDENTIALS_KEY,
    signingKey: config.INTERNAL_SIGNING_KEY,
    webhookBaseUrl: config.WEBHOOK_BASE_URL ?? `http://127.0.0.1:${config.PORT}`,
    // bootstrap types this `() => void`; the key passes through to the processor all the same.
    onReceiptStored: (key?: ReceiptKey) => processor.wake(key),
    stripeApiBase: config.STRIPE_API_BASE,
    razorpayApiBase: config.RAZORPAY_API_BASE,
  });
  const app = createApp({
    ...deps,
    signingKey: config.INTERNAL_SIGNING_KEY,
    readiness: { postgres: () => db.ping(), rabbitmq: () => broker.ping() },
  });
  await startHttpServer(app, {
    port: config.PORT,
    logger,
    handleSignals: true,
    onShutdown: [() => processor.stop(), () => relay.stop(), () => broker.close(), () => db.close()],
  });
  logger.info({ port: config.PORT, providers: deps.providers.names }, 'payment listening');
}

runMain('payment', main);
