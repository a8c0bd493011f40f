import type { ProductDocument } from '@fleet/contracts';
import { createBroker, createEnvelope, type Broker, type EventEnvelope } from '@fleet/messaging';
import { testAmqpPrefix, TEST_AMQP_URL, waitFor } from '@fleet/testing';
import { PRODUCT_EVENT_BINDINGS, productEventsConsumer } from '../src/messaging/product-events.consumer';
import { newTenant, product } from './products';
import { logger, startSearch, type SearchFixture } from './search-fixture';

let search: SearchFixture;
let broker: Broker;

beforeAll(async () => {
  search = await startSearch('search_events');
  broker = await createBroker({
    url: TEST_AMQP_URL,
    prefix: testAmqpPrefix('search_events'),
    service: 'search',
    logger,
  });
  await broker.consume({
    name: 'products',
    bindings: PRODUCT_EVENT_BINDINGS,
    handler: productEventsConsumer(search.db, search.engine),
    maxAttempts: 2,
    baseDelayMs: 50,
  });
});
afterAll(async () => {
  await broker.deleteDeclared();
  await broker.close();
  await search.close();
});

const changed = (tenantId: string, p: ProductDocument, type = 'product.updated'): EventEnvelope =>
  createEnvelope(
    { requestId: 'catalog', tenantId },
    { type, aggregateId: p.id, version: p.version, data: { product: p } },
  );
const deleted = (tenantId: string, id: string, version: number): EventEnvelope =>
  createEnvelope(
    { requestId: 'catalog', tenantId },
    { type: 'product.deleted', aggregateId: id, version, data: { id, version } },
  );

const titles = async (tenantId: string, q: string): Promise<string[]> =>
  (await search.engine.search(tenantId, { q, limit: 10 })).hits.map((hit) => hit.title);
/** Inbox rows of the tenant (the inbox is tenant-owned too). */
const applied = (tenantId: string): Promise<string[]> =>
  search.db
    .readAsTenant({ requestId: 'test', tenantId }, (tx) =>
      tx.rows<{ event_id: string }>('SELECT event_id FROM inbox'),
    )
    .then((rows) => rows.map((row) => row.event_id));

test('created, updated (out of order), draft, active again, deleted: the newest version wins', async () => {
  const tenantId = newTenant();
  const v1 = product({ title: 'Velvet Armchair', version: 1 });
  const v2 = { ...v1, title: 'Velvet Armchair Deluxe', version: 2 };
  await broker.publish(changed(tenantId, v1, 'product.created'));
  await waitFor(
    'the product to be searchable',
    async () => (await titles(tenantId, 'armchair')).length === 1,
  );
  await broker.publish(changed(tenantId, { ...v1, title: 'Velvet Armchair v3', version: 3 }));
  await broker.publish(changed(tenantId, v2));
  await waitFor('version 3', async () => (await titles(tenantId, 'armchair'))[0] === 'Velvet Armchair v3');
  await broker.publish(changed(tenantId, { ...v1, status: 'draft', version: 4 }));
  await waitFor('the draft to leave results', async () => (await titles(tenantId, 'armchair')).length === 0);
  await broker.publish(changed(tenantId, { ...v1, title: 'Velvet Armchair Live', version: 5 }));
  await waitFor(
    'active again',
    async () => (await titles(tenantId, 'armchair'))[0] === 'Velvet Armchair Live',
  );
  const removal = deleted(tenantId, v1.id, 6);
  const zombie = changed(tenantId, { ...v1, title: 'Velvet Armchair Zombie', version: 5 });
  await broker.publish(removal);
  await broker.publish(zombie);
  await waitFor('both events', async () => {
    const ids = await applied(tenantId);
    return ids.includes(removal.id) && ids.includes(zombie.id);
  });
  expect(await titles(tenantId, 'armchair')).toEqual([]);
});

test('a redelivered event is applied once (inbox), and events land in their own tenant only', async () => {
  const acme = newTenant();
  const globex = newTenant();
  const lamp = product({ title: 'Brass Lamp' });
  const event = changed(acme, lamp, 'product.created');
  await broker.publish(event);
  await broker.publish(event);
  await waitFor('the lamp', async () => (await titles(acme, 'lamp')).length === 1);
  await broker.publish(changed(globex, product({ title: 'Brass Lamp' }), 'product.created'));
  await waitFor('the second store', async () => (await titles(globex, 'lamp')).length === 1);
  expect(await applied(acme)).toEqual([event.id]);
  expect((await search.engine.search(acme, { q: 'lamp', limit: 10 })).hits.map((h) => h.id)).toEqual([
    lamp.id,
  ]);
});

test('a malformed product event is not indexed and ends in the dead-letter queue', async () => {
  const tenantId = newTenant();
  const bad = createEnvelope(
    { requestId: 'catalog', tenantId },
    { type: 'product.created', data: { product: { id: 'prod_bad', title: 'No Version' } } },
  );
  await broker.publish(bad);
  const letters = await waitFor('a dead letter', async () => {
    const found = await broker.listDeadLetters();
    return found.find((letter) => letter.messageId === bad.id);
  });
  expect(letters.routingKey).toBe('product.created');
  expect(await titles(tenantId, 'version')).toEqual([]);
});
