import type { PaymentSucceeded, PaymentView } from '@fleet/contracts';
import { newId, type Db, type Queryable, type Sql } from '@fleet/db';
import type { ProviderEvent } from '@fleet/payment-providers';
import { insertPayment } from '../src/data-access/payment.repository';
import type { ReceiptKey } from '../src/data-access/webhook-receipt.repository';
import { applyNewReceipt } from '../src/domain/webhooks/receipts';
import { waitFor } from '@fleet/testing';
import {
  createPayment,
  deliverWebhook,
  getPayment,
  json,
  newOrder,
  newTenant,
  outbox,
  receipts,
  signedWebhook,
  simulate,
  startPayment,
  webhookSecret,
  type PaymentFixture,
} from './payment-fixture';

let fx: PaymentFixture;
beforeAll(async () => {
  fx = await startPayment('pay_webhooks');
});
afterAll(() => fx.close());

const statusOf = async (tenantId: string, paymentId: string) =>
  (await getPayment(fx, tenantId, paymentId)).status;
const untilStatus = (tenantId: string, paymentId: string, status: PaymentView['status']) =>
  waitFor(`payment ${status}`, async () => (await statusOf(tenantId, paymentId)) === status);

test('simulate succeeded: signed webhook -> receipt -> processed -> payment.succeeded, once', async () => {
  const tenantId = newTenant();
  const payment = await createPayment(fx, tenantId, { amount: 4200 });
  const res = await simulate(fx, tenantId, payment.paymentId, 'succeeded');
  expect(res.status).toBe(202);
  const sent = await json<{ eventId: string; type: string; webhookStatus: number }>(res);
  expect(sent).toEqual({
    eventId: expect.stringMatching(/^evt_off_/),
    type: 'payment.succeeded',
    webhookStatus: 200,
  });
  await untilStatus(tenantId, payment.paymentId, 'succeeded');

  const [receipt] = await receipts(fx, tenantId);
  expect(receipt).toMatchObject({
    provider: 'offline',
    event_id: sent.eventId,
    event_type: 'payment.succeeded',
    status: 'processed',
    outcome: 'applied',
    attempts: 1,
  });
  const events = await outbox(fx, tenantId);
  expect(events.map((e) => e.type)).toEqual(['payment.succeeded']);
  expect(events[0]?.envelope).toMatchObject({
    tenantId,
    aggregateId: payment.paymentId,
    version: 2,
    causationId: sent.eventId,
    data: {
      paymentId: payment.paymentId,
      orderId: payment.orderId,
      amount: 4200,
      currency: 'USD',
      test: true,
    },
  });
  const published = await waitFor('the event on RabbitMQ', () =>
    fx.published.find((e) => e.tenantId === tenantId && e.type === 'payment.succeeded'),
  );
  expect(published.data as PaymentSucceeded).toEqual({
    paymentId: payment.paymentId,
    orderId: payment.orderId,
    amount: 4200,
    currency: 'USD',
    test: true,
  });
  // The payment is no longer awaiting payment: simulating again is a conflict.
  const again = await simulate(fx, tenantId, payment.paymentId, 'succeeded');
  expect(again.status).toBe(409);
  expect(await json(again)).toMatchObject({ code: 'payment_not_pending' });
});

test('a new webhook is applied before it is answered: nothing is left for the processor', async () => {
  const tenantId = newTenant();
  const payment = await createPayment(fx, tenantId, { amount: 3100 });
  const { body, delivery } = signedWebhook(await webhookSecret(fx, tenantId), 'payment.succeeded', {
    paymentId: `off_${payment.paymentId}`,
    amount: 3100,
  });
  const res = await deliverWebhook(fx, tenantId, delivery);
  expect(res.status).toBe(200);
  expect(await json(res)).toEqual({ received: true, duplicate: false });

  // No waiting: receipt, payment and event committed together before the 200.
  expect(await receipts(fx, tenantId)).toEqual([
    expect.objectContaining({
      event_id: body.id,
      status: 'processed',
      outcome: 'applied',
      attempts: 1,
      last_error: null,
    }),
  ]);
  const row = await fx.owner('payments').where({ id: payment.paymentId }).first();
  expect(row).toMatchObject({ status: 'succeeded', version: 2 });
  const events = await outbox(fx, tenantId);
  expect(events.map((e) => e.type)).toEqual(['payment.succeeded']);
  // The processor's context, as when it applied receipts: caused by the provider's event, in the
  // payment's correlation chain.
  expect(events[0]?.envelope).toMatchObject({
    tenantId,
    aggregateId: payment.paymentId,
    version: 2,
    causationId: body.id,
    correlationId: row.correlation_id as string,
  });
  expect(await fx.processor.drain()).toBe(0);
  await waitFor('the event on RabbitMQ', () =>
    fx.published.find((e) => e.tenantId === tenantId && e.type === 'payment.succeeded'),
  );
});

test('the same webhook delivered three times changes the payment once', async () => {
  const tenantId = newTenant();
  const payment = await createPayment(fx, tenantId);
  const { body, delivery } = signedWebhook(await webhookSecret(fx, tenantId), 'payment.succeeded', {
    paymentId: `off_${payment.paymentId}`,
    amount: payment.amount,
  });
  const answers = await Promise.all([1, 2].map(() => deliverWebhook(fx, tenantId, delivery)));
  expect(answers.map((a) => a.status)).toEqual([200, 200]);
  await untilStatus(tenantId, payment.paymentId, 'succeeded');
  await fx.processor.drain();
  const late = await deliverWebhook(fx, tenantId, delivery); // a repeat of a processed event
  expect(late.status).toBe(200);
  expect(await json(late)).toEqual({ received: true, duplicate: true });
  await fx.processor.drain();

  expect(await receipts(fx, tenantId)).toHaveLength(1);
  expect((await receipts(fx, tenantId))[0]).toMatchObject({ event_id: body.id, status: 'processed' });
  expect(await outbox(fx, tenantId)).toHaveLength(1);
  const row = await fx.owner('payments').where({ tenant_id: tenantId }).first();
  expect(row).toMatchObject({ status: 'succeeded', version: 2 });
});

test('a bad signature is a 400 problem, stores nothing and logs a security warning', async () => {
  const tenantId = newTenant();
  const payment = await createPayment(fx, tenantId);
  const { delivery } = signedWebhook('whsec_off_not-the-tenants-secret', 'payment.succeeded', {
    paymentId: `off_${payment.paymentId}`,
    amount: payment.amount,
  });
  const res = await deliverWebhook(fx, tenantId, delivery);
  expect(res.status).toBe(400);
  expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
  expect(await json(res)).toMatchObject({ status: 400, code: 'invalid_webhook_signature' });
  const tampered = { ...delivery, rawBody: delivery.rawBody.replace(/"amount":\d+/, '"amount":1') };
  expect((await deliverWebhook(fx, tenantId, tampered)).status).toBe(400);
  const unsigned = { rawBody: delivery.rawBody, headers: { 'content-type': 'application/json' } };
  expect((await deliverWebhook(fx, tenantId, unsigned)).status).toBe(400);

  await fx.processor.drain();
  expect(await receipts(fx, tenantId)).toHaveLength(0);
  expect(await outbox(fx, tenantId)).toHaveLength(0);
  expect(await statusOf(tenantId, payment.paymentId)).toBe('pending');
  const warnings = fx.logs.filter((l) => l.security === true && l.tenantId === tenantId);
  expect(warnings.map((w) => [w.level, w.reason])).toEqual([
    ['warn', 'bad_signature'],
    ['warn', 'bad_signature'],
    ['warn', 'missing_signature'],
  ]);
});

test('a webhook for a payment not yet visible is kept and applied once the payment appears', async () => {
  const tenantId = newTenant();
  await createPayment(fx, tenantId); // the tenant's offline secret exists from the first payment
  const paymentId = `pay_${newOrder().slice(4)}`;
  const { body, delivery } = signedWebhook(await webhookSecret(fx, tenantId), 'payment.succeeded', {
    paymentId: `off_${paymentId}`,
    amount: 700,
  });
  expect((await deliverWebhook(fx, tenantId, delivery)).status).toBe(200);
  const deferred = await waitFor('the receipt to be retried', async () => {
    const [r] = await receipts(fx, tenantId);
    return r && (r.attempts as number) >= 2 ? r : undefined;
  });
  expect(deferred).toMatchObject({ event_id: body.id, status: 'pending', last_error: 'payment_not_found' });
  expect(new Date(deferred.next_attempt_at as string).getTime()).toBeGreaterThan(
    new Date(deferred.received_at as string).getTime(),
  );

  // Our own transaction commits only now (the provider's webhook beat it).
  const ctx = { requestId: 'late-commit', tenantId };
  await fx.db.withTenant(ctx, async (tx) => {
    await insertPayment(tx, {
      tenantId,
      id: paymentId,
      orderId: newOrder(),
      provider: 'offline',
      amount: 700,
      currency: 'USD',
      email: null,
      correlationId: 'late-commit',
    });
    await tx.query('UPDATE payments SET provider_payment_id = $1 WHERE id = $2', [
      `off_${paymentId}`,
      paymentId,
    ]);
  });
  await untilStatus(tenantId, paymentId, 'succeeded');
  const [receipt] = await receipts(fx, tenantId);
  expect(receipt).toMatchObject({ status: 'processed', outcome: 'applied' });
  expect((await outbox(fx, tenantId)).map((e) => e.envelope.data)).toEqual([
    expect.objectContaining({ paymentId, amount: 700 }),
  ]);
});

test('a webhook whose payment is not visible yet is stored pending, answered 200 and retried by the processor', async () => {
  const tenantId = newTenant();
  await createPayment(fx, tenantId);
  const paymentId = `pay_${newOrder().slice(4)}`;
  const { body, delivery } = signedWebhook(await webhookSecret(fx, tenantId), 'payment.succeeded', {
    paymentId: `off_${paymentId}`,
    amount: 900,
  });
  const res = await deliverWebhook(fx, tenantId, delivery);
  expect(res.status).toBe(200);
  expect(await json(res)).toEqual({ received: true, duplicate: false });
  expect(await receipts(fx, tenantId)).toEqual([
    expect.objectContaining({ event_id: body.id, status: 'pending', outcome: null }),
  ]);
  expect(await outbox(fx, tenantId)).toHaveLength(0);
  const retried = await waitFor('the processor to retry it', async () => {
    const [r] = await receipts(fx, tenantId);
    return r && (r.attempts as number) >= 1 ? r : undefined;
  });
  expect(retried).toMatchObject({ status: 'pending', last_error: 'payment_not_found' });
  // A repeat while it waits is a duplicate like any other.
  expect(await json(await deliverWebhook(fx, tenantId, delivery))).toEqual({
    received: true,
    duplicate: true,
  });
  expect(await receipts(fx, tenantId)).toHaveLength(1);
  // Not yet applicable is expected: no warning, no error.
  expect(fx.logs.filter((l) => l.eventId === body.id)).toEqual([]);
  // This payment never comes: stop the retries so later drains see nothing of it.
  await fx.owner('webhook_receipts').where({ tenant_id: tenantId }).update({ status: 'abandoned' });
});

test('a duplicate delivery changes nothing', async () => {
  const tenantId = newTenant();
  const payment = await createPayment(fx, tenantId);
  const { delivery } = signedWebhook(await webhookSecret(fx, tenantId), 'payment.succeeded', {
    paymentId: `off_${payment.paymentId}`,
    amount: payment.amount,
  });
  expect(await json(await deliverWebhook(fx, tenantId, delivery))).toEqual({
    received: true,
    duplicate: false,
  });
  const state = async () => ({
    receipts: await receipts(fx, tenantId),
    outbox: await outbox(fx, tenantId),
    payment: await fx.owner('payments').where({ id: payment.paymentId }).first(),
  });
  const before = await state();
  expect(before.payment).toMatchObject({ status: 'succeeded', version: 2 });

  const again = await deliverWebhook(fx, tenantId, delivery);
  expect(again.status).toBe(200);
  expect(await json(again)).toEqual({ received: true, duplicate: true });
  expect(await fx.processor.drain()).toBe(0);
  expect(await state()).toEqual(before);
});

test('when applying fails unexpectedly the receipt is still stored for the processor, with a warning', async () => {
  const tenantId = newTenant();
  const payment = await createPayment(fx, tenantId);
  const event: ProviderEvent = {
    eventId: newId('evt'),
    type: 'payment.succeeded',
    providerPaymentId: `off_${payment.paymentId}`,
    amount: payment.amount,
  };
  // The payment's update fails inside the combined transaction (an unexpected database error).
  const isUpdate = (sql: Sql) => typeof sql !== 'string' && sql.name === 'payment_update_status';
  const failing: Db = {
    ...fx.db,
    withTenant: (ctx, fn) =>
      fx.db.withTenant(ctx, (tx) => {
        const broken: Queryable = {
          ...tx,
          maybeOne: (sql, values) =>
            isUpdate(sql) ? Promise.reject(new Error('injected failure')) : tx.maybeOne(sql, values),
        };
        return fn(broken);
      }),
  };
  const handedOver: ReceiptKey[] = [];
  const stored = await applyNewReceipt(
    { requestId: 'req_failing', tenantId },
    { db: failing, logger: fx.deps.logger, onReceiptStored: (key) => key && handedOver.push(key) },
    'offline',
    event,
  );
  expect(stored).toBe(true);
  const key = { tenantId, provider: 'offline', eventId: event.eventId };
  expect(handedOver).toEqual([key]);
  expect(await receipts(fx, tenantId)).toEqual([
    expect.objectContaining({ event_id: event.eventId, request_id: 'req_failing' }),
  ]);
  expect(fx.logs.filter((l) => l.eventId === event.eventId)).toEqual([
    expect.objectContaining({
      level: 'warn',
      ...key,
      err: expect.objectContaining({ message: 'injected failure' }),
    }),
  ]);
  // The real processor (its scans) applies it.
  await untilStatus(tenantId, payment.paymentId, 'succeeded');
  const [receipt] = await receipts(fx, tenantId);
  expect(receipt).toMatchObject({ status: 'processed', outcome: 'applied', attempts: 1 });
  expect(await outbox(fx, tenantId, 'payment.succeeded')).toHaveLength(1);
});

test('simulate failed: payment.failed with the reason; a late success is recorded as ignored', async () => {
  const tenantId = newTenant();
  const payment = await createPayment(fx, tenantId);
  expect((await simulate(fx, tenantId, payment.paymentId, 'failed')).status).toBe(202);
  await untilStatus(tenantId, payment.paymentId, 'failed');
  const [failed] = await outbox(fx, tenantId);
  expect(failed?.type).toBe('payment.failed');
  expect(failed?.envelope.data).toEqual({
    paymentId: payment.paymentId,
    orderId: payment.orderId,
    reason: 'card_declined',
    test: true,
  });

  // Out of order: a success arriving after the failure is not a legal transition.
  const { body, delivery } = signedWebhook(await webhookSecret(fx, tenantId), 'payment.succeeded', {
    paymentId: `off_${payment.paymentId}`,
    amount: payment.amount,
  });
  expect((await deliverWebhook(fx, tenantId, delivery)).status).toBe(200);
  const ignored = await waitFor('the late event to be recorded', async () => {
    const r = (await receipts(fx, tenantId)).find((x) => x.event_id === body.id);
    return r?.status === 'ignored' ? r : undefined;
  });
  expect(ignored.outcome).toBe('illegal_transition:failed->succeeded');
  expect(await statusOf(tenantId, payment.paymentId)).toBe('failed');
  expect(await outbox(fx, tenantId)).toHaveLength(1);
});

test('a success for another amount is not applied', async () => {
  const tenantId = newTenant();
  const payment = await createPayment(fx, tenantId, { amount: 1000 });
  const { body, delivery } = signedWebhook(await webhookSecret(fx, tenantId), 'payment.succeeded', {
    paymentId: `off_${payment.paymentId}`,
    amount: 1,
  });
  expect((await deliverWebhook(fx, tenantId, delivery)).status).toBe(200);
  await waitFor('the event to be ignored', async () =>
    (await receipts(fx, tenantId)).some((r) => r.event_id === body.id && r.outcome === 'amount_mismatch'),
  );
  expect(await statusOf(tenantId, payment.paymentId)).toBe('pending');
  expect(await outbox(fx, tenantId)).toHaveLength(0);
});

test('an unknown provider is a 404; a tenant without payment settings rejects every webhook', async () => {
  const tenantId = newTenant();
  const { delivery } = signedWebhook('whsec_off_x', 'payment.succeeded', { paymentId: 'off_pay_x' });
  const paypal = await fx.call('/api/webhooks/paypal', {
    ctx: { tenantId },
    rawBody: delivery.rawBody,
    headers: delivery.headers,
  });
  expect(paypal.status).toBe(404);
  // Stripe is supported, but this tenant has no Stripe secret: nothing can verify.
  expect((await fx.call('/api/webhooks/stripe', { ctx: { tenantId }, rawBody: '{}' })).status).toBe(400);
  expect((await deliverWebhook(fx, tenantId, delivery)).status).toBe(400);
  expect(await fx.owner('payment_settings').where({ tenant_id: tenantId })).toHaveLength(0);
});
