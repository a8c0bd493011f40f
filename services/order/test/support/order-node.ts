import type { ChannelModel } from 'amqplib';
import { createDb, type Db } from '@fleet/db';
import { startHttpServer, type RunningHttpServer } from '@fleet/http';
import type { Logger } from '@fleet/logger';
import { createBroker, startOutboxRelay, type Broker, type OutboxRelay } from '@fleet/messaging';
import { TEST_AMQP_URL, type TestDatabase, type TestRedis } from '@fleet/testing';
import {
  createApp,
  createOrderDeps,
  orderConsumer,
  shipmentConsumer,
  startSagaRecovery,
  type OrderDeps,
  type SagaRecovery,
} from '../../src';
import { SIGNING_KEY } from './services';

export interface OrderNodeOptions {
  database: TestDatabase;
  amqpPrefix: string;
  /** RabbitMQ (default the shared one; a test's TCP proxy to cut the broker). */
  amqpUrl?: string;
  redis: TestRedis;
  logger: Logger;
  inventoryUrl: string;
  paymentUrl: string;
  /** Start the recovery job's scheduler (default true). */
  recovery?: boolean;
}

/** One running instance of the order service: HTTP app, consumer, outbox relay, recovery job. */
export interface OrderNode {
  url: string;
  db: Db;
  deps: OrderDeps;
  broker: Broker;
  recovery: SagaRecovery | undefined;
  /** Every AMQP connection this node's broker opened (tests cut them). */
  connections: ChannelModel[];
  relay: OutboxRelay;
  stop(): Promise<void>;
}

export async function startOrderNode(options: OrderNodeOptions): Promise<OrderNode> {
  const { logger } = options;
  const db = createDb({ url: options.database.appUrl, max: 10 });
  const deps = createOrderDeps({
    db,
    logger,
    signingKey: SIGNING_KEY,
    inventoryUrl: options.inventoryUrl,
    paymentUrl: options.paymentUrl,
    remoteTimeoutMs: 2_000,
    stepLeaseMs: 3_000,
    retryBaseMs: 100,
    retryMaxMs: 1_000,
    createWaitMs: 8_000,
  });
  const connections: ChannelModel[] = [];
  const broker = await createBroker({
    url: options.amqpUrl ?? TEST_AMQP_URL,
    prefix: options.amqpPrefix,
    service: 'order',
    logger,
    reconnectBaseMs: 20,
    reconnectMaxMs: 200,
    drainTimeoutMs: 2_000,
    onConnection: (c) => connections.push(c),
  });
  await broker.consume(orderConsumer(deps, { baseDelayMs: 200, maxAttempts: 6 }));
  await broker.consume(shipmentConsumer(deps, { baseDelayMs: 200, maxAttempts: 6 }));
  const relay = startOutboxRelay({ relayUrl: options.database.relayUrl, broker, logger, pollMs: 50 });
  const recovery =
    options.recovery === false
      ? undefined
      : await startSagaRecovery({
          deps,
          relayUrl: options.database.relayUrl,
          redisUrl: options.redis.url,
          redisPrefix: options.redis.prefix,
          everyMs: 200,
        });
  const app = createApp({ ...deps, signingKey: SIGNING_KEY, readiness: { postgres: () => db.ping() } });
  const server: RunningHttpServer = await startHttpServer(app, { port: 0, logger });
  return {
    url: server.url,
    db,
    deps,
    broker,
    recovery,
    connections,
    relay,
    async stop() {
      await server.close();
      await recovery?.stop();
      await broker.close();
      await relay.stop();
      await deps.close();
      await db.close();
    },
  };
}
