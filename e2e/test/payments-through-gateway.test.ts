import { randomUUID } from 'node:crypto';
import {
  requestAs,
  startRazorpayStandIn,
  startStripeStandIn,
  waitFor,
  type RazorpayStandIn,
  type StripeStandIn,
} from '@fleet/testing';
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
 * The acceptance flow of issue 6 through the front door, once per real provider: a merchant signs
 * up, enters the provider's keys, stocks a product; a shopper checks out on the store's host, pays
 * at the provider (the official SDK's stand-in), whose signed webhook comes back through the
 * gateway to PLACED; the merchant refunds part and the order shows it (via payment.refunded).
 */
let platform: ProcessPlatform;
let stripe: StripeStandIn;
let razorpay: RazorpayStandIn;
let gateway: string;
let call: FrontDoor['call'];
let signUp: FrontDoor['signUp'];
let asOwner: FrontDoor['asOwner'];
let checkout: FrontDoor['checkout'];
let orderOf: FrontDoor['orderOf'];

beforeAll(async () => {
  [stripe, razorpay] = await Promise.all([startStripeStandIn(), startRazorpayStandIn()]);
  platform = await startProcessPlatform({
    payment: { STRIPE_API_BASE: stripe.url, RAZORPAY_API_BASE: razorpay.url },
  });
  ({ gateway, call, signUp, asOwner, checkout, orderOf } = frontDoor(platform));
}, 120_000);
afterAll(async () => {
  await platform?.stop();
  await Promise.all([stripe?.close(), razorpay?.close()]);
});

async function stockedVariant(store: Store, currency: string): Promise<string> {
  const product = ok(
    await asOwner(store, '/api/admin/products', {
      body: {
        title: 'Walnut Desk',
        description: 'Solid walnut.',
        categoryIds: [],
        variants: [
          { sku: `DESK-${randomUUID().slice(0, 8)}`, title: 'Large', price: 25_000, currency, stock: 5 },
        ],
      },
    }),
    201,
  ) as { variants: Array<{ id: string }> };
  const variantId = product.variants[0]!.id;
  ok(await asOwner(store, `/api/admin/inventory/${variantId}`, { method: 'PUT', body: { onHand: 5 } }));
  return variantId;
}

async function refundAndSee(store: Store, c: Checkout): Promise<void> {
  ok(await asOwner(store, `/api/admin/orders/${c.orderId}/refund`, { body: { amount: 500 } }), 201);
  const over = await asOwner(store, `/api/admin/orders/${c.orderId}/refund`, { body: { amount: c.total } });
  expect([over.status, over.json().code]).toEqual([422, 'refund_exceeds_payment']);
  await waitFor(
    'payment.refunded to reach the order',
    async () => {
      const view = ok(await asOwner(store, `/api/admin/orders/${c.orderId}`)) as { refundedAmount: number };
      return view.refundedAmount === 500 ? view : undefined;
    },
    { timeoutMs: 10_000 },
  );
}

const storeHostHeaders = (store: Store) => () => ({ host: store.host });

test('Stripe: checkout -> PaymentIntent -> signed webhook through the gateway -> PLACED -> refund', async () => {
  const store = await signUp('stripe-shop', 'USD', 'US');
  const keys = {
    secretKey: 'sk_test_e2eStripeShop0001',
    publishableKey: 'pk_test_e2eStripeShop0001',
    webhookSecret: 'whsec_e2eStripeShop0001',
  };
  stripe.addAccount({
    ...keys,
    webhook: { url: `${gateway}/api/webhooks/stripe`, headers: storeHostHeaders(store) },
  });
  const settings = ok(
    await asOwner(store, '/api/admin/settings/payments', {
      method: 'PUT',
      body: { provider: 'stripe', credentials: keys },
    }),
  );
  expect(JSON.stringify(settings)).not.toContain(keys.secretKey);

  const order = await checkout(store.host, await stockedVariant(store, 'USD'));
  expect(order.payment.provider).toBe('stripe');
  const intentId = order.payment.clientParams.clientSecret!.split('_secret_')[0]!;
  expect((await stripe.pay(intentId, 'succeeded')).deliveryStatus).toBe(200);
  await waitFor(
    'PLACED',
    async () => ((await orderOf(store.host, order)).status === 'PLACED' ? true : undefined),
    {
      timeoutMs: 10_000,
    },
  );
  await refundAndSee(store, order);

  // The same event signed with this store's secret is refused on another store's host.
  const other = await signUp('stripe-other', 'USD', 'US');
  const replay = stripe.signEvent(
    stripe.events.find((e) => e.type === 'payment_intent.succeeded')!,
    keys.webhookSecret,
  );
  const res = await requestAs(other.host, `${gateway}/api/webhooks/stripe`, {
    method: 'POST',
    headers: replay.headers,
    body: replay.rawBody,
  });
  expect([res.status, res.json().code]).toEqual([400, 'invalid_webhook_signature']);
});

test('Razorpay: checkout -> order in paise -> checkout signature confirmed through the gateway -> PLACED -> refund', async () => {
  const store = await signUp('razor-shop', 'INR', 'IN');
  const keys = {
    keyId: 'rzp_test_e2eRazorShop',
    keySecret: 'e2eRazorShopSecret01',
    webhookSecret: 'e2e-razor-webhook',
  };
  razorpay.addAccount({
    ...keys,
    webhook: { url: `${gateway}/api/webhooks/razorpay`, headers: storeHostHeaders(store) },
  });
  ok(
    await asOwner(store, '/api/admin/settings/payments', {
      method: 'PUT',
      body: { provider: 'razorpay', credentials: keys },
    }),
  );

  const order = await checkout(store.host, await stockedVariant(store, 'INR'));
  expect(order.payment).toMatchObject({
    provider: 'razorpay',
    clientParams: { keyId: keys.keyId, currency: 'INR' },
  });
  const rzpOrder = order.payment.clientParams.orderId!;
  const paid = await razorpay.pay(rzpOrder, 'succeeded');
  const forged = await call(store.host, `/api/store/payments/${order.payment.paymentId}/confirm`, {
    body: {
      razorpay_order_id: rzpOrder,
      razorpay_payment_id: paid.paymentId,
      razorpay_signature: '0'.repeat(64),
    },
  });
  expect([forged.status, forged.json().code]).toEqual([400, 'invalid_payment_signature']);
  const confirmed = await call(store.host, `/api/store/payments/${order.payment.paymentId}/confirm`, {
    body: {
      razorpay_order_id: rzpOrder,
      razorpay_payment_id: paid.paymentId,
      razorpay_signature: paid.signature,
    },
  });
  expect(ok(confirmed)).toEqual({ paymentId: order.payment.paymentId, outcome: 'succeeded' });
  await waitFor(
    'PLACED',
    async () => ((await orderOf(store.host, order)).status === 'PLACED' ? true : undefined),
    {
      timeoutMs: 10_000,
    },
  );
  await refundAndSee(store, order);
});
