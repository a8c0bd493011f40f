import type { Ctx } from '@fleet/context';
import { createApp as createCartApp, createCartDeps } from '@fleet/cart';
import {
  createApp as createCatalogApp,
  migrations as catalogMigrations,
  relayTables as catalogRelay,
} from '@fleet/catalog';
import { createDb, newId, type Db, type Migration } from '@fleet/db';
import { startHttpServer, type RunningHttpServer } from '@fleet/http';
import {
  createApp as createInventoryApp,
  migrations as inventoryMigrations,
  relayTables as inventoryRelay,
} from '@fleet/inventory';
import { createLogger, type Logger } from '@fleet/logger';
import { createBroker, startOutboxRelay } from '@fleet/messaging';
import {
  createApp as createOrderApp,
  createOrderDeps,
  migrations as orderMigrations,
  relayTables as orderRelay,
} from '@fleet/order';
import {
  createApp as createPaymentApp,
  createPaymentDeps,
  migrations as paymentMigrations,
  relayTables as paymentRelay,
} from '@fleet/payment';
import {
  createApp as createShipmentApp,
  migrations as shipmentMigrations,
  relayTables as shipmentRelay,
} from '@fleet/shipment';
import { CONTEXT_HEADER, contextTarget, signContext } from '@fleet/tenancy';
import {
  createApp as createRegistryApp,
  migrations as registryMigrations,
  relayTables as registryRelay,
} from '@fleet/tenancy-registry';
import {
  createTestDatabase,
  createTestRedis,
  testAmqpPrefix,
  TEST_AMQP_URL,
  type TestRedis,
} from '@fleet/testing';
import {
  createApp,
  createCheckoutDeps,
  subscribeToSettingsChanges,
  type CheckoutDepsOptions,
  type CheckoutRuntimeDeps,
  type RatesCache,
} from '../src';

export const SIGNING_KEY = 'test-signing-key-0123456789abcdef';

export interface CallInit {
  method?: string;
  body?: unknown;
  ctx?: Partial<Ctx>;
  headers?: Record<string, string>;
}

export interface Service {
  url: string;
  call(path: string, init?: CallInit): Promise<Response>;
}

type Closer = () => Promise<void>;

/** `audience`: the service's name, for which its callers sign the context. */
function serviceAt(audience: string, url: string): Service {
  return {
    url,
    call(path, init = {}) {
      const ctx: Ctx = { requestId: newId('req'), actor: { kind: 'anonymous' }, ...init.ctx };
      const method = init.method ?? (init.body === undefined ? 'GET' : 'POST');
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
  };
}

/** One service's database, migrated like production; its pool and drop join `closers`. */
async function database(
  label: string,
  migrations: readonly Migration[],
  relayTables: string[],
  closers: Closer[],
): Promise<{ db: Db; relayUrl: string }> {
  const created = await createTestDatabase(label, { migrations, relayTables });
  const db = createDb({ url: created.appUrl, max: 10 });
  closers.push(
    () => created.drop(),
    () => db.close(),
  );
  return { db, relayUrl: created.relayUrl };
}

async function serve(
  audience: string,
  app: Parameters<typeof startHttpServer>[0],
  logger: Logger,
  closers: Closer[],
): Promise<Service> {
  const server: RunningHttpServer = await startHttpServer(app, { port: 0, logger });
  closers.push(() => server.close());
  return serviceAt(audience, server.url);
}

export interface Platform {
  registry: Service;
  catalog: Service;
  inventory: Service;
  payment: Service;
  order: Service;
  cart: Service;
  shipment: Service;
  checkout: Service;
  redis: TestRedis;
  /** The rates `checkout` keeps (caching only with `{events: true}`). */
  ratesCache: RatesCache;
  /** Another checkout instance (same Redis) with other settings, e.g. a dead order URL. */
  startCheckout(overrides: Partial<CheckoutDepsOptions>): Promise<Service>;
  /** Another order instance (same database) whose inventory calls go to `inventoryUrl`. */
  startOrder(inventoryUrl: string): Promise<Service>;
  close(): Promise<void>;
}

/**
 * The real registry, catalog, inventory, payment, order, cart and checkout in-process, each on
 * port 0 with its own database (and one Redis prefix). No broker: checkout's path is synchronous
 * HTTP end to end (order's saga reserves and creates the payment inside the create call).
 * `events: true` adds RabbitMQ (a prefix of this file's own), the registry's outbox relay, and
 * checkout's rates cache with its `tenant.settings_changed` subscription, as main.ts wires them.
 */
export async function startPlatform(label: string, options: { events?: boolean } = {}): Promise<Platform> {
  const closers: Closer[] = [];
  const logger = createLogger({ service: `${label}-test`, level: 'silent' });
  const [reg, cat, inv, pay, ord, shp] = await Promise.all([
    database(`${label}_reg`, registryMigrations, registryRelay, closers),
    database(`${label}_cat`, catalogMigrations, catalogRelay, closers),
    database(`${label}_inv`, inventoryMigrations, inventoryRelay, closers),
    database(`${label}_pay`, paymentMigrations, paymentRelay, closers),
    database(`${label}_ord`, orderMigrations, orderRelay, closers),
    database(`${label}_shp`, shipmentMigrations, shipmentRelay, closers),
  ]);
  const [registryDb, catalogDb, inventoryDb, paymentDb, orderDb] = [reg.db, cat.db, inv.db, pay.db, ord.db];
  const redis = await createTestRedis(label);
  closers.push(() => redis.cleanup());
  const base = { logger, signingKey: SIGNING_KEY, readiness: {} };

  const registry = await serve(
    'tenancy',
    createRegistryApp({ ...base, db: registryDb, platformDomain: 'fleet.test' }),
    logger,
    closers,
  );
  const shipment = await serve('shipment', createShipmentApp({ ...base, db: shp.db }), logger, closers);
  const catalog = await serve('catalog', createCatalogApp({ ...base, db: catalogDb }), logger, closers);
  const inventory = await serve(
    'inventory',
    createInventoryApp({ ...base, db: inventoryDb }),
    logger,
    closers,
  );
  let paymentUrl = '';
  const paymentDeps = await createPaymentDeps({
    db: paymentDb,
    logger,
    credentialsKey: 'k1:test-payment-credentials-key-0123456789',
    signingKey: SIGNING_KEY,
    webhookBaseUrl: () => paymentUrl,
  });
  const payment = await serve('payment', createPaymentApp({ ...paymentDeps, ...base }), logger, closers);
  paymentUrl = payment.url;
  const orderDeps = createOrderDeps({
    db: orderDb,
    logger,
    signingKey: SIGNING_KEY,
    inventoryUrl: inventory.url,
    paymentUrl: payment.url,
  });
  closers.push(() => orderDeps.close());
  const order = await serve('order', createOrderApp({ ...orderDeps, ...base }), logger, closers);
  const startOrder = async (inventoryUrl: string): Promise<Service> => {
    const deps = createOrderDeps({
      db: orderDb,
      logger,
      signingKey: SIGNING_KEY,
      inventoryUrl,
      paymentUrl: payment.url,
      remoteTimeoutMs: 200,
      createWaitMs: 500,
    });
    closers.push(() => deps.close());
    return serve('order', createOrderApp({ ...deps, ...base }), logger, closers);
  };
  const cartDeps = createCartDeps({
    redis: redis.client,
    redisPrefix: redis.prefix,
    catalogUrl: catalog.url,
    signingKey: SIGNING_KEY,
  });
  closers.push(() => cartDeps.close());
  const cart = await serve('cart', createCartApp({ ...cartDeps, ...base }), logger, closers);

  const checkoutDeps = (overrides: Partial<CheckoutDepsOptions>): CheckoutRuntimeDeps => {
    const deps = createCheckoutDeps({
      redis: redis.client,
      redisPrefix: redis.prefix,
      logger,
      signingKey: SIGNING_KEY,
      cartUrl: cart.url,
      orderUrl: order.url,
      tenancyUrl: registry.url,
      shipmentUrl: shipment.url,
      pollMs: 20,
      ...overrides,
    });
    closers.push(() => deps.close());
    return deps;
  };
  const serveCheckout = (deps: CheckoutRuntimeDeps): Promise<Service> =>
    serve('checkout', createApp({ ...deps, signingKey: SIGNING_KEY, readiness: {} }), logger, closers);
  const startCheckout = (overrides: Partial<CheckoutDepsOptions>): Promise<Service> =>
    serveCheckout(checkoutDeps(overrides));

  const events = options.events ? await startEvents(label, reg.relayUrl, logger, closers) : undefined;
  const mainDeps = checkoutDeps(events ? { ratesCache: { maxEntries: 100, maxAgeMs: 60_000 } } : {});
  if (events) await subscribeToSettingsChanges(events.broker, mainDeps.ratesCache);
  const checkout = await serveCheckout(mainDeps);

  return {
    registry,
    catalog,
    inventory,
    payment,
    order,
    cart,
    shipment,
    checkout,
    redis,
    ratesCache: mainDeps.ratesCache,
    startCheckout,
    startOrder,
    async close() {
      // Servers first (pushed last), then clients and pools, then databases.
      for (const close of closers.reverse()) await close();
    },
  };
}

/** A broker on this file's own prefix and the registry's outbox relay; both stop in `closers`. */
async function startEvents(label: string, relayUrl: string, logger: Logger, closers: Closer[]) {
  const broker = await createBroker({
    url: TEST_AMQP_URL,
    prefix: testAmqpPrefix(label),
    service: 'checkout',
    logger,
  });
  closers.push(
    () => broker.close(),
    () => broker.deleteDeclared(),
  );
  const relay = startOutboxRelay({ relayUrl, broker, logger, pollMs: 50 });
  closers.push(() => relay.stop());
  return { broker };
}
