import { newId } from '@fleet/db';
import { AppError } from '@fleet/errors';
import { waitFor, type StripeChargeJson, type StripeEventJson } from '@fleet/testing';
import Stripe from 'stripe';
import type { WebhookVerification } from '../src/provider';
import { createStripeClients } from '../src/stripe/stripe-client';
import { createStripeProvider } from '../src/stripe/stripe.provider';
import {
  sdkSignedDelivery,
  startStripeHarness,
  stripeCredentials,
  stripeTestKeys,
  type StripeHarness,
} from './support/stripe-harness';
import { startWebhookEndpoint } from './support/stripe-webhook-endpoint';

const ctx = { requestId: 'r', tenantId: 'ten_stripe' };
let h: StripeHarness;

beforeAll(async () => {
  h = await startStripeHarness();
});
afterAll(() => h?.close());

const paymentInput = (orderId = newId('ord'), amount = 2500, credentials = h.credentials) => ({
  paymentId: newId('pay'),
  orderId,
  amount,
  currency: 'EUR',
  email: 'shopper@example.com',
  credentials,
});

const verify = (
  d: { rawBody: string; headers: Record<string, string> },
  options = {},
  secret = h.account.webhookSecret,
) => h.provider.verifyWebhook(Buffer.from(d.rawBody), d.headers, secret, options);

const refund = (providerPaymentId: string, amount: number, refundId = newId('ref'), reason?: string) =>
  h.provider.refund(ctx, {
    providerPaymentId,
    amount,
    currency: 'EUR',
    refundId,
    ...(reason ? { reason } : {}),
    credentials: h.credentials,
  });

/** The SDK pointed at the stand-in, to read what the provider made at "Stripe". */
function sdk(secretKey = h.account.secretKey): Stripe {
  const { hostname, port } = new URL(h.standIn.url);
  return new Stripe(secretKey, { host: hostname, port, protocol: 'http' });
}

test('the PaymentIntent is keyed by the order: a retried create is replayed by Stripe, not made twice', async () => {
  const input = paymentInput();
  const first = await h.provider.createPayment(ctx, input);
  const again = await h.provider.createPayment(ctx, input);
  expect(again.providerPaymentId).toBe(first.providerPaymentId);
  expect(first.providerPaymentId).toMatch(/^pi_/);
  expect(first.clientParams).toEqual({
    clientSecret: expect.stringMatching(new RegExp(`^${first.providerPaymentId}_secret_`)),
    publishableKey: h.account.publishableKey,
  });

  const key = `fleet:${ctx.tenantId}:${input.orderId}:pi`;
  const sent = h.standIn.requests.filter((r) => r.idempotencyKey === key);
  expect(sent).toEqual([
    {
      method: 'POST',
      path: '/v1/payment_intents',
      secretKey: h.account.secretKey,
      idempotencyKey: key,
      status: 200,
      replayed: false,
    },
    expect.objectContaining({ status: 200, replayed: true }),
  ]);

  const intent = await sdk().paymentIntents.retrieve(first.providerPaymentId);
  expect(intent).toMatchObject({
    amount: 2500,
    currency: 'eur',
    status: 'requires_payment_method',
    receipt_email: 'shopper@example.com',
    automatic_payment_methods: { enabled: true },
    metadata: {
      fleet_payment_id: input.paymentId,
      fleet_order_id: input.orderId,
      fleet_tenant_id: ctx.tenantId,
    },
  });

  // The same order for another amount is another request under the same key: Stripe refuses it.
  await expect(h.provider.createPayment(ctx, { ...input, amount: 2600 })).rejects.toMatchObject({
    type: 'conflict',
    code: 'provider_idempotency_conflict',
  });
});

test("Stripe's own deliveries verify at the merchant's endpoint: paid, declined, refunded", async () => {
  const keys = stripeTestKeys();
  const received: WebhookVerification[] = [];
  const endpoint = await startWebhookEndpoint(async (rawBody, headers) => {
    const verified = await h.provider.verifyWebhook(rawBody, headers, keys.webhookSecret);
    received.push(verified);
    return verified.ok ? 200 : 400;
  });
  try {
    h.standIn.addAccount({ ...keys, webhook: { url: endpoint.url } });
    const credentials = stripeCredentials(keys);
    const paid = await h.provider.createPayment(ctx, paymentInput(undefined, 3000, credentials));
    const delivered = await h.standIn.pay(paid.providerPaymentId);
    expect(delivered.deliveryStatus).toBe(200);
    expect(received.at(-1)).toEqual({
      ok: true,
      event: {
        eventId: delivered.event.id,
        type: 'payment.succeeded',
        providerPaymentId: paid.providerPaymentId,
        amount: 3000,
      },
    });

    const refundId = newId('ref');
    const made = await h.provider.refund(ctx, {
      providerPaymentId: paid.providerPaymentId,
      amount: 1200,
      currency: 'EUR',
      refundId,
      credentials,
    });
    expect(made).toEqual({ providerRefundId: expect.stringMatching(/^re_/), status: 'succeeded' });
    await waitFor('the refund webhook', () => received.length === 2);
    expect(received[1]).toEqual({
      ok: true,
      event: expect.objectContaining({
        type: 'refund.succeeded',
        providerPaymentId: paid.providerPaymentId,
        refundId,
        amount: 1200,
      }),
    });

    const declined = await h.provider.createPayment(ctx, paymentInput(undefined, 3000, credentials));
    expect((await h.standIn.pay(declined.providerPaymentId, 'failed')).deliveryStatus).toBe(200);
    expect(received[2]).toEqual({
      ok: true,
      event: expect.objectContaining({
        type: 'payment.attempt_failed',
        providerPaymentId: declined.providerPaymentId,
        reason: 'card_declined',
      }),
    });
    expect(h.standIn.deliveries.slice(-3).map((d) => d.status)).toEqual([200, 200, 200]);
  } finally {
    await endpoint.close();
  }
});

test("the stand-in signs exactly as the SDK's test helper does; both verify", async () => {
  const created = await h.provider.createPayment(ctx, paymentInput());
  const { event } = await h.standIn.pay(created.providerPaymentId);
  const t = Math.floor(Date.now() / 1000);
  const bySdk = sdkSignedDelivery(event, h.account.webhookSecret, t);
  const byStandIn = h.standIn.signEvent(event, h.account.webhookSecret, t * 1000);
  expect(byStandIn.rawBody).toBe(bySdk.rawBody);
  expect(byStandIn.headers['stripe-signature']).toBe(bySdk.headers['stripe-signature']);
  for (const delivery of [bySdk, byStandIn]) {
    expect(await verify(delivery)).toEqual({
      ok: true,
      event: {
        eventId: event.id,
        type: 'payment.succeeded',
        providerPaymentId: created.providerPaymentId,
        amount: 2500,
      },
    });
  }
});

test('a signature older than five minutes is refused; the clock is the one given', async () => {
  const created = await h.provider.createPayment(ctx, paymentInput());
  const { event } = await h.standIn.pay(created.providerPaymentId);
  const now = Date.now();
  const signedAgo = (seconds: number) =>
    sdkSignedDelivery(event, h.account.webhookSecret, Math.floor(now / 1000) - seconds);
  expect((await verify(signedAgo(290), { now })).ok).toBe(true);
  expect(await verify(signedAgo(310), { now })).toEqual({ ok: false, reason: 'timestamp_outside_tolerance' });
  // An hour-old signature verifies when the receive time given is just after it.
  expect((await verify(signedAgo(3600), { now: now - 3590_000 })).ok).toBe(true);
});

test('a header signed for another account, a missing header or a signed non-event is refused', async () => {
  const created = await h.provider.createPayment(ctx, paymentInput());
  const { event } = await h.standIn.pay(created.providerPaymentId);
  const other = stripeTestKeys();
  expect(await verify(sdkSignedDelivery(event, other.webhookSecret))).toEqual({
    ok: false,
    reason: 'bad_signature',
  });
  const good = sdkSignedDelivery(event, h.account.webhookSecret);
  expect(await verify({ ...good, headers: {} })).toEqual({ ok: false, reason: 'missing_signature' });
  expect(await verify(good, {}, other.webhookSecret)).toEqual({ ok: false, reason: 'bad_signature' });

  const notJson = 'not json';
  const header = Stripe.webhooks.generateTestHeaderString({
    payload: notJson,
    secret: h.account.webhookSecret,
  });
  expect(await verify({ rawBody: notJson, headers: { 'stripe-signature': header } })).toEqual({
    ok: false,
    reason: 'malformed_event',
  });
  const hollow = { ...event, data: { object: { id: created.providerPaymentId } } };
  expect(await verify(sdkSignedDelivery(hollow, h.account.webhookSecret))).toEqual({
    ok: false,
    reason: 'malformed_event',
  });
});

test('verified events of other types are acknowledged with no event', async () => {
  const signed = (e: object) => verify(sdkSignedDelivery(e, h.account.webhookSecret));
  const customer = { id: 'cus_1', object: 'customer' };
  const created = await h.provider.createPayment(ctx, paymentInput());
  const intent = await sdk().paymentIntents.retrieve(created.providerPaymentId);
  const chargeWithoutIntent = { id: 'ch_1', object: 'charge', payment_intent: null, refunds: { data: [] } };
  for (const event of [
    { id: 'evt_a', object: 'event', type: 'customer.created', data: { object: customer } },
    { id: 'evt_b', object: 'event', type: 'payment_intent.created', data: { object: intent } },
    { id: 'evt_c', object: 'event', type: 'charge.refunded', data: { object: chargeWithoutIntent } },
  ]) {
    expect(await signed(event)).toEqual({ ok: true, event: null });
  }
});

test('refunds are keyed by our refund id; an unpaid intent or more than the remainder is an AppError', async () => {
  const created = await h.provider.createPayment(ctx, paymentInput());
  await expect(refund(created.providerPaymentId, 100)).rejects.toMatchObject({
    type: 'business_rule',
    code: 'provider_rejected_request',
  });
  await h.standIn.pay(created.providerPaymentId);

  const refundId = newId('ref');
  const first = await refund(created.providerPaymentId, 2000, refundId, 'damaged');
  expect(first.status).toBe('succeeded');
  const sent = h.standIn.requests.filter((r) => r.idempotencyKey === `fleet:refund:${refundId}`);
  expect(sent).toEqual([expect.objectContaining({ method: 'POST', path: '/v1/refunds', status: 200 })]);
  const recorded = h.standIn.events.findLast((e: StripeEventJson) => e.type === 'charge.refunded');
  expect((recorded?.data.object as StripeChargeJson).refunds.data[0]).toMatchObject({
    id: first.providerRefundId,
    amount: 2000,
    reason: 'requested_by_customer',
    metadata: { fleet_refund_id: refundId, fleet_reason: 'damaged' },
  });

  const beyond = refund(created.providerPaymentId, 1000);
  await expect(beyond).rejects.toBeInstanceOf(AppError);
  await expect(beyond).rejects.toMatchObject({ type: 'business_rule', code: 'provider_rejected_request' });
  await expect(beyond).rejects.toThrow(/amount_too_large/);
});

test('checkCredentials: working keys pass, a wrong secret key is invalid_api_key, an unreachable API throws', async () => {
  await expect(h.provider.checkCredentials?.(h.credentials)).resolves.toEqual({ ok: true });
  const wrong = stripeCredentials(stripeTestKeys());
  await expect(h.provider.checkCredentials?.(wrong)).resolves.toEqual({
    ok: false,
    reason: 'invalid_api_key',
  });

  const down = createStripeProvider({ apiBase: 'http://127.0.0.1:1' });
  await expect(down.checkCredentials?.(h.credentials)).rejects.toMatchObject({
    type: 'unavailable',
    code: 'provider_error',
  });
});

test('an API error never carries the secret key', async () => {
  const wrong = stripeTestKeys();
  const failure = await h.provider
    .createPayment(ctx, paymentInput(undefined, 2500, stripeCredentials(wrong)))
    .catch((err: unknown) => err);
  expect(failure).toBeInstanceOf(AppError);
  expect(failure).toMatchObject({ type: 'unavailable', code: 'provider_auth_failed' });
  const everything = `${String(failure)} ${JSON.stringify(failure)} ${String((failure as Error).cause)}`;
  expect(everything).not.toContain(wrong.secretKey);
  expect(everything).not.toContain(wrong.secretKey.slice(-4));
  expect(h.standIn.requests.at(-1)).toMatchObject({ status: 401, secretKey: wrong.secretKey });
});

test('confirmPayment reads the intent: nothing before the shopper pays, then what Stripe says', async () => {
  const confirm = (providerPaymentId: string, tenantCtx = ctx) =>
    h.provider.confirmPayment?.(tenantCtx, { providerPaymentId, params: {}, credentials: h.credentials });
  const created = await h.provider.createPayment(ctx, paymentInput());
  expect(await confirm(created.providerPaymentId)).toEqual({ ok: true, event: null });
  await h.standIn.pay(created.providerPaymentId);
  expect(await confirm(created.providerPaymentId)).toEqual({
    ok: true,
    event: {
      eventId: `confirm_${created.providerPaymentId}`,
      type: 'payment.succeeded',
      providerPaymentId: created.providerPaymentId,
      amount: 2500,
    },
  });
  expect(await confirm(created.providerPaymentId, { ...ctx, tenantId: 'ten_other' })).toEqual({
    ok: false,
    reason: 'payment_of_another_tenant',
  });

  const declined = await h.provider.createPayment(ctx, paymentInput());
  await h.standIn.pay(declined.providerPaymentId, 'failed');
  expect(await confirm(declined.providerPaymentId)).toEqual({
    ok: true,
    event: expect.objectContaining({ type: 'payment.attempt_failed', reason: 'card_declined' }),
  });
  await expect(confirm('pi_unknown')).rejects.toMatchObject({
    type: 'business_rule',
    code: 'provider_rejected_request',
  });
});

test('one SDK client per secret key, the least recently used dropped beyond the bound', () => {
  const clients = createStripeClients('http://127.0.0.1:9', 2);
  const a = clients.forKey('sk_test_a');
  const b = clients.forKey('sk_test_b');
  expect(clients.forKey('sk_test_a')).toBe(a);
  clients.forKey('sk_test_c');
  expect(clients.forKey('sk_test_a')).toBe(a);
  expect(clients.forKey('sk_test_b')).not.toBe(b);
  expect(() => createStripeClients('ftp://example.com')).toThrow();
});

test('refund.updated carries our refund id itself (charge.refunded may not list refunds)', async () => {
  const signed = (e: object) => verify(sdkSignedDelivery(e, h.account.webhookSecret));
  const refundObject = (
    status: string,
    metadata: Record<string, string> = { fleet_refund_id: 'ref_ours' },
  ) => ({
    id: 're_1',
    object: 'refund',
    amount: 700,
    status,
    payment_intent: 'pi_paid',
    metadata,
  });
  expect(
    await signed({
      id: 'evt_r1',
      object: 'event',
      type: 'refund.updated',
      data: { object: refundObject('succeeded') },
    }),
  ).toEqual({
    ok: true,
    event: {
      eventId: 'evt_r1',
      type: 'refund.succeeded',
      providerPaymentId: 'pi_paid',
      amount: 700,
      refundId: 'ref_ours',
    },
  });
  for (const object of [refundObject('pending'), refundObject('succeeded', {})]) {
    expect(await signed({ id: 'evt_r2', object: 'event', type: 'refund.updated', data: { object } })).toEqual(
      {
        ok: true,
        event: null,
      },
    );
  }
  const listless = { id: 'ch_2', object: 'charge', payment_intent: 'pi_paid' };
  expect(
    await signed({ id: 'evt_r3', object: 'event', type: 'charge.refunded', data: { object: listless } }),
  ).toEqual({
    ok: true,
    event: { eventId: 'evt_r3', type: 'refund.succeeded', providerPaymentId: 'pi_paid' },
  });
});
