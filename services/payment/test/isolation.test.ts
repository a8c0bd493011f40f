import { waitFor } from '@fleet/testing';
import { insertPayment } from '../src/data-access/payment.repository';
import {
  createPayment,
  deliverWebhook,
  getPayment,
  json,
  newOrder,
  newTenant,
  outbox,
  receipts,
  service,
  shopper,
  signedWebhook,
  simulate,
  startPayment,
  webhookSecret,
  type PaymentFixture,
} from './payment-fixture';

let fx: PaymentFixture;
beforeAll(async () => {
  fx = await startPayment('pay_isolation');
});
afterAll(() => fx.close());

test("tenant B can neither read, refund nor simulate tenant A's payment", async () => {
  const a = newTenant();
  const b = newTenant();
  const payment = await createPayment(fx, a);
  await createPayment(fx, b); // B is a real store with payments of its own
  const asB = (path: string, body?: unknown) => fx.call(path, { body, ctx: service(b) });

  const read = await asB(`/internal/payments/${payment.paymentId}`);
  expect(read.status).toBe(404);
  expect(await json(read)).toMatchObject({ code: 'payment_not_found' });
  expect(await json(await asB(`/internal/payments?orderId=${payment.orderId}`))).toEqual({
    items: [],
    nextCursor: null,
  });
  expect((await asB(`/internal/payments/${payment.paymentId}/refunds`, { amount: 1 })).status).toBe(404);
  const sim = await fx.call(`/api/store/payments/${payment.paymentId}/simulate`, {
    body: { outcome: 'succeeded' },
    ctx: shopper(b),
  });
  expect(sim.status).toBe(404);
  // B's repeat of A's order id is B's own new payment, not A's.
  const mine = await asB('/internal/payments', { orderId: payment.orderId, amount: 1, currency: 'EUR' });
  expect(mine.status).toBe(201);
  expect((await json<{ paymentId: string }>(mine)).paymentId).not.toBe(payment.paymentId);

  await fx.processor.drain();
  expect(await getPayment(fx, a, payment.paymentId)).toMatchObject({ status: 'pending', refundedAmount: 0 });
  expect(await outbox(fx, a)).toHaveLength(0);
});

test("a webhook signed with tenant A's secret is refused under tenant B's context", async () => {
  const a = newTenant();
  const b = newTenant();
  const payment = await createPayment(fx, a);
  await createPayment(fx, b);
  const { delivery } = signedWebhook(await webhookSecret(fx, a), 'payment.succeeded', {
    paymentId: `off_${payment.paymentId}`,
    amount: payment.amount,
  });
  const res = await deliverWebhook(fx, b, delivery);
  expect(res.status).toBe(400);
  expect(await json(res)).toMatchObject({ code: 'invalid_webhook_signature' });
  expect(await receipts(fx, a)).toHaveLength(0);
  expect(await receipts(fx, b)).toHaveLength(0);
  expect(await webhookSecret(fx, a)).not.toBe(await webhookSecret(fx, b));

  // Delivered under A's own context, the same bytes are accepted.
  expect((await deliverWebhook(fx, a, delivery)).status).toBe(200);
  await waitFor('A paid', async () => (await getPayment(fx, a, payment.paymentId)).status === 'succeeded');
});

test('row-level security: the application role sees nothing without a tenant', async () => {
  const a = newTenant();
  await createPayment(fx, a);
  for (const table of ['payments', 'payment_settings', 'refunds', 'webhook_receipts', 'outbox']) {
    const { rows } = await fx.db.query(`SELECT count(*)::int AS n FROM ${table}`);
    expect(rows[0]).toEqual({ n: 0 });
  }
});

test('simulate needs a store host and a well-formed body', async () => {
  const a = newTenant();
  const payment = await createPayment(fx, a);
  const noStore = await fx.call(`/api/store/payments/${payment.paymentId}/simulate`, {
    body: { outcome: 'succeeded' },
  });
  expect(noStore.status).toBe(404);
  expect((await simulate(fx, a, payment.paymentId, 'maybe')).status).toBe(400);
  expect((await simulate(fx, a, 'pay_nope', 'succeeded')).status).toBe(404);
});

test('only payments that started with the offline provider can be simulated', async () => {
  const a = newTenant();
  await createPayment(fx, a);
  const paymentId = `pay_${newOrder().slice(4)}`;
  const ctx = { requestId: 'stripe-payment', tenantId: a };
  await fx.db.withTenant(ctx, (tx) =>
    insertPayment(tx, {
      tenantId: a,
      id: paymentId,
      orderId: newOrder(),
      provider: 'stripe',
      amount: 100,
      currency: 'USD',
      email: null,
      correlationId: 'x',
    }),
  );
  const res = await simulate(fx, a, paymentId, 'succeeded');
  expect(res.status).toBe(422);
  expect(await json(res)).toMatchObject({ code: 'simulation_not_supported' });
  expect(await receipts(fx, a)).toHaveLength(0);
});
