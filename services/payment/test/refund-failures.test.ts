import type { PaymentRefundFailed, PaymentView } from '@fleet/contracts';
import { AppError } from '@fleet/errors';
import type { PaymentProvider, ProviderRefundInput } from '@fleet/payment-providers';
import { waitFor } from '@fleet/testing';
import { createRegisteredProviders } from '../src/domain/providers/registry';
import type { RefundView } from '../src/domain/payments/views';
import {
  createPayment,
  getPayment,
  json,
  newTenant,
  outbox,
  service,
  simulate,
  startPayment,
  type PaymentFixture,
} from './payment-fixture';

// Issue 13, item 11: a refund the provider refuses ends `failed` with why and frees its amount; one
// the provider could not take is retried with backoff, bounded, then ends `failed` too. Every
// refund ends. Here the offline provider's refunds follow a script per payment (what Stripe and
// Razorpay actually answer is in refund-failures-providers.test.ts).

type Step = 'ok' | 'transient' | 'permanent';
const scripts = new Map<string, Step[]>();
const calls: ProviderRefundInput[] = [];

/** The offline provider as registered, its refunds following the payment's script. */
const scripted = (offline: PaymentProvider): PaymentProvider => ({
  ...offline,
  async refund(ctx, input) {
    calls.push(input);
    const step = scripts.get(input.providerPaymentId)?.shift() ?? 'ok';
    if (step === 'transient') {
      throw new AppError('unavailable', 'The provider could not be reached.', { code: 'provider_error' });
    }
    if (step === 'permanent') {
      throw new AppError('business_rule', 'The provider refused to refund the payment (card closed).', {
        code: 'provider_rejected_request',
      });
    }
    return offline.refund(ctx, input);
  },
});

let fx: PaymentFixture;
beforeAll(async () => {
  const offline = (await createRegisteredProviders()).find((p) => p.name === 'offline')!;
  fx = await startPayment('pay_refund_fail', { providers: [scripted(offline)] });
});
afterAll(() => fx.close());

async function paidPayment(tenantId: string, script: Step[], amount = 1000): Promise<PaymentView> {
  const payment = await createPayment(fx, tenantId, { amount });
  scripts.set(`off_${payment.paymentId}`, script);
  expect((await simulate(fx, tenantId, payment.paymentId, 'succeeded')).status).toBe(202);
  await waitFor('payment succeeded', async () =>
    (await getPayment(fx, tenantId, payment.paymentId)).status === 'succeeded' ? true : undefined,
  );
  return payment;
}

const refund = (tenantId: string, paymentId: string, body: unknown = {}) =>
  fx.call(`/internal/payments/${paymentId}/refunds`, { body, ctx: service(tenantId) });
const callsFor = (payment: PaymentView) =>
  calls.filter((c) => c.providerPaymentId === `off_${payment.paymentId}`);

async function refundEnded(tenantId: string, paymentId: string, refundId: string): Promise<RefundView> {
  return waitFor(
    'the refund to end',
    async () => {
      const found = (await getPayment(fx, tenantId, paymentId)).refunds?.find((r) => r.refundId === refundId);
      return found && found.status !== 'pending' ? (found as RefundView) : undefined;
    },
    { timeoutMs: 15_000 },
  );
}

test('a refund the provider refuses ends failed with why, frees its amount, and says so in an event', async () => {
  const tenantId = newTenant();
  const payment = await paidPayment(tenantId, ['permanent', 'ok']);
  const res = await refund(tenantId, payment.paymentId, { amount: 1000, reason: 'damaged' });
  expect(res.status).toBe(201);
  const failed = await json<RefundView>(res);
  expect(failed).toMatchObject({
    status: 'failed',
    amount: 1000,
    failureReason: expect.stringContaining('provider_rejected_request'),
    attempts: 0,
  });
  expect(failed.failureReason).toContain('card closed');
  expect(callsFor(payment)).toHaveLength(1); // a refusal is not retried
  const view = await getPayment(fx, tenantId, payment.paymentId);
  expect(view).toMatchObject({ status: 'succeeded', refundedAmount: 0 });
  expect(view.refunds).toEqual([expect.objectContaining({ refundId: failed.refundId, status: 'failed' })]);
  const [event] = await outbox(fx, tenantId, 'payment.refund_failed');
  expect(event?.envelope.data as PaymentRefundFailed).toEqual({
    paymentId: payment.paymentId,
    orderId: payment.orderId,
    refundId: failed.refundId,
    amount: 1000,
    currency: 'USD',
    reason: failed.failureReason,
    test: true,
  });
  expect(await outbox(fx, tenantId, 'payment.refunded')).toHaveLength(0);

  // The whole amount may be refunded again.
  const again = await json<RefundView>(await refund(tenantId, payment.paymentId, { amount: 1000 }));
  expect(again).toMatchObject({ status: 'succeeded', amount: 1000 });
  expect(await getPayment(fx, tenantId, payment.paymentId)).toMatchObject({
    status: 'refunded',
    refundedAmount: 1000,
  });
});

test('a provider that cannot be reached is asked again with backoff, the same refund each time, until it takes it', async () => {
  const tenantId = newTenant();
  const payment = await paidPayment(tenantId, ['transient', 'transient', 'ok']);
  const res = await refund(tenantId, payment.paymentId, { amount: 400 });
  expect(res.status).toBe(201);
  const first = await json<RefundView>(res);
  expect(first).toMatchObject({ status: 'pending', attempts: 1, failureReason: null });
  // Pending counts against the payment while it may still succeed.
  const over = await refund(tenantId, payment.paymentId, { amount: 601 });
  expect(over.status).toBe(422);

  const ended = await refundEnded(tenantId, payment.paymentId, first.refundId);
  expect(ended).toMatchObject({ status: 'succeeded', attempts: 2 });
  expect(callsFor(payment).map((c) => c.refundId)).toEqual([first.refundId, first.refundId, first.refundId]);
  expect(await getPayment(fx, tenantId, payment.paymentId)).toMatchObject({
    status: 'partially_refunded',
    refundedAmount: 400,
  });
  const [row] = await fx.owner('refunds').where({ id: first.refundId });
  expect(row).toMatchObject({ next_attempt_at: null, last_error: expect.stringContaining('provider_error') });
});

test('retries are bounded: after the last attempt the refund ends failed and its amount is free', async () => {
  const tenantId = newTenant();
  const payment = await paidPayment(tenantId, Array<Step>(10).fill('transient'));
  const first = await json<RefundView>(await refund(tenantId, payment.paymentId, {}));
  expect(first).toMatchObject({ status: 'pending', amount: 1000 });
  const ended = await refundEnded(tenantId, payment.paymentId, first.refundId);
  expect(ended).toMatchObject({ status: 'failed', attempts: 4 });
  expect(ended.failureReason).toMatch(/provider_error.*gave up after 4 attempts/);
  expect(callsFor(payment)).toHaveLength(4); // maxAttempts in the fixture
  await new Promise((resolve) => setTimeout(resolve, 300)); // no further attempt once it ended
  expect(callsFor(payment)).toHaveLength(4);
  expect(await outbox(fx, tenantId, 'payment.refund_failed')).toHaveLength(1);
  scripts.set(`off_${payment.paymentId}`, ['ok']);
  expect(await json(await refund(tenantId, payment.paymentId, {}))).toMatchObject({ status: 'succeeded' });
});

test("a repeat of the merchant's request while a retry is scheduled returns the same refund, submitted once at a time", async () => {
  const tenantId = newTenant();
  const payment = await paidPayment(tenantId, ['transient', 'ok']);
  const key = { 'idempotency-key': 'merchant-click-1' };
  const send = () =>
    fx.call(`/internal/payments/${payment.paymentId}/refunds`, {
      body: { amount: 100 },
      ctx: service(tenantId),
      headers: key,
    });
  const first = await json<RefundView>(await send());
  expect(first.status).toBe('pending');
  const ended = await refundEnded(tenantId, payment.paymentId, first.refundId);
  expect(ended.status).toBe('succeeded');
  const repeat = await send();
  expect(repeat.status).toBe(200);
  expect(await json(repeat)).toMatchObject({ refundId: first.refundId, status: 'succeeded' });
  expect(callsFor(payment)).toHaveLength(2);
});

test("another store cannot see a store's refunds", async () => {
  const tenantId = newTenant();
  const payment = await paidPayment(tenantId, ['permanent']);
  await refund(tenantId, payment.paymentId, { amount: 10 });
  const other = await fx.call(`/internal/payments/${payment.paymentId}`, { ctx: service(newTenant()) });
  expect(other.status).toBe(404);
  const refundThere = await refund(newTenant(), payment.paymentId, { amount: 10 });
  expect(refundThere.status).toBe(404);
});
