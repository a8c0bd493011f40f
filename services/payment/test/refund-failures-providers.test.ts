import { randomBytes } from 'node:crypto';
import type { PaymentView, RefundView } from '@fleet/contracts';
import { CONTEXT_HEADER, contextTarget, signContext } from '@fleet/tenancy';
import {
  startRazorpayStandIn,
  startStripeStandIn,
  waitFor,
  type RazorpayStandIn,
  type StripeStandIn,
} from '@fleet/testing';
import {
  createPayment,
  getPayment,
  json,
  newTenant,
  putSettings,
  service,
  SIGNING_KEY,
  startPayment,
  type PaymentFixture,
} from './payment-fixture';

// Issue 13, item 11, against what Stripe and Razorpay answer (their stand-ins, spoken to by the
// official SDKs): a refund refused by the API, a refund accepted as pending that fails later
// (refund.failed webhooks), and a provider that cannot be reached or loses the answer.

let fx: PaymentFixture;
let stripe: StripeStandIn;
let razorpay: RazorpayStandIn;

beforeAll(async () => {
  [stripe, razorpay] = await Promise.all([startStripeStandIn(), startRazorpayStandIn()]);
  fx = await startPayment('pay_refund_prov', {
    apiBases: { stripe: stripe.url, razorpay: razorpay.url },
    refundRetry: { baseMs: 100, maxMs: 400, maxAttempts: 6 },
  });
});
afterAll(async () => {
  await fx?.close();
  await Promise.all([stripe?.close(), razorpay?.close()]);
});

const hex = () => randomBytes(10).toString('hex');
/** Webhooks reach the service as the gateway forwards them: with a context signed for the store. */
const webhookTo = (tenantId: string, provider: string) => ({
  url: `${fx.url}/api/webhooks/${provider}`,
  headers: () => ({
    [CONTEXT_HEADER]: signContext(
      { requestId: `wh_${hex()}`, tenantId, actor: { kind: 'anonymous' } },
      SIGNING_KEY,
      contextTarget('payment', 'POST', `/api/webhooks/${provider}`),
    ),
  }),
});

async function configure(tenantId: string, body: unknown): Promise<void> {
  expect((await putSettings(fx, tenantId, body)).status).toBe(200);
}

const refund = (tenantId: string, paymentId: string, body: unknown = {}) =>
  fx.call(`/internal/payments/${paymentId}/refunds`, { body, ctx: service(tenantId) });

async function paid(tenantId: string, payment: PaymentView): Promise<void> {
  await waitFor('the payment to succeed', async () =>
    (await getPayment(fx, tenantId, payment.paymentId)).status === 'succeeded' ? true : undefined,
  );
}

async function ended(tenantId: string, paymentId: string, refundId: string): Promise<RefundView> {
  return waitFor(
    'the refund to end',
    async () => {
      const found = (await getPayment(fx, tenantId, paymentId)).refunds?.find((r) => r.refundId === refundId);
      return found && found.status !== 'pending' ? found : undefined;
    },
    { timeoutMs: 15_000 },
  );
}

const providerRefundId = async (refundId: string) =>
  ((await fx.owner('refunds').where({ id: refundId }).first()) as { provider_refund_id: string | null })
    .provider_refund_id;

describe('Stripe', () => {
  async function stripeStore() {
    const tenantId = newTenant();
    const keys = {
      secretKey: `sk_test_${hex()}`,
      publishableKey: `pk_test_${hex()}`,
      webhookSecret: `whsec_${hex()}`,
    };
    stripe.addAccount({ ...keys, webhook: webhookTo(tenantId, 'stripe') });
    await configure(tenantId, { provider: 'stripe', credentials: keys });
    const payment = await createPayment(fx, tenantId, { amount: 5000 });
    await stripe.pay(intentOf(payment));
    await paid(tenantId, payment);
    return { tenantId, keys, payment };
  }
  /** The PaymentIntent's id is the prefix of its client secret (`pi_…_secret_…`). */
  const intentOf = (payment: PaymentView) =>
    String(payment.clientParams.clientSecret).split('_secret_')[0] as string;

  test('a refund Stripe refuses (already refunded at Stripe) ends failed with its code', async () => {
    const { tenantId, keys, payment } = await stripeStore();
    const intentId = intentOf(payment);
    // Refunded in Stripe's dashboard: Stripe now refuses any further refund of the charge.
    const direct = await fetch(`${stripe.url}/v1/refunds`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${keys.secretKey}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: `payment_intent=${intentId}`,
    });
    expect(direct.status).toBe(200);
    const res = await refund(tenantId, payment.paymentId, { amount: 1000 });
    expect(res.status).toBe(201);
    const failed = await json<RefundView>(res);
    expect(failed.status).toBe('failed');
    expect(failed.failureReason).toMatch(/provider_rejected_request.*charge_already_refunded/);
    expect(failed.failureReason).not.toContain(keys.secretKey);
    expect(await getPayment(fx, tenantId, payment.paymentId)).toMatchObject({ refundedAmount: 0 });
  });

  test('a refund Stripe accepted as pending and then failed (refund.failed) ends failed; the amount may be refunded again', async () => {
    const { tenantId, payment } = await stripeStore();
    stripe.holdNextRefunds(1);
    const first = await json<RefundView>(await refund(tenantId, payment.paymentId, { amount: 5000 }));
    expect(first.status).toBe('pending');
    const atStripe = await providerRefundId(first.refundId);
    expect(atStripe).toMatch(/^re_/);
    expect((await refund(tenantId, payment.paymentId, { amount: 1 })).status).toBe(422); // still held
    const delivery = await stripe.failRefund(atStripe as string, 'expired_or_canceled_card');
    expect(delivery.deliveryStatus).toBe(200);
    const done = await ended(tenantId, payment.paymentId, first.refundId);
    expect(done).toMatchObject({
      status: 'failed',
      failureReason: 'stripe_refund_failed: expired_or_canceled_card',
    });
    const again = await json<RefundView>(await refund(tenantId, payment.paymentId, { amount: 5000 }));
    expect(again.status).toBe('succeeded');
    expect(await getPayment(fx, tenantId, payment.paymentId)).toMatchObject({
      status: 'refunded',
      refundedAmount: 5000,
    });
  });

  test('while Stripe is down the refund stays pending and is retried; it succeeds once Stripe is back', async () => {
    const { tenantId, payment } = await stripeStore();
    stripe.setOutage(true);
    let first: RefundView;
    try {
      first = await json<RefundView>(await refund(tenantId, payment.paymentId, { amount: 700 }));
      expect(first).toMatchObject({ status: 'pending', attempts: 1 });
    } finally {
      stripe.setOutage(false);
    }
    const done = await ended(tenantId, payment.paymentId, first.refundId);
    expect(done.status).toBe('succeeded');
    const made = stripe.events.filter(
      (e) => e.type === 'charge.refunded' && JSON.stringify(e.data.object).includes(first.refundId),
    );
    expect(made).toHaveLength(1); // one refund at Stripe, however often it was asked
  });
});

describe('Razorpay', () => {
  async function razorpayStore() {
    const tenantId = newTenant();
    const keys = { keyId: `rzp_test_${hex()}`, keySecret: hex(), webhookSecret: hex() };
    razorpay.addAccount({ ...keys, webhook: webhookTo(tenantId, 'razorpay') });
    await configure(tenantId, { provider: 'razorpay', credentials: keys });
    const payment = await createPayment(fx, tenantId, { amount: 5000, currency: 'INR' });
    await razorpay.pay(String(payment.clientParams.orderId));
    await paid(tenantId, payment);
    return { tenantId, keys, payment };
  }

  test('a refund Razorpay refuses (400: refunded already) ends failed with its words', async () => {
    const { tenantId, keys, payment } = await razorpayStore();
    const [captured] = razorpay.payments(keys.keyId);
    const direct = await fetch(`${razorpay.url}/v1/payments/${captured!.id}/refund`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${keys.keyId}:${keys.keySecret}`).toString('base64')}`,
        'content-type': 'application/json',
      },
      body: '{}',
    });
    expect(direct.status).toBe(200);
    const failed = await json<RefundView>(await refund(tenantId, payment.paymentId, { amount: 1000 }));
    expect(failed.status).toBe('failed');
    expect(failed.failureReason).toMatch(/provider_rejected_request.*HTTP 400/);
  });

  test('a pending Razorpay refund that fails (refund.failed) ends failed; the amount may be refunded again', async () => {
    const { tenantId, keys, payment } = await razorpayStore();
    razorpay.holdNextRefunds(keys.keyId, 1);
    const first = await json<RefundView>(await refund(tenantId, payment.paymentId, { amount: 5000 }));
    expect(first.status).toBe('pending');
    const atRazorpay = await providerRefundId(first.refundId);
    const delivery = await razorpay.failRefund(keys.keyId, atRazorpay as string);
    expect(delivery.deliveryStatus).toBe(200);
    const done = await ended(tenantId, payment.paymentId, first.refundId);
    expect(done).toMatchObject({ status: 'failed', failureReason: 'razorpay_refund_failed' });
    const again = await json<RefundView>(await refund(tenantId, payment.paymentId, { amount: 5000 }));
    expect(again.status).toBe('succeeded');
  });

  test('a lost answer is retried and finds the refund Razorpay made: one refund, succeeded', async () => {
    const { tenantId, keys, payment } = await razorpayStore();
    razorpay.dropNextRefundResponses(1);
    const first = await json<RefundView>(await refund(tenantId, payment.paymentId, { amount: 1200 }));
    expect(first).toMatchObject({ status: 'pending', attempts: 1 });
    expect((await ended(tenantId, payment.paymentId, first.refundId)).status).toBe('succeeded');
    expect(razorpay.refunds(keys.keyId)).toHaveLength(1);
  });
});
