import { newId } from '@fleet/db';
import { CONTEXT_HEADER, signContext } from '@fleet/tenancy';
import {
  newStripeEvent,
  newStripePaymentIntent,
  succeedStripePaymentIntent,
  startRazorpayStandIn,
  startStripeStandIn,
  waitFor,
  type RazorpayStandIn,
  type StripeStandIn,
} from '@fleet/testing';
import { checkConsistency } from './support/consistency';
import {
  createOrder,
  json,
  level,
  newTenant,
  orderBody,
  orderRow,
  placeOrder,
  settled,
  setStock,
  staff,
  startPlatform,
  type Platform,
} from './support/platform';
import { SIGNING_KEY } from './support/services';

/**
 * The acceptance flow per real provider, against the official SDKs talking to local stand-ins of
 * the provider APIs: the store chooses its provider -> order (the saga creates the payment at the
 * provider) -> the shopper pays at the provider -> its signed webhook -> PLACED and stock
 * committed -> the merchant refunds part, then the rest -> payment.refunded -> the order shows it.
 */
let p: Platform;
let stripe: StripeStandIn;
let razorpay: RazorpayStandIn;

beforeAll(async () => {
  [stripe, razorpay] = await Promise.all([startStripeStandIn(), startRazorpayStandIn()]);
  p = await startPlatform('ord_providers', { stripe: stripe.url, razorpay: razorpay.url });
}, 60_000);
afterAll(async () => {
  await p?.close();
  await Promise.all([stripe?.close(), razorpay?.close()]);
});

/** Headers of a delivery as the gateway forwards it from the store's host. */
const fromStoreHost = (tenantId: string, provider: string) => () => ({
  [CONTEXT_HEADER]: signContext(
    { requestId: newId('req'), tenantId, actor: { kind: 'anonymous' } },
    SIGNING_KEY,
    { audience: 'payment', method: 'POST', path: `/api/webhooks/${provider}` },
  ),
});
const webhookUrl = (provider: string) => `${p.payment.url}/api/webhooks/${provider}`;

async function choose(
  tenantId: string,
  provider: string,
  credentials: Record<string, string>,
): Promise<void> {
  const res = await p.call(p.payment.url, '/api/admin/settings/payments', {
    method: 'PUT',
    body: { provider, credentials },
    ctx: { ...staff(tenantId), actor: { kind: 'staff', id: 'stf_owner', roles: ['owner'] } },
  });
  if (res.status !== 200) throw new Error(`settings answered ${res.status}: ${await res.text()}`);
}

function stripeAccount(tenantId: string) {
  const id = tenantId.slice(-10);
  const account = {
    secretKey: `sk_test_${id}Secret01`,
    publishableKey: `pk_test_${id}Public01`,
    webhookSecret: `whsec_${id}Hook0123`,
  };
  stripe.addAccount({
    ...account,
    webhook: { url: webhookUrl('stripe'), headers: fromStoreHost(tenantId, 'stripe') },
  });
  return account;
}

function razorpayAccount(tenantId: string) {
  const id = tenantId.slice(-10);
  const account = {
    keyId: `rzp_test_${id}`,
    keySecret: `${id}KeySecret01`,
    webhookSecret: `${id}-webhook-secret`,
  };
  razorpay.addAccount({
    ...account,
    webhook: { url: webhookUrl('razorpay'), headers: fromStoreHost(tenantId, 'razorpay') },
  });
  return account;
}

async function providerRef(tenantId: string, orderId: string): Promise<string> {
  const row = await p.payment.owner('payments').where({ tenant_id: tenantId, order_id: orderId }).first();
  return row.provider_payment_id as string;
}

async function refundThroughOrder(tenantId: string, orderId: string, amount?: number): Promise<Response> {
  return p.call(p.order.url, `/api/admin/orders/${orderId}/refund`, {
    body: amount === undefined ? {} : { amount },
    ctx: staff(tenantId),
  });
}

async function refundedEvents(tenantId: string): Promise<Array<{ amount: number; refundedAmount: number }>> {
  const rows = await p.payment
    .owner('outbox')
    .where({ tenant_id: tenantId, type: 'payment.refunded' })
    .orderBy('seq');
  return rows.map((r: { envelope: { data: { amount: number; refundedAmount: number } } }) => r.envelope.data);
}

const providers = [
  {
    name: 'stripe',
    currency: 'USD',
    setUp: async (tenantId: string) => choose(tenantId, 'stripe', stripeAccount(tenantId)),
    pay: async (ref: string) => (await stripe.pay(ref, 'succeeded')).deliveryStatus,
    clientParams: { clientSecret: expect.stringMatching(/_secret_/), publishableKey: expect.any(String) },
  },
  {
    name: 'razorpay',
    currency: 'INR',
    setUp: async (tenantId: string) => choose(tenantId, 'razorpay', razorpayAccount(tenantId)),
    pay: async (ref: string) => (await razorpay.pay(ref, 'succeeded')).deliveryStatus,
    clientParams: { keyId: expect.stringMatching(/^rzp_test_/), orderId: expect.stringMatching(/^order_/) },
  },
];

describe.each(providers)('acceptance with $name', (provider) => {
  test('order -> provider webhook -> PLACED -> partial and full refund -> payment.refunded', async () => {
    const tenant = newTenant();
    await provider.setUp(tenant);
    await setStock(p, tenant, 'var_acc', 3);
    const order = await placeOrder(p, tenant, orderBody([['var_acc', 2]], { currency: provider.currency }));
    expect(order.payment.provider).toBe(provider.name);
    expect(order.payment.clientParams).toMatchObject(provider.clientParams);

    const ref = await providerRef(tenant, order.orderId);
    expect(await provider.pay(ref)).toBe(200);
    await settled(p, tenant, order.orderId, 'PLACED');

    const part = await refundThroughOrder(tenant, order.orderId, 500);
    expect(part.status).toBe(201);
    await waitFor('the partial refund on the order', async () =>
      (await orderRow(p, tenant, order.orderId))?.refunded_amount === '500' ? true : undefined,
    );
    const over = await refundThroughOrder(tenant, order.orderId, order.total);
    expect([over.status, (await json(over)).code]).toEqual([422, 'refund_exceeds_payment']);
    const rest = await refundThroughOrder(tenant, order.orderId);
    expect(rest.status).toBe(201);
    expect(await json(rest)).toMatchObject({ amount: order.total - 500 });
    await waitFor('the full refund on the order', async () =>
      (await orderRow(p, tenant, order.orderId))?.refunded_amount === String(order.total) ? true : undefined,
    );
    // The provider's own refund webhooks arrive too; they settle nothing twice.
    await new Promise((r) => setTimeout(r, 300));
    expect(await refundedEvents(tenant)).toEqual([
      expect.objectContaining({ amount: 500, refundedAmount: 500 }),
      expect.objectContaining({ amount: order.total - 500, refundedAmount: order.total }),
    ]);
    const payment = await p.payment
      .owner('payments')
      .where({ tenant_id: tenant, order_id: order.orderId })
      .first();
    expect([payment.status, Number(payment.refunded_amount)]).toEqual(['refunded', order.total]);
    expect((await orderRow(p, tenant, order.orderId))?.refunded_amount).toBe(String(order.total));
  });

  test('a declined attempt keeps the order waiting; the second attempt places it', async () => {
    const tenant = newTenant();
    await provider.setUp(tenant);
    await setStock(p, tenant, 'var_dec', 1);
    const order = await placeOrder(p, tenant, orderBody([['var_dec', 1]], { currency: provider.currency }));
    const ref = await providerRef(tenant, order.orderId);
    const declined =
      provider.name === 'stripe' ? await stripe.pay(ref, 'failed') : await razorpay.pay(ref, 'failed');
    expect(declined.deliveryStatus).toBe(200);
    const payment = () =>
      p.payment.owner('payments').where({ tenant_id: tenant, order_id: order.orderId }).first();
    await waitFor('the decline to be recorded', async () =>
      (await payment()).failure_reason ? true : undefined,
    );
    expect((await payment()).status).toBe('pending');
    expect((await orderRow(p, tenant, order.orderId))?.status).toBe('PENDING');
    expect(await provider.pay(ref)).toBe(200);
    await settled(p, tenant, order.orderId, 'PLACED');
    expect((await checkConsistency(p, tenant)).problems).toEqual([]);
  });
});

test('Razorpay refusing the payment (below its minimum) rejects the order at once and frees the stock', async () => {
  const tenant = newTenant();
  await choose(tenant, 'razorpay', razorpayAccount(tenant));
  await setStock(p, tenant, 'var_min', 4);
  // 0.40 INR: Razorpay's minimum order is 1.00. A refusal no retry can change is not "unavailable".
  const res = await createOrder(
    p,
    tenant,
    orderBody([['var_min', 1, 40]], { currency: 'INR', shipping: 0, total: 40 }),
  );
  expect(res.status).toBe(422);
  expect(await json(res)).toMatchObject({
    code: 'payment_rejected',
    paymentCode: 'provider_rejected_request',
  });
  const [row] = await p.orderOwner('orders').where({ tenant_id: tenant });
  await settled(p, tenant, row.id, 'REJECTED');
  expect(await level(p, tenant, 'var_min')).toEqual({ onHand: 4, reserved: 0 });
  expect((await checkConsistency(p, tenant)).problems).toEqual([]);
});

test("a webhook signed with one store's secret is refused on another store's host", async () => {
  const a = newTenant();
  const b = newTenant();
  const c = newTenant();
  await choose(a, 'stripe', stripeAccount(a));
  await choose(b, 'razorpay', razorpayAccount(b));
  const cAccount = stripeAccount(c);
  await choose(c, 'stripe', cAccount);
  await setStock(p, a, 'var_x', 1);
  const order = await placeOrder(p, a, orderBody([['var_x', 1]], { currency: 'USD' }));
  const ref = await providerRef(a, order.orderId);
  const paid = await stripe.pay(ref, 'succeeded');
  await settled(p, a, order.orderId, 'PLACED');
  // Replay A's genuine, A-signed event at B's host (Razorpay, no Stripe keys) and C's (other secret).
  const aSecret = `whsec_${a.slice(-10)}Hook0123`;
  expect(cAccount.webhookSecret).not.toBe(aSecret);
  const delivery = stripe.signEvent(paid.event, aSecret);
  for (const [tenant, provider] of [
    [b, 'stripe'],
    [c, 'stripe'],
    [b, 'razorpay'],
  ] as const) {
    const res = await fetch(webhookUrl(provider), {
      method: 'POST',
      headers: { ...delivery.headers, ...fromStoreHost(tenant, provider)() },
      body: delivery.rawBody,
    });
    expect(res.status).toBe(400);
    expect((await json(res)).code).toBe('invalid_webhook_signature');
  }
  expect(await p.payment.owner('webhook_receipts').whereIn('tenant_id', [b, c])).toEqual([]);
  // The same delivery at A's own host is a recognised repeat: 200, nothing changes.
  const again = await fetch(webhookUrl('stripe'), {
    method: 'POST',
    headers: { ...delivery.headers, ...fromStoreHost(a, 'stripe')() },
    body: delivery.rawBody,
  });
  expect([again.status, (await json(again)).duplicate]).toEqual([200, true]);
});

test('a provider event for a payment we do not know yet is stored and retried, not dropped', async () => {
  const tenant = newTenant();
  const account = stripeAccount(tenant);
  await choose(tenant, 'stripe', account);
  // A genuine event for an intent this store's payments do not show yet (it can beat our commit).
  const intent = newStripePaymentIntent({ amount: 100, currency: 'usd' });
  succeedStripePaymentIntent(intent);
  const event = newStripeEvent('payment_intent.succeeded', intent);
  const delivery = stripe.signEvent(event, account.webhookSecret);
  const res = await fetch(webhookUrl('stripe'), {
    method: 'POST',
    headers: { ...delivery.headers, ...fromStoreHost(tenant, 'stripe')() },
    body: delivery.rawBody,
  });
  expect([res.status, (await json(res)).duplicate]).toEqual([200, false]);
  const receipt = await waitFor('a retry of the early event', async () => {
    const row = await p.payment.owner('webhook_receipts').where({ tenant_id: tenant }).first();
    return row && row.attempts >= 2 ? row : undefined;
  });
  expect(receipt.status).toBe('pending');
});
