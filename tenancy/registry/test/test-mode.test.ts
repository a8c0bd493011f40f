import { createLogger } from '@fleet/logger';
import { createBroker, createEnvelope, type Broker } from '@fleet/messaging';
import { testAmqpPrefix, TEST_AMQP_URL, waitFor } from '@fleet/testing';
import { PAYMENT_MODE_EVENTS, paymentModeConsumer } from '../src/messaging/payment-mode.consumer';
import { USAGE_EVENTS, usageConsumer } from '../src/messaging/usage.consumer';
import { PLATFORM_DOMAIN, startRegistry, storeBody, type RegistryFixture } from './registry-fixture';

// Issue 13, item 3, the registry's part: payment owns test mode and announces it
// (`payment.mode_changed`, versioned per tenant); the registry shows it in GET /api/store/info as
// `testMode` and tells every cache (tenant.settings_changed). Test orders are never revenue.

let registry: RegistryFixture;
let broker: Broker;
const admin = { actor: { kind: 'platform_admin' as const, id: 'adm_1' } };

beforeAll(async () => {
  registry = await startRegistry('reg_testmode');
  broker = await createBroker({
    url: TEST_AMQP_URL,
    prefix: testAmqpPrefix('reg_testmode'),
    service: 'tenancy',
    logger: createLogger({ service: 'testmode-test', level: 'silent' }),
  });
  await broker.consume({
    name: 'usage',
    bindings: USAGE_EVENTS,
    handler: usageConsumer(registry.db),
    baseDelayMs: 50,
  });
  await broker.consume({
    name: 'payment-mode',
    bindings: PAYMENT_MODE_EVENTS,
    handler: paymentModeConsumer({ db: registry.db, platformDomain: PLATFORM_DOMAIN }),
    baseDelayMs: 50,
  });
});
afterAll(async () => {
  await broker?.deleteDeclared();
  await broker?.close();
  await registry?.close();
});

async function newStore(slug: string): Promise<string> {
  const res = await registry.call('/internal/tenants', { method: 'POST', body: storeBody(slug) });
  return ((await res.json()) as { id: string }).id;
}

const info = async (tenantId: string) =>
  (await (
    await registry.call('/api/store/info', { ctx: { tenantId, actor: { kind: 'anonymous' } } })
  ).json()) as {
    testMode: boolean;
    payment: { provider: string };
  };

const modeEvent = (tenantId: string, version: number, testMode: boolean, provider = 'stripe') =>
  createEnvelope(
    { requestId: `mode-${version}`, tenantId },
    { type: 'payment.mode_changed', aggregateId: tenantId, version, data: { testMode, provider } },
  );

const settingsChanged = (tenantId: string) =>
  registry.owner('outbox').where({ tenant_id: tenantId, type: 'tenant.settings_changed' }).select('envelope');

test('a new store is in test mode; going live and back shows in the store info and tells every cache', async () => {
  const tenant = await newStore('mode-a');
  const other = await newStore('mode-b');
  expect(await info(tenant)).toMatchObject({ testMode: true, payment: { provider: 'offline' } });

  await broker.publish(modeEvent(tenant, 1, false));
  await waitFor('the store to be live', async () => ((await info(tenant)).testMode ? undefined : true));
  expect(await info(tenant)).toMatchObject({ testMode: false, payment: { provider: 'stripe' } });
  expect(await info(other)).toMatchObject({ testMode: true });
  const [changed] = await settingsChanged(tenant);
  expect(changed?.envelope).toMatchObject({
    type: 'tenant.settings_changed',
    tenantId: tenant,
    data: { tenant: { id: tenant, version: 2 }, rates: { currency: 'USD' } },
  });
  expect(await settingsChanged(other)).toHaveLength(0);

  // Out of order: version 3 (back to test mode) lands, then a stale version 2 is dropped.
  await broker.publish(modeEvent(tenant, 3, true));
  await waitFor('back in test mode', async () => ((await info(tenant)).testMode ? true : undefined));
  await broker.publish(modeEvent(tenant, 2, false));
  await broker.publish(modeEvent(tenant, 3, true)); // a redelivery under a new id: not newer either
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect((await info(tenant)).testMode).toBe(true);
  expect(await settingsChanged(tenant)).toHaveLength(2);
  const staff = { tenantId: tenant, actor: { kind: 'staff' as const, id: 'stf_1', roles: ['owner'] } };
  expect(await (await registry.call('/api/admin/settings/store', { ctx: staff })).json()).toMatchObject({
    testMode: true,
  });
});

test("a provider switch shows in the store info's payment provider, for that store only", async () => {
  const tenant = await newStore('mode-provider');
  const other = await newStore('mode-provider-b');
  await broker.publish(
    createEnvelope(
      { requestId: 'switch', tenantId: tenant },
      { type: 'payment.provider_changed', aggregateId: tenant, data: { from: 'offline', to: 'razorpay' } },
    ),
  );
  await waitFor('the new provider', async () =>
    (await info(tenant)).payment.provider === 'razorpay' ? true : undefined,
  );
  expect(await info(tenant)).toMatchObject({ testMode: true });
  expect((await info(other)).payment.provider).toBe('offline');
});

test('test orders are counted apart and never as revenue', async () => {
  const tenant = await newStore('mode-usage');
  const ctx = { requestId: 'usage', tenantId: tenant };
  const placed = (total: number, test: boolean | undefined) =>
    createEnvelope(ctx, {
      type: 'order.placed',
      data: { total, currency: 'USD', ...(test === undefined ? {} : { test }) },
    });
  for (const event of [placed(2500, true), placed(900, true), placed(1000, false)])
    await broker.publish(event);
  const detail = await waitFor('usage to count 3 orders', async () => {
    const body = (await (await registry.call(`/api/platform/tenants/${tenant}`, { ctx: admin })).json()) as {
      usage: { orders: number; testOrders: number; revenue: Array<{ currency: string; amount: number }> };
    };
    return body.usage.orders + body.usage.testOrders === 3 ? body : undefined;
  });
  expect(detail.usage).toMatchObject({
    orders: 1,
    testOrders: 2,
    revenue: [{ currency: 'USD', amount: 1000 }],
  });
});
