import knex, { type Knex } from 'knex';
import { createDb, type Db } from '@fleet/db';
import { startHttpServer, type RunningHttpServer } from '@fleet/http';
import {
  createApp as createInventoryApp,
  migrations as inventoryMigrations,
  relayTables as inventoryRelayTables,
  consumeReturnEvents,
  startReservationSweeper,
  type ReservationSweeper,
} from '@fleet/inventory';
import type { Logger } from '@fleet/logger';
import { createBroker, startOutboxRelay, type Broker, type OutboxRelay } from '@fleet/messaging';
import {
  createApp as createPaymentApp,
  createPaymentDeps,
  migrations as paymentMigrations,
  relayTables as paymentRelayTables,
  startWebhookProcessor,
  type WebhookProcessor,
  type PaymentDepsOptions,
  type ReceiptKey,
} from '@fleet/payment';
import { createTestDatabase, TEST_AMQP_URL, type TestDatabase, type TestRedis } from '@fleet/testing';
import { startFaultProxy, type FaultProxy } from './fault-proxy';

export const SIGNING_KEY = 'test-signing-key-0123456789abcdef';
const CREDENTIALS_KEY = 'k1:test-payment-credentials-key-0123456789';

/** One real service in-process: its database, HTTP server, outbox relay and background work. */
export interface ServiceNode {
  url: string;
  db: Db;
  /** The schema owner (a superuser in tests): reads every tenant's rows to check them. */
  owner: Knex;
  database: TestDatabase;
  broker: Broker;
  close(): Promise<void>;
}

interface Shared {
  label: string;
  amqpPrefix: string;
  redis: TestRedis;
  logger: Logger;
  /** RabbitMQ for every service of the platform (a test's TCP proxy, to cut the broker). */
  amqpUrl?: string;
  /** Where payment's Stripe / Razorpay SDKs go (local stand-ins). */
  providerApis?: PaymentDepsOptions['apiBases'];
}

async function base(shared: Shared, service: string, database: TestDatabase) {
  const db = createDb({ url: database.appUrl, max: 6 });
  const owner = knex({ client: 'pg', connection: database.ownerUrl, pool: { min: 0, max: 2 } });
  const broker = await createBroker({
    url: shared.amqpUrl ?? TEST_AMQP_URL,
    prefix: shared.amqpPrefix,
    service,
    logger: shared.logger,
    reconnectBaseMs: 20,
    reconnectMaxMs: 200,
  });
  const relay: OutboxRelay = startOutboxRelay({
    relayUrl: database.relayUrl,
    broker,
    logger: shared.logger,
    pollMs: 50,
  });
  return { db, owner, broker, relay };
}

/** The real inventory service with its expiry sweeper (every 200 ms). */
export async function startInventoryService(
  shared: Shared,
): Promise<ServiceNode & { sweeper: ReservationSweeper }> {
  const database = await createTestDatabase(`${shared.label}_inv`, {
    migrations: inventoryMigrations,
    relayTables: inventoryRelayTables,
  });
  const { db, owner, broker, relay } = await base(shared, 'inventory', database);
  const scanDb = createDb({ url: database.relayUrl, max: 2 });
  const sweeper = await startReservationSweeper({
    db,
    scanDb,
    logger: shared.logger,
    redisUrl: shared.redis.url,
    redisPrefix: shared.redis.prefix,
    everyMs: 200,
  });
  await consumeReturnEvents(broker, db, { baseDelayMs: 100 });
  const app = createInventoryApp({ db, logger: shared.logger, signingKey: SIGNING_KEY, readiness: {} });
  const server: RunningHttpServer = await startHttpServer(app, { port: 0, logger: shared.logger });
  return {
    url: server.url,
    db,
    owner,
    database,
    broker,
    sweeper,
    async close() {
      await server.close();
      await sweeper.stop();
      await relay.stop();
      await broker.close();
      await broker.deleteDeclared();
      await scanDb.close();
      await db.close();
      await owner.destroy();
      await database.drop();
    },
  };
}

export type PaymentNode = ServiceNode & { processor: WebhookProcessor; webhooks: FaultProxy };

/**
 * The real payment service: offline provider, webhook processor (50 ms polling). The offline
 * provider's webhooks reach it through `webhooks`, a proxy that records each delivery.
 */
export async function startPaymentService(shared: Shared): Promise<PaymentNode> {
  const database = await createTestDatabase(`${shared.label}_pay`, {
    migrations: paymentMigrations,
    relayTables: paymentRelayTables,
  });
  const { db, owner, broker, relay } = await base(shared, 'payment', database);
  const processor = startWebhookProcessor({
    deps: { db, logger: shared.logger },
    relayUrl: database.relayUrl,
    pollMs: 50,
    retry: { baseMs: 50, maxMs: 200, maxAttempts: 50 },
  });
  let webhookUrl = '';
  const deps = await createPaymentDeps({
    db,
    logger: shared.logger,
    credentialsKey: CREDENTIALS_KEY,
    signingKey: SIGNING_KEY,
    webhookBaseUrl: () => webhookUrl,
    // As main.ts wires it: a stored receipt is handed to the processor by key.
    onReceiptStored: (key?: ReceiptKey) => processor.wake(key),
    apiBases: shared.providerApis,
  });
  const app = createPaymentApp({ ...deps, signingKey: SIGNING_KEY, readiness: {} });
  const server: RunningHttpServer = await startHttpServer(app, { port: 0, logger: shared.logger });
  const webhooks = await startFaultProxy(server.url);
  webhookUrl = webhooks.url;
  return {
    url: server.url,
    db,
    owner,
    database,
    broker,
    processor,
    webhooks,
    async close() {
      await webhooks.close();
      await server.close();
      await processor.stop();
      await relay.stop();
      await broker.close();
      await broker.deleteDeclared();
      await db.close();
      await owner.destroy();
      await database.drop();
    },
  };
}
