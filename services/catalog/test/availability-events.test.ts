import { createLogger } from '@fleet/logger';
import { createBroker, createEnvelope, type Broker, type EventEnvelope } from '@fleet/messaging';
import { testAmqpPrefix, TEST_AMQP_URL, waitFor } from '@fleet/testing';
import type { ProductView } from '../src/domain/products/product-view';
import { INVENTORY_BINDINGS, inventoryLevelConsumer } from '../src/messaging/inventory-level.consumer';
import {
  json,
  newTenant,
  outbox,
  productBody,
  shopper,
  staff,
  startCatalog,
  variant,
  type CatalogFixture,
} from './catalog-fixture';

let catalog: CatalogFixture;
let broker: Broker;
const tenant = newTenant();
let product: ProductView;
let v1: string;

beforeAll(async () => {
  catalog = await startCatalog('cat_availability');
  broker = await createBroker({
    url: TEST_AMQP_URL,
    prefix: testAmqpPrefix('cat_availability'),
    service: 'catalog',
    logger: createLogger({ service: 'availability-test', level: 'silent' }),
  });
  await broker.consume({
    name: 'inventory-level',
    bindings: INVENTORY_BINDINGS,
    handler: inventoryLevelConsumer(catalog.deps),
    baseDelayMs: 50,
  });
  product = await json<ProductView>(
    catalog.call('/api/admin/products', {
      method: 'POST',
      ctx: staff(tenant),
      body: productBody('Kettle', { variants: [variant('KETTLE-1', 4000, 3), variant('KETTLE-2', 4500, 0)] }),
    }),
  );
  v1 = product.variants[0]?.id as string;
});
afterAll(async () => {
  await broker.deleteDeclared();
  await broker.close();
  await catalog.close();
});

/** Publishes a synthetic `inventory.level_changed` and waits until the consumer recorded it. */
async function level(
  variantId: string,
  available: number,
  version: number,
  tenantId = tenant,
  again?: EventEnvelope,
) {
  const event =
    again ??
    createEnvelope(
      { requestId: 'inventory-test', tenantId },
      {
        type: 'inventory.level_changed',
        aggregateId: variantId,
        version,
        data: { variantId, productId: product.id, available },
      },
    );
  await broker.publish(event);
  await waitFor(
    'the event to be processed',
    async () => (await catalog.owner('inbox').where({ event_id: event.id })).length > 0,
  );
  return event;
}
const admin = () =>
  json<ProductView>(catalog.call(`/api/admin/products/${product.id}`, { ctx: staff(tenant) }));
const updates = async () =>
  (await outbox(catalog, { aggregate_id: product.id })).filter((e) => e.type === 'product.updated');

test('an inventory level updates the read model and republishes the product with a new version', async () => {
  await level(v1, 0, 5);
  const after = await admin();
  expect(after).toMatchObject({ available: false, version: 2 });
  expect(after.variants.map((v) => v.available)).toEqual([0, 0]);
  const [event] = await updates();
  expect(event).toMatchObject({
    version: 2,
    envelope: { aggregateId: product.id, data: { product: { available: false, version: 2 } } },
  });
  const store = await json<{ variants: Array<{ available: boolean; availableQuantity: number }> }>(
    catalog.call(`/api/store/products/${product.id}`, { ctx: shopper(tenant) }),
  );
  expect(store.variants[0]).toEqual(expect.objectContaining({ available: false, availableQuantity: 0 }));
  const listed = await json<{ items: unknown[] }>(
    catalog.call('/api/store/products?available=true', { ctx: shopper(tenant) }),
  );
  expect(listed.items).toEqual([]);
});

test('stale and repeated events change nothing; a newer level applies', async () => {
  const first = await level(v1, 7, 6);
  expect(await admin()).toMatchObject({ available: true, version: 3 });
  await level(v1, 99, 4); // older than 6: stale
  await level(v1, 99, 6); // same version: stale too
  await level(v1, 0, 0, tenant, first); // the same event again: the inbox drops it
  expect((await admin()).variants[0]?.available).toBe(7);
  expect((await updates()).map((e) => e.version)).toEqual([2, 3]);
  await level(v1, 7, 8); // newer, same units: recorded, nothing to republish
  expect((await admin()).version).toBe(3);
  expect(
    await catalog
      .owner('variant_availability')
      .where({ variant_id: v1 })
      .first('available', 'source_version'),
  ).toEqual({
    available: 7,
    source_version: 8,
  });
});

test("unknown variants and another store's events are ignored", async () => {
  const unknown = 'var_00000000000000000000000000';
  await level(
    unknown,
    1,
    1,
    tenant,
    createEnvelope(
      { requestId: 'inventory-test', tenantId: tenant },
      {
        type: 'inventory.level_changed',
        aggregateId: unknown,
        version: 1,
        data: { variantId: unknown, productId: null, available: 1 },
      },
    ),
  );
  await level(v1, 0, 100, newTenant());
  expect(await admin()).toMatchObject({ version: 3, available: true });
});

type StoreCard = {
  id: string;
  variants: Array<{ id: string; available: boolean; availableQuantity: number }>;
};
/** The storefront's view of v1: the list (the stored card) and the product page (built live). */
async function storefrontUnits() {
  const listed = await json<{ items: StoreCard[] }>(
    catalog.call('/api/store/products', { ctx: shopper(tenant) }),
  );
  const card = listed.items.find((p) => p.id === product.id);
  const page = await json<StoreCard>(
    catalog.call(`/api/store/products/${product.id}`, { ctx: shopper(tenant) }),
  );
  return {
    card: card?.variants.find((v) => v.id === v1)?.availableQuantity,
    page: page.variants.find((v) => v.id === v1)?.availableQuantity,
  };
}

test('a unit change that keeps the variant in stock refreshes the storefront but writes no product.updated', async () => {
  const before = (await updates()).map((e) => e.version);
  expect(before).toEqual([2, 3]);
  await level(v1, 5, 101); // 7 -> 5: still sellable
  expect(await storefrontUnits()).toEqual({ card: 5, page: 5 });
  const after = await admin();
  expect(after).toMatchObject({ available: true, version: 4 }); // the row was refreshed
  expect(after.variants[0]?.available).toBe(5);
  expect((await updates()).map((e) => e.version)).toEqual(before);
});

test('going out of stock and back in writes product.updated each time', async () => {
  await level(v1, 0, 102);
  expect(await storefrontUnits()).toEqual({ card: 0, page: 0 });
  expect(await admin()).toMatchObject({ available: false, version: 5 });
  await level(v1, 2, 103);
  expect(await storefrontUnits()).toEqual({ card: 2, page: 2 });
  const events = await updates();
  expect(events.map((e) => e.version)).toEqual([2, 3, 5, 6]);
  // Each event carries the document as of its version; the gap at 4 is fine for consumers,
  // which only drop versions not newer than the last they applied.
  expect(events.slice(2).map((e) => e.envelope.data)).toEqual([
    { product: expect.objectContaining({ version: 5, available: false }) },
    { product: expect.objectContaining({ version: 6, available: true }) },
  ]);
});
