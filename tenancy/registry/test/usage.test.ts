import { createLogger } from '@fleet/logger';
import { createBroker, createEnvelope, type Broker } from '@fleet/messaging';
import { testAmqpPrefix, TEST_AMQP_URL, waitFor } from '@fleet/testing';
import { USAGE_EVENTS, usageConsumer } from '../src/messaging/usage.consumer';
import { startRegistry, storeBody, type RegistryFixture } from './registry-fixture';

let registry: RegistryFixture;
let broker: Broker;
const admin = { actor: { kind: 'platform_admin' as const, id: 'adm_1' } };

beforeAll(async () => {
  registry = await startRegistry('reg_usage');
  broker = await createBroker({
    url: TEST_AMQP_URL,
    prefix: testAmqpPrefix('usage'),
    service: 'tenancy',
    logger: createLogger({ service: 'usage-test', level: 'silent' }),
  });
  await broker.consume({
    name: 'usage',
    bindings: USAGE_EVENTS,
    handler: usageConsumer(registry.db),
    baseDelayMs: 50,
  });
});
afterAll(async () => {
  await broker.deleteDeclared();
  await broker.close();
  await registry.close();
});

test('product and order events update the tenant usage exactly once each', async () => {
  const tenant = (await (
    await registry.call('/internal/tenants', { method: 'POST', body: storeBody('busy') })
  ).json()) as {
    id: string;
  };
  const other = (await (
    await registry.call('/internal/tenants', { method: 'POST', body: storeBody('quiet') })
  ).json()) as {
    id: string;
  };
  const ctx = { requestId: 'usage-test', tenantId: tenant.id };
  const placed = createEnvelope(ctx, { type: 'order.placed', data: { total: 2500, currency: 'USD' } });
  const events = [
    createEnvelope(ctx, { type: 'product.created', data: {} }),
    createEnvelope(ctx, { type: 'product.created', data: {} }),
    createEnvelope(ctx, { type: 'product.deleted', data: {} }),
    placed,
    placed, // redelivered: counted once
    createEnvelope(ctx, { type: 'order.placed', data: { total: 1000, currency: 'EUR' } }),
  ];
  for (const event of events) await broker.publish(event);
  // Events are applied concurrently (and retried on conflicts): wait for all of them to land.
  const detail = await waitFor('usage to reach 2 orders and 1 product', async () => {
    const body = (await (
      await registry.call(`/api/platform/tenants/${tenant.id}`, { ctx: admin })
    ).json()) as {
      usage: { orders: number; products: number; revenue: Array<{ currency: string; amount: number }> };
    };
    return body.usage.orders === 2 && body.usage.products === 1 ? body : undefined;
  });
  expect(detail.usage.revenue.sort((x, y) => x.currency.localeCompare(y.currency))).toEqual([
    { currency: 'EUR', amount: 1000 },
    { currency: 'USD', amount: 2500 },
  ]);
  const quiet = (await (await registry.call(`/api/platform/tenants/${other.id}`, { ctx: admin })).json()) as {
    usage: { orders: number };
  };
  expect(quiet.usage.orders).toBe(0);
});
