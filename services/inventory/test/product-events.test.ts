import type { ProductDocument } from '@fleet/contracts';
import { createLogger } from '@fleet/logger';
import {
  createBroker,
  createEnvelope,
  startOutboxRelay,
  type Broker,
  type EventEnvelope,
  type OutboxRelay,
} from '@fleet/messaging';
import { testAmqpPrefix, TEST_AMQP_URL, waitFor } from '@fleet/testing';
import { consumeProductEvents, productEventsHandler } from '../src';
import { json, newTenant, startInventory, type InventoryFixture } from './inventory-fixture';

let fx: InventoryFixture;
let broker: Broker;
let relay: OutboxRelay;
const published: EventEnvelope[] = [];

beforeAll(async () => {
  fx = await startInventory('inv_products');
  const logger = createLogger({ service: 'inventory-test', level: 'silent' });
  broker = await createBroker({
    url: TEST_AMQP_URL,
    prefix: testAmqpPrefix('inv'),
    service: 'inventory',
    logger,
  });
  await consumeProductEvents(broker, fx.db, { baseDelayMs: 50 });
  await broker.subscribeTransient({
    bindings: ['inventory.#'],
    handler: async (envelope) => void published.push(envelope),
  });
  relay = startOutboxRelay({ relayUrl: fx.database.relayUrl, broker, logger, pollMs: 100 });
});
afterAll(async () => {
  await relay.stop();
  await broker.deleteDeclared();
  await broker.close();
  await fx.close();
});

function product(id: string, variants: Array<[string, number]>, version = 1): ProductDocument {
  return {
    id,
    slug: id,
    title: id,
    description: '',
    status: 'active',
    categoryIds: [],
    collectionIds: [],
    images: [],
    variants: variants.map(([variantId, available]) => ({
      id: variantId,
      sku: variantId,
      title: variantId,
      price: 1000,
      currency: 'USD',
      compareAtPrice: null,
      available,
      options: {},
    })),
    priceMin: 1000,
    priceMax: 1000,
    currency: 'USD',
    available: true,
    createdAt: new Date().toISOString(),
    updatedAt: new Date().toISOString(),
    version,
  };
}

const productEvent = (tenantId: string, type: string, data: unknown, version = 1) =>
  createEnvelope({ requestId: 'catalog-test', tenantId }, { type, aggregateId: 'prod_1', version, data });

test('product.created creates the levels of its variants once, however often it is delivered', async () => {
  const tenant = newTenant();
  const created = productEvent(tenant, 'product.created', {
    product: product('prod_1', [
      ['var_1', 7],
      ['var_2', 0],
    ]),
  });
  await broker.publish(created);
  await broker.publish(created); // redelivered
  await waitFor('levels to exist', () => fx.level(tenant, 'var_2'));
  await new Promise((resolve) => setTimeout(resolve, 200));
  await productEventsHandler(fx.db)(created); // one more redelivery, handled right here
  expect(await fx.owner('inbox').where({ tenant_id: tenant })).toHaveLength(1);
  expect(await fx.level(tenant, 'var_1')).toMatchObject({ onHand: 7, reserved: 0, productId: 'prod_1' });
  expect(await fx.level(tenant, 'var_2')).toMatchObject({ onHand: 0, productId: 'prod_1' });
  const changes = await fx.events(tenant, 'inventory.level_changed');
  expect(changes.map((e) => e.data)).toEqual([
    { variantId: 'var_1', productId: 'prod_1', available: 7 },
    { variantId: 'var_2', productId: 'prod_1', available: 0 },
  ]);
  expect(changes.every((e) => e.causationId === created.id)).toBe(true);
});

test('product.updated adds new variants only; inventory owns known ones; deleted archives', async () => {
  const tenant = newTenant();
  await fx.setStock(tenant, 'var_early', 4); // the merchant set stock before the product event arrived
  await broker.publish(
    productEvent(tenant, 'product.created', {
      product: product('prod_1', [
        ['var_1', 5],
        ['var_early', 9],
      ]),
    }),
  );
  await waitFor('created', () => fx.level(tenant, 'var_1'));
  const reserve = await fx.reserve(tenant, {
    reservationId: 'ord_p',
    items: [{ variantId: 'var_1', quantity: 2 }],
  });
  expect(reserve.status).toBe(201);
  await broker.publish(
    productEvent(
      tenant,
      'product.updated',
      {
        product: product('prod_1', [
          ['var_1', 99],
          ['var_early', 99],
          ['var_new', 6],
        ]),
      },
      2,
    ),
  );
  await waitFor('the new variant', () => fx.level(tenant, 'var_new'));
  expect(await fx.level(tenant, 'var_1')).toMatchObject({ onHand: 5, reserved: 2 });
  expect(await fx.level(tenant, 'var_early')).toMatchObject({ onHand: 4, productId: 'prod_1' });
  expect(await fx.level(tenant, 'var_new')).toMatchObject({ onHand: 6, productId: 'prod_1' });

  await broker.publish(productEvent(tenant, 'product.deleted', { id: 'prod_1', version: 3 }, 3));
  await waitFor('archived', async () => (await fx.level(tenant, 'var_new'))?.archived);
  const list = await json<{ items: unknown[] }>(await fx.admin(tenant, '/api/admin/inventory'));
  expect(list.items).toEqual([]);
  const refused = await fx.reserve(tenant, {
    reservationId: 'ord_q',
    items: [{ variantId: 'var_new', quantity: 1 }],
  });
  expect(await json(refused)).toMatchObject({ code: 'out_of_stock', details: [{ available: 0 }] });
  // the order in flight still completes on an archived level
  const commit = await fx.internal(tenant, '/internal/reservations/ord_p/commit', { method: 'POST' });
  expect(commit.status).toBe(200);
  expect(await fx.level(tenant, 'var_1')).toMatchObject({ onHand: 3, reserved: 0, archived: true });
  const last = (await fx.events(tenant, 'inventory.level_changed')).filter(
    (e) => e.aggregateId === 'var_new',
  );
  expect(last.at(-1)?.data).toMatchObject({ available: 0 });
});

test('a product.updated that changes no level is settled by a read: no transaction, no inbox row', async () => {
  const tenant = newTenant();
  const created = productEvent(tenant, 'product.created', { product: product('prod_1', [['var_1', 3]]) });
  await productEventsHandler(fx.db)(created);
  const updated = productEvent(tenant, 'product.updated', { product: product('prod_1', [['var_1', 1]]) }, 2);
  await productEventsHandler(fx.db)(updated);
  await productEventsHandler(fx.db)(updated);
  expect(await fx.owner('inbox').where({ tenant_id: tenant })).toHaveLength(1);
  expect(await fx.level(tenant, 'var_1')).toMatchObject({ onHand: 3, productId: 'prod_1' });
});

test('a malformed product event is dead-lettered and changes nothing', async () => {
  const tenant = newTenant();
  const bad = productEvent(tenant, 'product.created', { product: { id: 'prod_bad', variants: 'many' } });
  await broker.publish(bad);
  await waitFor(
    'the dead letter',
    async () => (await broker.listDeadLetters()).some((d) => d.messageId === bad.id),
    { timeoutMs: 15_000 },
  );
  expect(await fx.owner('stock_levels').where({ tenant_id: tenant })).toEqual([]);
});

test('events written to the outbox reach RabbitMQ through the relay', async () => {
  const tenant = newTenant();
  await fx.setStock(tenant, 'var_pub', 2);
  await fx.reserve(tenant, { reservationId: 'ord_pub', items: [{ variantId: 'var_pub', quantity: 1 }] });
  const outbox = await fx.events(tenant);
  await waitFor('every event published', () =>
    outbox.every((event) => published.some((p) => p.id === event.id)),
  );
  const types = published.filter((p) => p.tenantId === tenant).map((p) => p.type);
  expect(types).toEqual(['inventory.level_changed', 'inventory.reserved', 'inventory.level_changed']);
});
