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
import { checkRefund } from '../src/domain/refunds/check-refund';
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

// A refund the provider accepted as pending whose webhook never comes still ends: the refund poll
// asks the provider (its stand-in, through the official SDK) and applies the answer as the webhook
// would. The retrier never scans on its own here: each test makes a check due and drains.

let fx: PaymentFixture;
let stripe: StripeStandIn;
let razorpay: RazorpayStandIn;

beforeAll(async () => {
  [stripe, razorpay] = await Promise.all([startStripeStandIn(), startRazorpayStandIn()]);
  fx = await startPayment('pay_refund_poll', {
    apiBases: { stripe: stripe.url, razorpay: razorpay.url },
    refundPoll: { afterMs: 3_600_000, maxIntervalMs: 7_200_000 },
    retrierPollMs: 3_600_000,
  });
});
afterAll(async () => {
  await fx?.close();
  await Promise.all([stripe?.close(), razorpay?.close()]);
});

const hex = () => randomBytes(10).toString('hex');

/** As the gateway forwards a provider's webhook: a context signed for the store. */
function gatewayHeaders(tenantId: string, provider: string): Record<string, string> {
  return {
    [CONTEXT_HEADER]: signContext(
      { requestId: `wh_${hex()}`, tenantId, actor: { kind: 'anonymous' } },
      SIGNING_KEY,
      contextTarget('payment', 'POST', `/api/webhooks/${provider}`),
    ),
  };
}

/** A webhook the provider sent late (after the poll), signed as the provider signs it. */
async function deliverLate(
  tenantId: string,
  provider: string,
  signed: { rawBody: string; headers: Record<string, string> },
): Promise<number> {
  const res = await fetch(`${fx.url}/api/webhooks/${provider}`, {
    method: 'POST',
    headers: { ...signed.headers, ...gatewayHeaders(tenantId, provider) },
    body: signed.rawBody,
  });
  return res.status;
}

const refund = async (tenantId: string, paymentId: string, amount: number) =>
  json<RefundView>(
    await fx.call(`/internal/payments/${paymentId}/refunds`, { body: { amount }, ctx: service(tenantId) }),
  );

interface RefundRow {
  status: string;
  provider_refund_id: string | null;
  checks: number;
  next_check_at: Date | null;
  failure_reason: string | null;
}
const row = async (refundId: string) =>
  (await fx.owner('refunds').where({ id: refundId }).first()) as RefundRow;

const receipt = async (eventId: string) =>
  (await fx.owner('webhook_receipts').where({ event_id: eventId }).first()) as
    { status: string; outcome: string | null } | undefined;

/** The webhook is late: the refund's first check is due now. */
const dueNow = (refundId: string) =>
  fx
    .owner('refunds')
    .where({ id: refundId })
    .update({ next_check_at: fx.owner.raw("now() - interval '1 second'") });

const outboxCount = async (type: string, refundId: string) =>
  Number(
    (
      (await fx
        .owner('outbox')
        .where({ type })
        .whereRaw("envelope->'data'->>'refundId' = ?", [refundId])
        .count({ n: '*' })
        .first()) as { n: string }
    ).n,
  );

async function view(tenantId: string, paymentId: string, refundId: string) {
  const payment = await getPayment(fx, tenantId, paymentId);
  return { payment, refund: payment.refunds?.find((r) => r.refundId === refundId) as RefundView };
}

/** The PaymentIntent's id is the prefix of its client secret (`pi_…_secret_…`). */
const intentOf = (payment: PaymentView) =>
  String(payment.clientParams.clientSecret).split('_secret_')[0] as string;

/** A Stripe store whose webhooks never reach us (no endpoint), paid 5000, with one refund held pending. */
async function stripePending(amount = 5000) {
  const tenantId = newTenant();
  const keys = {
    secretKey: `sk_test_${hex()}`,
    publishableKey: `pk_test_${hex()}`,
    webhookSecret: `whsec_${hex()}`,
  };
  stripe.addAccount(keys);
  expect((await putSettings(fx, tenantId, { provider: 'stripe', credentials: keys })).status).toBe(200);
  const payment = await createPayment(fx, tenantId, { amount: 5000 });
  const paid = await stripe.pay(intentOf(payment));
  expect(
    (await deliverLate(tenantId, 'stripe', stripe.signEvent(paid.event, keys.webhookSecret))).toString(),
  ).toBe('200');
  stripe.holdNextRefunds(1);
  const made = await refund(tenantId, payment.paymentId, amount);
  expect(made.status).toBe('pending');
  const atStripe = (await row(made.refundId)).provider_refund_id as string;
  expect(atStripe).toMatch(/^re_/);
  return { tenantId, keys, payment, refundId: made.refundId, atStripe };
}

const stripeReads = (atStripe: string) =>
  stripe.requests.filter((r) => r.method === 'GET' && r.path === `/v1/refunds/${atStripe}`).length;

describe('Stripe', () => {
  test('a pending refund whose webhook never comes is not asked about before its time', async () => {
    const { refundId, atStripe } = await stripePending();
    const pending = await row(refundId);
    expect(pending.next_check_at!.getTime()).toBeGreaterThan(Date.now() + 3_000_000); // afterMs: 1 h
    await fx.retrier.drain();
    expect(stripeReads(atStripe)).toBe(0);
  });

  test('succeeded at Stripe, webhook never sent: the poll settles it once; the late webhook changes nothing', async () => {
    const { tenantId, keys, payment, refundId, atStripe } = await stripePending();
    const { event } = await stripe.succeedRefund(atStripe);
    await dueNow(refundId);
    expect(await fx.retrier.drain()).toBeGreaterThanOrEqual(1);
    const polled = await view(tenantId, payment.paymentId, refundId);
    expect(polled.refund.status).toBe('succeeded');
    expect(polled.payment).toMatchObject({ status: 'refunded', refundedAmount: 5000 });
    expect(await outboxCount('payment.refunded', refundId)).toBe(1);
    expect((await row(refundId)).next_check_at).toBeNull();

    expect(await receipt(`refund_check:${refundId}`)).toMatchObject({ status: 'processed' });

    expect(await deliverLate(tenantId, 'stripe', stripe.signEvent(event, keys.webhookSecret))).toBe(200);
    await fx.processor.drain();
    expect(await receipt(event.id)).toMatchObject({ status: 'ignored', outcome: 'refund_not_pending' });
    const after = await view(tenantId, payment.paymentId, refundId);
    expect(after.payment).toMatchObject({ status: 'refunded', refundedAmount: 5000 });
    expect(await outboxCount('payment.refunded', refundId)).toBe(1);
    await fx.retrier.drain();
    expect(stripeReads(atStripe)).toBe(1); // settled: never asked again
  });

  test('failed at Stripe, webhook never sent: the poll ends it failed with the reason and frees the amount', async () => {
    const { tenantId, payment, refundId, atStripe } = await stripePending();
    await stripe.failRefund(atStripe, 'expired_or_canceled_card');
    await dueNow(refundId);
    await fx.retrier.drain();
    const polled = await view(tenantId, payment.paymentId, refundId);
    expect(polled.refund).toMatchObject({
      status: 'failed',
      failureReason: 'stripe_refund_failed: expired_or_canceled_card',
    });
    expect(polled.payment.refundedAmount).toBe(0);
    expect(await outboxCount('payment.refund_failed', refundId)).toBe(1);
    expect((await refund(tenantId, payment.paymentId, 5000)).status).toBe('succeeded');
  });

  test('still pending at Stripe: stays pending and is asked again later, with backoff', async () => {
    const { tenantId, payment, refundId, atStripe } = await stripePending();
    await dueNow(refundId);
    await fx.retrier.drain();
    const first = await row(refundId);
    expect(first).toMatchObject({ status: 'pending', checks: 1 });
    const wait1 = first.next_check_at!.getTime() - Date.now();
    expect(wait1).toBeGreaterThan(6_000_000); // 2 × afterMs
    await fx.retrier.drain();
    expect(stripeReads(atStripe)).toBe(1); // not due again yet
    await dueNow(refundId);
    await fx.retrier.drain();
    const second = await row(refundId);
    expect(second).toMatchObject({ status: 'pending', checks: 2 });
    expect(second.next_check_at!.getTime() - Date.now()).toBeGreaterThan(7_000_000); // capped at 2 h
    expect(stripeReads(atStripe)).toBe(2);
    expect((await view(tenantId, payment.paymentId, refundId)).payment.refundedAmount).toBe(0);
  });

  test('pending past the long bound: asked daily from then on, with a warning each time, never given an outcome', async () => {
    const { tenantId, payment, refundId, atStripe } = await stripePending();
    await fx
      .owner('refunds')
      .where({ id: refundId })
      .update({ created_at: fx.owner.raw("now() - interval '8 days'") });
    await dueNow(refundId);
    await fx.retrier.drain();
    const after = await row(refundId);
    expect(after).toMatchObject({ status: 'pending', checks: 1 });
    const wait = after.next_check_at!.getTime() - Date.now();
    expect(wait).toBeGreaterThan(23 * 3_600_000);
    expect(wait).toBeLessThanOrEqual(24 * 3_600_000);
    expect(
      fx.logs.some((l) => l.refundId === refundId && l.level === 'warn' && /long bound/.test(String(l.msg))),
    ).toBe(true);
    expect(stripeReads(atStripe)).toBe(1);
    expect((await view(tenantId, payment.paymentId, refundId)).refund.status).toBe('pending');
  });

  test('Stripe unreachable: the refund stays pending, is asked again later, and settles once Stripe answers', async () => {
    const { tenantId, payment, refundId, atStripe } = await stripePending();
    await stripe.succeedRefund(atStripe);
    stripe.setOutage(true);
    try {
      await dueNow(refundId);
      await fx.retrier.drain();
    } finally {
      stripe.setOutage(false);
    }
    expect(await row(refundId)).toMatchObject({ status: 'pending', checks: 1, failure_reason: null });
    await dueNow(refundId);
    await fx.retrier.drain();
    expect((await view(tenantId, payment.paymentId, refundId)).refund.status).toBe('succeeded');
  });

  test('the webhook settled it first: a check that comes after changes nothing', async () => {
    const { tenantId, keys, payment, refundId, atStripe } = await stripePending(2000);
    const { event } = await stripe.succeedRefund(atStripe);
    await dueNow(refundId);
    expect(await deliverLate(tenantId, 'stripe', stripe.signEvent(event, keys.webhookSecret))).toBe(200);
    await fx.processor.drain();
    expect((await view(tenantId, payment.paymentId, refundId)).refund.status).toBe('succeeded');
    expect(await checkRefund(fx.deps, { tenantId, refundId })).toBe('skipped');
    expect(await fx.retrier.drain()).toBe(0);
    expect(stripeReads(atStripe)).toBe(0);
    expect((await view(tenantId, payment.paymentId, refundId)).payment).toMatchObject({
      status: 'partially_refunded',
      refundedAmount: 2000,
    });
    expect(await outboxCount('payment.refunded', refundId)).toBe(1);
  });

  test("one tenant's poll never touches another tenant's refund", async () => {
    const a = await stripePending();
    const b = await stripePending();
    await stripe.succeedRefund(b.atStripe);
    await dueNow(b.refundId);
    // B's refund is due, but asked about in A's tenant it is invisible (RLS): not claimed, not asked.
    expect(await checkRefund(fx.deps, { tenantId: a.tenantId, refundId: b.refundId })).toBe('skipped');
    expect(await row(b.refundId)).toMatchObject({ status: 'pending', checks: 0 });
    expect(stripeReads(b.atStripe)).toBe(0);
    await fx.retrier.drain();
    expect((await view(b.tenantId, b.payment.paymentId, b.refundId)).refund.status).toBe('succeeded');
    expect(await row(a.refundId)).toMatchObject({ status: 'pending', checks: 0 });
    const events = await fx
      .owner('outbox')
      .where({ type: 'payment.refunded' })
      .whereRaw("envelope->'data'->>'refundId' = ?", [b.refundId])
      .select('tenant_id');
    expect(events).toEqual([{ tenant_id: b.tenantId }]);
  });
});

describe('Razorpay', () => {
  async function razorpayPending() {
    const tenantId = newTenant();
    const keys = { keyId: `rzp_test_${hex()}`, keySecret: hex(), webhookSecret: hex() };
    razorpay.addAccount(keys); // no webhook: nothing Razorpay sends reaches us
    expect((await putSettings(fx, tenantId, { provider: 'razorpay', credentials: keys })).status).toBe(200);
    const payment = await createPayment(fx, tenantId, { amount: 5000, currency: 'INR' });
    const paid = await razorpay.pay(String(payment.clientParams.orderId));
    const signed = razorpay.signEvent(paid.event, keys.webhookSecret, `evt_${hex()}`);
    expect(await deliverLate(tenantId, 'razorpay', signed)).toBe(200);
    await waitFor('the payment to succeed', async () =>
      (await getPayment(fx, tenantId, payment.paymentId)).status === 'succeeded' ? true : undefined,
    );
    razorpay.holdNextRefunds(keys.keyId, 1);
    const made = await refund(tenantId, payment.paymentId, 3000);
    expect(made.status).toBe('pending');
    const atRazorpay = (await row(made.refundId)).provider_refund_id as string;
    return { tenantId, keys, payment, refundId: made.refundId, atRazorpay };
  }

  test('processed at Razorpay, webhook never sent: the poll settles it; the late refund.processed changes nothing', async () => {
    const { tenantId, keys, payment, refundId, atRazorpay } = await razorpayPending();
    const { event } = await razorpay.processRefund(keys.keyId, atRazorpay);
    await dueNow(refundId);
    await fx.retrier.drain();
    expect((await view(tenantId, payment.paymentId, refundId)).payment).toMatchObject({
      status: 'partially_refunded',
      refundedAmount: 3000,
    });
    const lateId = `evt_${hex()}`;
    expect(
      await deliverLate(tenantId, 'razorpay', razorpay.signEvent(event, keys.webhookSecret, lateId)),
    ).toBe(200);
    await fx.processor.drain();
    expect(await receipt(lateId)).toMatchObject({ status: 'ignored', outcome: 'refund_not_pending' });
    expect((await view(tenantId, payment.paymentId, refundId)).payment.refundedAmount).toBe(3000);
    expect(await outboxCount('payment.refunded', refundId)).toBe(1);
  });

  test('failed at Razorpay, webhook never sent: the poll ends it failed', async () => {
    const { tenantId, keys, payment, refundId, atRazorpay } = await razorpayPending();
    await razorpay.failRefund(keys.keyId, atRazorpay);
    await dueNow(refundId);
    await fx.retrier.drain();
    const polled = await view(tenantId, payment.paymentId, refundId);
    expect(polled.refund).toMatchObject({ status: 'failed', failureReason: 'razorpay_refund_failed' });
    expect(polled.payment.refundedAmount).toBe(0);
  });
});
