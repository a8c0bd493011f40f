import knex, { type Knex } from 'knex';
import type { Ctx } from '@fleet/context';
import { newId } from '@fleet/db';
import { createLogger, type Logger } from '@fleet/logger';
import type { PaymentDepsOptions } from '@fleet/payment';
import { CONTEXT_HEADER, contextTarget, signContext } from '@fleet/tenancy';
import {
  createTestDatabase,
  createTestRedis,
  testAmqpPrefix,
  type TestDatabase,
  type TestRedis,
} from '@fleet/testing';
import { migrations, relayTables } from '../../src';
import { startFaultProxy, type FaultProxy } from './fault-proxy';
import { startOrderNode, type OrderNode } from './order-node';
import {
  SIGNING_KEY,
  startInventoryService,
  startPaymentService,
  type PaymentNode,
  type ServiceNode,
} from './services';

export interface CallInit {
  method?: string;
  body?: unknown;
  ctx?: Partial<Ctx>;
  headers?: Record<string, string>;
}

/**
 * Order with the REAL inventory and payment services in-process, events flowing through one
 * RabbitMQ prefix, each service on its own database. Order reaches inventory and payment through
 * fault proxies, so a test can make either fail on purpose.
 */
export interface Platform {
  order: OrderNode;
  orderDatabase: TestDatabase;
  /** The order database's owner (a superuser in tests): sees every tenant's rows. */
  orderOwner: Knex;
  inventory: ServiceNode;
  payment: PaymentNode;
  inventoryProxy: FaultProxy;
  paymentProxy: FaultProxy;
  logger: Logger;
  /** The Redis prefix every service of this platform uses (its keys can be deleted: a "flush"). */
  redis: TestRedis;
  /**
   * Stops the order node and starts a new one on the same database (a process restart);
   * `whileDown` runs in between.
   */
  restartOrder(whileDown?: () => Promise<void>): Promise<OrderNode>;
  /** Another instance of the order service on the same database and queues (stop it yourself). */
  startSecondOrderNode(): Promise<OrderNode>;
  call(url: string, path: string, init?: CallInit): Promise<Response>;
  close(): Promise<void>;
}

export async function startPlatform(
  label: string,
  providerApis?: PaymentDepsOptions['apiBases'],
  options: { amqpUrl?: string } = {},
): Promise<Platform> {
  const logger = createLogger({ service: 'order-test', level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const redis: TestRedis = await createTestRedis(label);
  const amqpPrefix = testAmqpPrefix(label);
  const { amqpUrl } = options;
  const shared = { label, amqpPrefix, amqpUrl, redis, logger, providerApis };
  const [inventory, payment, orderDatabase] = await Promise.all([
    startInventoryService(shared),
    startPaymentService(shared),
    createTestDatabase(label, { migrations, relayTables }),
  ]);
  const inventoryProxy = await startFaultProxy(inventory.url);
  const paymentProxy = await startFaultProxy(payment.url);
  const nodeOptions = {
    database: orderDatabase,
    amqpPrefix,
    amqpUrl,
    redis,
    logger,
    inventoryUrl: inventoryProxy.url,
    paymentUrl: paymentProxy.url,
  };
  const orderOwner = knex({ client: 'pg', connection: orderDatabase.ownerUrl, pool: { min: 0, max: 2 } });
  const platform: Platform = {
    order: await startOrderNode(nodeOptions),
    orderDatabase,
    orderOwner,
    inventory,
    payment,
    inventoryProxy,
    paymentProxy,
    logger,
    redis,
    async restartOrder(whileDown) {
      await platform.order.stop();
      await whileDown?.();
      platform.order = await startOrderNode(nodeOptions);
      return platform.order;
    },
    startSecondOrderNode: () => startOrderNode(nodeOptions),
    call(url, path, init = {}) {
      const ctx: Ctx = { requestId: newId('req'), actor: { kind: 'anonymous' }, ...init.ctx };
      const method = init.method ?? (init.body === undefined ? 'GET' : 'POST');
      // Signed for the service at `url`, as its callers sign (any other url is an order node).
      const audience =
        url === inventory.url || url === inventoryProxy.url
          ? 'inventory'
          : url === payment.url || url === paymentProxy.url
            ? 'payment'
            : 'order';
      return fetch(`${url}${path}`, {
        method,
        headers: {
          [CONTEXT_HEADER]: signContext(ctx, SIGNING_KEY, contextTarget(audience, method, path)),
          'content-type': 'application/json',
          ...init.headers,
        },
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
      });
    },
    async close() {
      await platform.order.stop();
      await platform.order.broker.deleteDeclared();
      await Promise.all([inventoryProxy.close(), paymentProxy.close()]);
      await Promise.all([inventory.close(), payment.close()]);
      await orderOwner.destroy();
      await orderDatabase.drop();
      await redis.cleanup();
    },
  };
  return platform;
}

export * from './helpers';
