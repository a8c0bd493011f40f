import { randomBytes, randomUUID } from 'node:crypto';
import { startStripeStandIn, waitFor, type StripeStandIn } from '@fleet/testing';
import {
  frontDoor,
  ok,
  startProcessPlatform,
  type Checkout,
  type ProcessPlatform,
  type Store,
} from './process-platform';

type FrontDoor = ReturnType<typeof frontDoor>;

/**
 * Issue 13, items 3 and 11, as an outsider and a merchant see them through the gateway (the
 * platform as `npm start` runs it, Stripe's stand-in behind the official SDK):
 * - a new store is in test mode: the shopper buys with `simulate`, the order is flagged a test
 *   order everywhere and is no revenue in the console;
 * - the owner goes live with verified live Stripe keys: `simulate` is refused (403 `store_live`),
 *   even for a payment started in test mode, real orders are not test orders and count as GMV;
 * - a refund Stripe fails ends `failed` with why in the merchant's order view; the amount is free.
 */
let platform: ProcessPlatform;
let stripe: StripeStandIn;
let gateway: string;
let call: FrontDoor['call'];
let signUp: FrontDoor['signUp'];
let asOwner: FrontDoor['asOwner'];
let checkout: FrontDoor['checkout'];
let orderOf: FrontDoor['orderOf'];

beforeAll(async () => {
  stripe = await startStripeStandIn();
  platform = await startProcessPlatform({ payment: { STRIPE_API_BASE: stripe.url } });
  ({ gateway, call, signUp, asOwner, checkout, orderOf } = frontDoor(platform));
}, 120_000);
afterAll(async () => {
  await platform?.stop();
  await stripe?.close();
});

interface AdminOrder {
  status: string;
  test: boolean | null;
  total: number;
  payment: {
    test: boolean | null;
    refunds: Array<{ refundId: string; status: string; failureReason: string | null; amount: number }> | null;
  } | null;
}
interface Usage {
  orders: number;
  testOrders: number;
  revenue: Array<{ currency: string; amount: number }>;
}

async function stockedVariant(store: Store): Promise<string> {
  const product = ok(
    await asOwner(store, '/api/admin/products', {
      body: {
        title: 'Oak Stool',
        description: 'Three legs.',
        categoryIds: [],
        variants: [
          { sku: `STOOL-${randomUUID().slice(0, 8)}`, title: 'One', price: 4_000, currency: 'USD', stock: 9 },
        ],
      },
    }),
    201,
  ) as { variants: Array<{ id: string }> };
  return product.variants[0]!.id;
}

const info = async (store: Store) =>
  ok(await call(store.host, '/api/store/info')) as { testMode: boolean; payment: { provider: string } };
const adminOrder = async (store: Store, c: Checkout) =>
  ok(await asOwner(store, `/api/admin/orders/${c.orderId}`)) as AdminOrder;
const simulate = (store: Store, c: Checkout) =>
  call(store.host, `/api/store/payments/${c.payment.paymentId}/simulate`, { body: { outcome: 'succeeded' } });
const placed = (store: Store, c: Checkout) =>
  waitFor(
    'the order to be PLACED',
    async () => ((await orderOf(store.host, c)).status === 'PLACED' ? true : undefined),
    {
      timeoutMs: 15_000,
    },
  );

async function consoleToken(): Promise<{ host: string; token: string }> {
  const port = gateway.split(':').pop() as string;
  const host = `console.${platform.env('gateway').PLATFORM_DOMAIN}:${port}`;
  const identity = platform.env('identity');
  const login = ok(
    await call(host, '/api/platform/auth/login', {
      body: { email: identity.PLATFORM_ADMIN_EMAIL, password: identity.PLATFORM_ADMIN_PASSWORD },
    }),
  ) as { accessToken: string };
  return { host, token: login.accessToken };
}

async function usageOf(tenantId: string, until: (u: Usage) => boolean): Promise<Usage> {
  const admin = await consoleToken();
  return waitFor(
    'the console usage',
    async () => {
      const detail = ok(
        await call(admin.host, `/api/platform/tenants/${tenantId}`, {
          headers: { authorization: `Bearer ${admin.token}` },
        }),
      ) as { usage: Usage };
      return until(detail.usage) ? detail.usage : undefined;
    },
    { timeoutMs: 15_000 },
  );
}

test('test mode, going live, and a refund Stripe fails, through the front door', async () => {
  const store = await signUp('testmode-shop', 'USD', 'US');
  // The owner's access token names the store's tenant (`tid`): the console looks it up by id.
  const tenantId = (
    JSON.parse(Buffer.from(store.token.split('.')[1]!, 'base64url').toString()) as { tid: string }
  ).tid;
  expect(await info(store)).toMatchObject({ testMode: true, payment: { provider: 'offline' } });
  const variantId = await stockedVariant(store);

  // Test mode: simulate buys, and the order is a test order everywhere.
  const testOrder = await checkout(store.host, variantId);
  const leftPending = await checkout(store.host, variantId);
  expect((await simulate(store, testOrder)).status).toBe(202);
  await placed(store, testOrder);
  expect(await orderOf(store.host, testOrder)).toMatchObject({ test: true });
  expect(await adminOrder(store, testOrder)).toMatchObject({ test: true, payment: { test: true } });

  // Live: only with live keys Stripe accepts; the storefront then shows no test banner.
  const offlineRefused = await asOwner(store, '/api/admin/settings/payments/go-live', { method: 'POST' });
  expect([offlineRefused.status, offlineRefused.json().code]).toEqual([422, 'live_provider_required']);
  const hex = () => randomBytes(10).toString('hex');
  const keys = {
    secretKey: `sk_live_${hex()}`,
    publishableKey: `pk_live_${hex()}`,
    webhookSecret: `whsec_${hex()}`,
  };
  stripe.addAccount({
    ...keys,
    webhook: { url: `${gateway}/api/webhooks/stripe`, headers: () => ({ host: store.host }) },
  });
  ok(
    await asOwner(store, '/api/admin/settings/payments', {
      method: 'PUT',
      body: { provider: 'stripe', credentials: keys },
    }),
  );
  const live = ok(await asOwner(store, '/api/admin/settings/payments/go-live', { method: 'POST' }));
  expect(live).toMatchObject({ provider: 'stripe', testMode: false });
  await waitFor('the store info to say live', async () => ((await info(store)).testMode ? undefined : true), {
    timeoutMs: 15_000,
  });

  // An outsider cannot buy for free any more, not even with the payment started in test mode.
  const refused = await simulate(store, leftPending);
  expect(refused.status).toBe(403);
  expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
  expect(refused.json().code).toBe('store_live');
  expect((await orderOf(store.host, leftPending)).status).toBe('PENDING');

  // A real order: paid at Stripe, not a test order.
  const real = await checkout(store.host, variantId);
  expect(real.payment.provider).toBe('stripe');
  const intentId = real.payment.clientParams.clientSecret!.split('_secret_')[0]!;
  expect((await stripe.pay(intentId, 'succeeded')).deliveryStatus).toBe(200);
  await placed(store, real);
  expect(await adminOrder(store, real)).toMatchObject({ test: false, payment: { test: false } });

  // The console: the test order is no revenue; the real one is.
  const usage = await usageOf(tenantId, (u) => u.orders === 1 && u.testOrders === 1);
  expect(usage.revenue).toEqual([{ currency: 'USD', amount: real.total }]);

  // A refund Stripe accepts as pending and then fails: failed, with why, in the merchant's view.
  stripe.holdNextRefunds(1);
  const pending = ok(
    await asOwner(store, `/api/admin/orders/${real.orderId}/refund`, { body: { amount: 1000 } }),
    201,
  ) as {
    refundId: string;
    status: string;
  };
  expect(pending.status).toBe('pending');
  const atStripe = stripe.events.filter((e) => e.type === 'refund.created').pop()!.data.object as {
    id: string;
  };
  expect((await stripe.failRefund(atStripe.id, 'lost_or_stolen_card')).deliveryStatus).toBe(200);
  const failed = await waitFor(
    'the failed refund in the order view',
    async () => {
      const refund = (await adminOrder(store, real)).payment?.refunds?.find(
        (r) => r.refundId === pending.refundId,
      );
      return refund?.status === 'failed' ? refund : undefined;
    },
    { timeoutMs: 15_000 },
  );
  expect(failed.failureReason).toBe('stripe_refund_failed: lost_or_stolen_card');
  const again = ok(await asOwner(store, `/api/admin/orders/${real.orderId}/refund`, { body: {} }), 201) as {
    status: string;
    amount: number;
  };
  expect(again).toMatchObject({ status: 'succeeded', amount: real.total });

  // Back to test mode (the owner's choice): the banner returns.
  expect(
    ok(await asOwner(store, '/api/admin/settings/payments/test-mode', { method: 'POST' })),
  ).toMatchObject({
    testMode: true,
  });
  await waitFor(
    'the store info to say test mode',
    async () => ((await info(store)).testMode ? true : undefined),
    {
      timeoutMs: 15_000,
    },
  );
}, 120_000);
