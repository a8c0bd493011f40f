import type { PaymentRefunded, PaymentView } from '@fleet/contracts';
import { waitFor } from '@fleet/testing';
import type { RefundView } from '../src/domain/payments/views';
import {
  createPayment,
  deliverWebhook,
  getPayment,
  json,
  newTenant,
  outbox,
  receipts,
  service,
  signedWebhook,
  simulate,
  startPayment,
  webhookSecret,
  type PaymentFixture,
} from './payment-fixture';

let fx: PaymentFixture;
beforeAll(async () => {
  fx = await startPayment('pay_refunds');
});
afterAll(() => fx.close());

async function paidPayment(tenantId: string, amount = 1000): Promise<PaymentView> {
  const payment = await createPayment(fx, tenantId, { amount });
  expect((await simulate(fx, tenantId, payment.paymentId, 'succeeded')).status).toBe(202);
  await waitFor(
    'payment succeeded',
    async () => (await getPayment(fx, tenantId, payment.paymentId)).status === 'succeeded',
  );
  return payment;
}

const refund = (tenantId: string, paymentId: string, body: unknown = {}, key?: string) =>
  fx.call(`/internal/payments/${paymentId}/refunds`, {
    body,
    ctx: service(tenantId),
    headers: key ? { 'idempotency-key': key } : {},
  });

const refundedEvents = async (tenantId: string) =>
  (await outbox(fx, tenantId, 'payment.refunded')).map((e) => e.envelope.data as PaymentRefunded);

test('a partial then the remaining refund: partially_refunded, then refunded, one event each', async () => {
  const tenantId = newTenant();
  const payment = await paidPayment(tenantId, 1000);
  const first = await refund(tenantId, payment.paymentId, { amount: 300, reason: 'damaged' });
  expect(first.status).toBe(201);
  const partial = await json<RefundView>(first);
  expect(partial).toEqual({
    refundId: expect.stringMatching(/^ref_/),
    paymentId: payment.paymentId,
    amount: 300,
    currency: 'USD',
    status: 'succeeded',
    reason: 'damaged',
    failureReason: null,
    attempts: 0,
    createdAt: expect.any(String),
  });
  expect(await getPayment(fx, tenantId, payment.paymentId)).toMatchObject({
    status: 'partially_refunded',
    refundedAmount: 300,
  });
  const rest = await json<RefundView>(await refund(tenantId, payment.paymentId)); // no amount: what remains
  expect(rest).toMatchObject({ amount: 700, status: 'succeeded' });
  expect(await getPayment(fx, tenantId, payment.paymentId)).toMatchObject({
    status: 'refunded',
    refundedAmount: 1000,
  });
  expect(await refundedEvents(tenantId)).toEqual([
    {
      paymentId: payment.paymentId,
      orderId: payment.orderId,
      refundId: partial.refundId,
      amount: 300,
      refundedAmount: 300,
      currency: 'USD',
      fullyRefunded: false,
      test: true,
    },
    expect.objectContaining({
      refundId: rest.refundId,
      amount: 700,
      refundedAmount: 1000,
      fullyRefunded: true,
    }),
  ]);
  const versions = (await outbox(fx, tenantId)).map((e) => e.envelope.version);
  expect(versions).toEqual([2, 3, 4]);
});

test('a full refund in one go; nothing more can be refunded afterwards', async () => {
  const tenantId = newTenant();
  const payment = await paidPayment(tenantId, 2500);
  expect(await json(await refund(tenantId, payment.paymentId, { amount: 2500 }))).toMatchObject({
    status: 'succeeded',
  });
  expect((await getPayment(fx, tenantId, payment.paymentId)).status).toBe('refunded');
  const more = await refund(tenantId, payment.paymentId, { amount: 1 });
  expect(more.status).toBe(422);
  expect(await json(more)).toMatchObject({ code: 'refund_exceeds_payment' });
  expect(await refundedEvents(tenantId)).toHaveLength(1);
});

test('refunding more than remains is a 422 and changes nothing', async () => {
  const tenantId = newTenant();
  const payment = await paidPayment(tenantId, 1000);
  await refund(tenantId, payment.paymentId, { amount: 600 });
  const over = await refund(tenantId, payment.paymentId, { amount: 401 });
  expect(over.status).toBe(422);
  expect(over.headers.get('content-type')).toMatch(/application\/problem\+json/);
  expect(await json(over)).toMatchObject({
    code: 'refund_exceeds_payment',
    detail: expect.stringContaining('400'),
  });
  expect(await getPayment(fx, tenantId, payment.paymentId)).toMatchObject({ refundedAmount: 600 });
  expect(await fx.owner('refunds').where({ tenant_id: tenantId })).toHaveLength(1);
});

test('concurrent refunds never exceed the payment', async () => {
  const tenantId = newTenant();
  const payment = await paidPayment(tenantId, 1000);
  const answers = await Promise.all(
    Array.from({ length: 5 }, () => refund(tenantId, payment.paymentId, { amount: 300 })),
  );
  expect(answers.map((a) => a.status).sort()).toEqual([201, 201, 201, 422, 422]);
  expect(await getPayment(fx, tenantId, payment.paymentId)).toMatchObject({
    status: 'partially_refunded',
    refundedAmount: 900,
  });
});

test('a payment that never succeeded cannot be refunded', async () => {
  const tenantId = newTenant();
  const pending = await createPayment(fx, tenantId);
  const res = await refund(tenantId, pending.paymentId, { amount: 1 });
  expect(res.status).toBe(422);
  expect(await json(res)).toMatchObject({ code: 'payment_not_captured' });
  const failed = await createPayment(fx, tenantId);
  await simulate(fx, tenantId, failed.paymentId, 'failed');
  await waitFor(
    'payment failed',
    async () => (await getPayment(fx, tenantId, failed.paymentId)).status === 'failed',
  );
  expect((await refund(tenantId, failed.paymentId)).status).toBe(422);
  expect(await fx.owner('refunds').where({ tenant_id: tenantId })).toHaveLength(0);
  expect((await refund(tenantId, pending.paymentId, { amount: 0 })).status).toBe(400);
});

test('refunds are idempotent by Idempotency-Key; the same key with another body is a 409', async () => {
  const tenantId = newTenant();
  const payment = await paidPayment(tenantId, 1000);
  const key = 'cancel-order-42';
  const answers = await Promise.all(
    [1, 2, 3].map(() => refund(tenantId, payment.paymentId, { amount: 400 }, key)),
  );
  expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 201]);
  const refunds = await Promise.all(answers.map((a) => json<RefundView>(a)));
  expect(new Set(refunds.map((r) => r.refundId)).size).toBe(1);
  expect(await getPayment(fx, tenantId, payment.paymentId)).toMatchObject({ refundedAmount: 400 });
  const other = await refund(tenantId, payment.paymentId, { amount: 500 }, key);
  expect(other.status).toBe(409);
  expect(await json(other)).toMatchObject({ code: 'idempotency_key_reused' });
  expect(await refundedEvents(tenantId)).toHaveLength(1);
});

test("a provider's refund.succeeded webhook for a settled refund changes nothing", async () => {
  const tenantId = newTenant();
  const payment = await paidPayment(tenantId, 1000);
  const settled = await json<RefundView>(await refund(tenantId, payment.paymentId, { amount: 100 }));
  const { body, delivery } = signedWebhook(await webhookSecret(fx, tenantId), 'refund.succeeded', {
    paymentId: `off_${payment.paymentId}`,
    refundId: settled.refundId,
    amount: 100,
  });
  expect((await deliverWebhook(fx, tenantId, delivery)).status).toBe(200);
  const receipt = await waitFor('the refund event to be recorded', async () =>
    (await receipts(fx, tenantId)).find((r) => r.event_id === body.id && r.status !== 'pending'),
  );
  expect(receipt).toMatchObject({ status: 'ignored', outcome: 'refund_not_pending' });
  expect(await getPayment(fx, tenantId, payment.paymentId)).toMatchObject({ refundedAmount: 100 });
  expect(await refundedEvents(tenantId)).toHaveLength(1);
});
