import type { ProductDocument } from '@fleet/contracts';
import { createLogger } from '@fleet/logger';
import {
  createBroker,
  startOutboxRelay,
  type Broker,
  type EventEnvelope,
  type OutboxRelay,
} from '@fleet/messaging';
import { testAmqpPrefix, TEST_AMQP_URL, waitFor } from '@fleet/testing';
import type { ProductView } from '../src/domain/products/product-view';
import { json, newTenant, productBody, staff, startCatalog, type CatalogFixture } from './catalog-fixture';

let catalog: CatalogFixture;
let broker: Broker;
let relay: OutboxRelay;
const received: EventEnvelope[] = [];

beforeAll(async () => {
  catalog = await startCatalog('cat_relay');
  const logger = createLogger({ service: 'relay-test', level: 'silent' });
  broker = await createBroker({
    url: TEST_AMQP_URL,
    prefix: testAmqpPrefix('cat_relay'),
    service: 'search',
    logger,
  });
  await broker.consume({
    name: 'products',
    bindings: ['product.*'],
    handler: async (e) => void received.push(e),
  });
  relay = startOutboxRelay({ relayUrl: catalog.database.relayUrl, broker, logger, pollMs: 50 });
});
afterAll(async () => {
  await relay.stop();
  await broker.deleteDeclared();
  await broker.close();
  await catalog.close();
});

test('product events reach RabbitMQ in order, carrying the whole ProductDocument', async () => {
  const tenant = newTenant();
  const created = await json<ProductView>(
    catalog.call('/api/admin/products', {
      method: 'POST',
      ctx: staff(tenant),
      body: productBody('Relayed Thing'),
    }),
  );
  await catalog.call(`/api/admin/products/${created.id}`, {
    method: 'PATCH',
    ctx: staff(tenant),
    body: { title: 'Relayed Again' },
  });
  await catalog.call(`/api/admin/products/${created.id}`, { method: 'DELETE', ctx: staff(tenant) });
  await waitFor('three events', () => received.length >= 3);
  expect(received.map((e) => [e.type, e.aggregateId, e.version, e.tenantId])).toEqual([
    ['product.created', created.id, 1, tenant],
    ['product.updated', created.id, 2, tenant],
    ['product.deleted', created.id, 3, tenant],
  ]);
  const doc = (received[0]?.data as { product: ProductDocument }).product;
  const contract: Array<keyof ProductDocument> = [
    'id',
    'slug',
    'title',
    'description',
    'status',
    'categoryIds',
    'collectionIds',
    'images',
    'variants',
    'priceMin',
    'priceMax',
    'currency',
    'available',
    'createdAt',
    'updatedAt',
    'version',
  ];
  for (const key of contract) expect(doc).toHaveProperty(key);
  expect(doc.variants[0]).toEqual(
    expect.objectContaining({
      sku: 'RELAYED-THING-1',
      price: 1999,
      currency: 'USD',
      available: 5,
      compareAtPrice: null,
      options: {},
    }),
  );
  expect(new Date(doc.createdAt).toISOString()).toBe(doc.createdAt);
  expect(received[2]?.data).toEqual({ id: created.id, version: 3 });
});
