import { loadConfigOrExit } from '@fleet/config';
import { createDb } from '@fleet/db';
import { startHttpServer } from '@fleet/http';
import { createLogger } from '@fleet/logger';
import { createBroker, startOutboxRelay } from '@fleet/messaging';
import { createApp } from './app';
import { configSchema } from './config';

async function main(): Promise<void> {
  const config = loadConfigOrExit('tenancy', configSchema);
  const logger = createLogger({ service: 'tenancy', level: config.LOG_LEVEL });
  const db = createDb({
    url: config.DATABASE_URL,
    applicationName: 'tenancy',
    onError: (err) => logger.warn({ err }, 'idle db connection failed'),
  });
  const broker = await createBroker({
    url: config.AMQP_URL,
    prefix: config.AMQP_PREFIX,
    service: 'tenancy',
    logger,
  });
  const relay = startOutboxRelay({ relayUrl: config.RELAY_DATABASE_URL, broker, logger });
  const app = createApp({
    db,
    logger,
    platformDomain: config.PLATFORM_DOMAIN,
    signingKey: config.INTERNAL_SIGNING_KEY,
    readiness: { postgres: () => db.ping(), rabbitmq: () => broker.ping() },
  });
  await startHttpServer(app, {
    port: config.PORT,
    logger,
    handleSignals: true,
    onShutdown: [() => relay.stop(), () => broker.close(), () => db.close()],
  });
  logger.info({ port: config.PORT }, 'tenancy registry listening');
}

main().catch((err: unknown) => {
  process.stderr.write(`[tenancy] failed to start: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
