import { newId } from '@fleet/db';
import { AppError } from '@fleet/errors';
import {
  razorpayEvent,
  razorpayPaymentEntity,
  razorpayRefundEntity,
  startRazorpayStandIn,
} from '@fleet/testing';
import type { ProviderCredentials, ProviderPayment } from '../src/provider';
import { RAZORPAY_API_BASE } from '../src/razorpay/razorpay-api-base';
import { razorpayBaseUrl } from '../src/razorpay/razorpay-client';
import { createRazorpayProvider } from '../src/razorpay/razorpay.provider';
import { startRazorpayFixture, type RazorpayFixture } from './support/razorpay-fixture';
import { startWebhookReceiver } from './support/razorpay-webhook-receiver';

const ctx = { requestId: 'r', tenantId: 'ten_rzp' };
let fx: RazorpayFixture;
beforeAll(async () => {
  fx = await startRazorpayFixture();
});
afterAll(() => fx?.close());

const create = (credentials: ProviderCredentials, amount = 2500, orderId = newId('ord')) =>
  fx.provider.createPayment(ctx, { paymentId: newId('pay'), orderId, amount, currency: 'INR', credentials });
const confirm = (
  credentials: ProviderCredentials,
  created: ProviderPayment,
  params: Record<string, unknown>,
) => fx.provider.confirmPayment!(ctx, { providerPaymentId: created.providerPaymentId, params, credentials });
const checkout = (orderId: string, paid: { paymentId: string; signature: string }) => ({
  razorpay_order_id: orderId,
  razorpay_payment_id: paid.paymentId,
  razorpay_signature: paid.signature,
});
const refund = (
  credentials: ProviderCredentials,
  created: ProviderPayment,
  refundId: string,
  amount: number,
) =>
  fx.provider.refund(ctx, {
    providerPaymentId: created.providerPaymentId,
    amount,
    currency: 'INR',
    refundId,
    credentials,
  });

describe('creating a payment', () => {
  test('the SDK is pointed at the stand-in; the order carries our ids; Checkout gets its parameters', async () => {
    const { input, credentials } = fx.account();
    const orderId = newId('ord');
    const created = await create(credentials, 4200, orderId);
    expect(created).toEqual({
      providerPaymentId: expect.stringMatching(/^order_[A-Za-z0-9]{14}$/),
      clientParams: { keyId: input.keyId, orderId: created.providerPaymentId, amount: 4200, currency: 'INR' },
    });
    const calls = fx.standIn.requests.filter((r) => r.keyId === input.keyId);
    expect(calls.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      'GET /v1/orders 200',
      'POST /v1/orders 200',
    ]);
    expect(calls[0]?.query).toMatchObject({ receipt: orderId });
    const [order] = fx.standIn.orders(input.keyId);
    expect(order).toMatchObject({ receipt: orderId, amount: 4200, currency: 'INR', status: 'created' });
    expect(order?.notes).toMatchObject({ fleet_order_id: orderId, fleet_tenant_id: 'ten_rzp' });
    expect(razorpayBaseUrl(input)).toBe(RAZORPAY_API_BASE);
    expect(razorpayBaseUrl(input, fx.standIn.url)).toBe(fx.standIn.url);
  });

  test('a creation whose response was lost is found by receipt on retry: one Razorpay order', async () => {
    const { input, credentials } = fx.account();
    const orderId = newId('ord');
    const paymentId = newId('pay');
    const attempt = () =>
      fx.provider.createPayment(ctx, { paymentId, orderId, amount: 2500, currency: 'INR', credentials });
    fx.standIn.dropNextCreateResponses(1);
    await expect(attempt()).rejects.toMatchObject({ type: 'unavailable', code: 'provider_error' });
    const created = await attempt();
    expect(await attempt()).toEqual(created);
    expect(fx.standIn.orders(input.keyId).map((o) => o.id)).toEqual([created.providerPaymentId]);
    const creations = fx.standIn.requests.filter((r) => r.keyId === input.keyId && r.method === 'POST');
    expect(creations.map((r) => r.status)).toEqual([0]); // committed, answer dropped; never sent again
  });

  test('an order of the same receipt for another amount is not reused', async () => {
    const { input, credentials } = fx.account();
    const orderId = newId('ord');
    const first = await create(credentials, 2500, orderId);
    const other = await create(credentials, 2600, orderId);
    expect(other.providerPaymentId).not.toBe(first.providerPaymentId);
    expect(fx.standIn.orders(input.keyId)).toHaveLength(2);
  });
});

describe('confirming Checkout', () => {
  test('a genuine signature and a captured payment confirm; a tampered or another order’s do not', async () => {
    const { credentials } = fx.account();
    const created = await create(credentials);
    const paid = await fx.standIn.pay(created.providerPaymentId);
    const params = checkout(created.providerPaymentId, paid);
    await expect(confirm(credentials, created, params)).resolves.toEqual({
      ok: true,
      event: {
        eventId: `confirm_${paid.paymentId}`,
        type: 'payment.succeeded',
        providerPaymentId: created.providerPaymentId,
        amount: 2500,
      },
    });
    const flipped = paid.signature.slice(0, -1) + (paid.signature.endsWith('0') ? '1' : '0');
    const reason = async (p: Record<string, unknown>) =>
      ((await confirm(credentials, created, p)) as { reason?: string }).reason;
    expect(await reason({ ...params, razorpay_signature: flipped })).toBe('bad_signature');
    expect(await reason({ ...params, razorpay_signature: paid.signature.slice(0, 40) })).toBe(
      'bad_signature',
    );
    expect(await reason({ ...params, razorpay_payment_id: 'pay_AAAAAAAAAAAAAA' })).toBe('bad_signature');
    const other = await create(credentials);
    const otherPaid = await fx.standIn.pay(other.providerPaymentId);
    expect(await reason({ ...checkout(created.providerPaymentId, otherPaid) })).toBe('bad_signature');
    expect(await reason(checkout(other.providerPaymentId, otherPaid))).toBe('order_mismatch');
    expect(await reason({ razorpay_order_id: created.providerPaymentId })).toBe('malformed_confirmation');
  });

  test('an authorised payment (auto-capture off) is captured; a failed one confirms the failure', async () => {
    const { input, credentials } = fx.account({ autoCapture: false });
    const created = await create(credentials);
    const paid = await fx.standIn.pay(created.providerPaymentId);
    expect(fx.standIn.payments(input.keyId)[0]).toMatchObject({ status: 'authorized', captured: false });
    const outcome = await confirm(credentials, created, checkout(created.providerPaymentId, paid));
    expect(outcome).toMatchObject({ ok: true, event: { type: 'payment.succeeded', amount: 2500 } });
    expect(fx.standIn.payments(input.keyId)[0]).toMatchObject({ status: 'captured', captured: true });
    expect(await confirm(credentials, created, checkout(created.providerPaymentId, paid))).toEqual(outcome);

    const declined = await create(credentials);
    const failed = await fx.standIn.pay(declined.providerPaymentId, 'failed');
    await expect(
      confirm(credentials, declined, checkout(declined.providerPaymentId, failed)),
    ).resolves.toEqual({
      ok: true,
      event: {
        eventId: `confirm_${failed.paymentId}`,
        type: 'payment.attempt_failed',
        providerPaymentId: declined.providerPaymentId,
        reason: 'BAD_REQUEST_ERROR/payment_declined',
      },
    });
  });

  test('capture takes the authorised payment once; without one it is refused', async () => {
    const { credentials } = fx.account({ autoCapture: false });
    const created = await create(credentials);
    const capture = (amount = 2500) =>
      fx.provider.capture!(ctx, { providerPaymentId: created.providerPaymentId, amount, credentials });
    await expect(capture()).rejects.toMatchObject({ type: 'business_rule', code: 'payment_not_authorized' });
    await fx.standIn.pay(created.providerPaymentId);
    await expect(capture(2400)).rejects.toMatchObject({ code: 'capture_amount_mismatch' });
    await expect(capture()).resolves.toEqual({ status: 'succeeded' });
    await expect(capture()).resolves.toEqual({ status: 'succeeded' });
  });
});

describe('webhooks', () => {
  const verify = (rawBody: string, headers: Record<string, string | string[]>, secret: string) =>
    fx.provider.verifyWebhook(Buffer.from(rawBody), headers, secret);

  test('what the stand-in delivers verifies with the account secret and is normalised', async () => {
    const receiver = await startWebhookReceiver();
    try {
      const { input, credentials } = fx.account({ webhook: { url: receiver.url } });
      const created = await create(credentials, 3000);
      const paid = await fx.standIn.pay(created.providerPaymentId);
      expect(paid.deliveryStatus).toBe(200);
      const made = await refund(credentials, created, newId('ref'), 1200);
      await fx.standIn.idle();
      const [captured, refunded] = receiver.received;
      expect(captured?.headers['user-agent']).toBe('Razorpay-Webhook/v1');
      const first = await fx.provider.verifyWebhook(
        captured!.rawBody,
        captured!.headers,
        input.webhookSecret,
      );
      expect(first).toEqual({
        ok: true,
        event: {
          eventId: fx.standIn.deliveries.find((d) => d.event === 'payment.captured')?.eventId,
          type: 'payment.succeeded',
          providerPaymentId: created.providerPaymentId,
          amount: 3000,
        },
      });
      const second = await fx.provider.verifyWebhook(
        refunded!.rawBody,
        refunded!.headers,
        input.webhookSecret,
      );
      expect(second).toMatchObject({
        ok: true,
        event: { type: 'refund.succeeded', providerPaymentId: created.providerPaymentId, amount: 1200 },
      });
      expect(made.status).toBe('succeeded');
    } finally {
      await receiver.close();
    }
  });

  test('the signature is compared whole: another length, another secret, no event id are refused', async () => {
    const secret = 'rzp-webhook-secret-compare';
    const payment = razorpayPaymentEntity({
      orderId: 'order_A',
      amount: 100,
      currency: 'INR',
      status: 'captured',
    });
    const { rawBody, headers } = fx.standIn.signEvent(
      razorpayEvent('payment.captured', 'acc_1', { payment }),
      secret,
    );
    const signature = headers['x-razorpay-signature'] as string;
    const reason = async (h: Record<string, string | string[]>, s = secret) =>
      ((await verify(rawBody, h, s)) as { reason?: string }).reason;
    expect((await verify(rawBody, headers, secret)).ok).toBe(true);
    expect(await reason({ ...headers, 'x-razorpay-signature': signature.slice(0, -2) })).toBe(
      'bad_signature',
    );
    expect(await reason({ ...headers, 'x-razorpay-signature': `${signature}00` })).toBe('bad_signature');
    expect(await reason({ ...headers, 'x-razorpay-signature': '' })).toBe('missing_signature');
    expect(await reason({ ...headers, 'x-razorpay-signature': [signature, signature] })).toBe(
      'missing_signature',
    );
    expect(await reason(headers, `${secret}x`)).toBe('bad_signature');
    expect(await reason(headers, '')).toBe('missing_secret');
    const { 'x-razorpay-event-id': _omitted, ...noEventId } = headers;
    expect(await reason(noEventId)).toBe('malformed_event');
    const notJson = fx.standIn.signEvent({}, secret);
    expect(((await verify('{', { ...notJson.headers }, secret)) as { reason?: string }).reason).toBe(
      'bad_signature',
    );
    expect(((await verify(notJson.rawBody, notJson.headers, secret)) as { reason?: string }).reason).toBe(
      'malformed_event',
    );
  });

  test('genuine events Fleet does not act on verify with event null', async () => {
    const secret = 'rzp-webhook-secret-others';
    const authorized = razorpayPaymentEntity({
      orderId: 'order_B',
      amount: 100,
      currency: 'INR',
      status: 'authorized',
    });
    const noOrder = razorpayPaymentEntity({
      orderId: null,
      amount: 100,
      currency: 'INR',
      status: 'captured',
    });
    const events = [
      razorpayEvent('payment.authorized', 'acc_1', { payment: authorized }),
      razorpayEvent('order.paid', 'acc_1', { payment: authorized }),
      razorpayEvent('refund.created', 'acc_1', {
        refund: razorpayRefundEntity({ paymentId: authorized.id, amount: 100, currency: 'INR' }),
        payment: authorized,
      }),
      razorpayEvent('payment.captured', 'acc_1', { payment: noOrder }),
    ];
    for (const event of events) {
      const { rawBody, headers } = fx.standIn.signEvent(event, secret);
      await expect(verify(rawBody, headers, secret)).resolves.toEqual({ ok: true, event: null });
    }
    const broken = fx.standIn.signEvent({ ...events[0], event: 'payment.captured', payload: {} }, secret);
    await expect(verify(broken.rawBody, broken.headers, secret)).resolves.toEqual({
      ok: false,
      reason: 'malformed_event',
    });
  });

  test('a refund names our refund id from its notes, else its receipt, else none', async () => {
    const secret = 'rzp-webhook-secret-refunds';
    const payment = razorpayPaymentEntity({
      orderId: 'order_C',
      amount: 900,
      currency: 'INR',
      status: 'refunded',
    });
    const refundIdOf = async (notes: Record<string, string> | undefined, receipt: string | null) => {
      const entity = razorpayRefundEntity({
        paymentId: payment.id,
        amount: 900,
        currency: 'INR',
        receipt,
        notes,
      });
      const { rawBody, headers } = fx.standIn.signEvent(
        razorpayEvent('refund.processed', 'acc_1', { refund: entity, payment }),
        secret,
        'EvtRefund00001',
      );
      const verified = await verify(rawBody, headers, secret);
      expect(verified).toMatchObject({
        ok: true,
        event: { eventId: 'EvtRefund00001', providerPaymentId: 'order_C' },
      });
      return verified.ok ? verified.event?.refundId : 'refused';
    };
    expect(await refundIdOf({ fleet_refund_id: 'ref_notes' }, 'ref_receipt')).toBe('ref_notes');
    expect(await refundIdOf(undefined, 'ref_receipt')).toBe('ref_receipt');
    expect(await refundIdOf(undefined, null)).toBeUndefined();
  });
});

describe('refunds', () => {
  test('idempotent by our refund id, even when the first response was lost; never over-refunds', async () => {
    const { input, credentials } = fx.account();
    const created = await create(credentials, 3000);
    await expect(refund(credentials, created, newId('ref'), 100)).rejects.toMatchObject({
      type: 'business_rule',
      code: 'payment_not_captured',
    });
    await fx.standIn.pay(created.providerPaymentId);
    const firstId = newId('ref');
    const first = await refund(credentials, created, firstId, 1000);
    expect(first).toEqual({ providerRefundId: expect.stringMatching(/^rfnd_/), status: 'succeeded' });
    expect(await refund(credentials, created, firstId, 1000)).toEqual(first);

    const lostId = newId('ref');
    fx.standIn.dropNextRefundResponses(1);
    await expect(refund(credentials, created, lostId, 500)).rejects.toMatchObject({ code: 'provider_error' });
    const lost = await refund(credentials, created, lostId, 500);
    expect(fx.standIn.refunds(input.keyId).map((r) => [r.id, r.amount, r.receipt])).toEqual([
      [first.providerRefundId, 1000, firstId],
      [lost.providerRefundId, 500, lostId],
    ]);

    const over = refund(credentials, created, newId('ref'), 1501);
    await expect(over).rejects.toBeInstanceOf(AppError);
    // Razorpay's 400 is final (no retry changes it): 422, not 503.
    await expect(over).rejects.toMatchObject({ type: 'business_rule', code: 'provider_rejected_request' });
    const restId = newId('ref');
    const rest = await refund(credentials, created, restId, 1500);
    expect(fx.standIn.payments(input.keyId)[0]).toMatchObject({ status: 'refunded', amount_refunded: 3000 });
    expect(await refund(credentials, created, restId, 1500)).toEqual(rest); // found after the full refund too
    expect(fx.standIn.refunds(input.keyId)).toHaveLength(3);
  });
});

describe('credentials and errors', () => {
  test('checkCredentials: good keys pass, a wrong secret is invalid_api_key, a bad key id is refused', async () => {
    const { credentials } = fx.account();
    const check = fx.provider.checkCredentials!;
    await expect(check(credentials)).resolves.toEqual({ ok: true });
    await expect(check({ ...credentials, secrets: { keySecret: 'notTheSecret123' } })).resolves.toEqual({
      ok: false,
      reason: 'invalid_api_key',
    });
    await expect(check({ ...credentials, publicKeyId: 'rzp_test_unknownKey01' })).resolves.toEqual({
      ok: false,
      reason: 'invalid_api_key',
    });
    await expect(check({ ...credentials, publicKeyId: 'key_123' })).resolves.toEqual({
      ok: false,
      reason: 'invalid_key_id',
    });
    await expect(check({ ...credentials, secrets: {} })).resolves.toEqual({
      ok: false,
      reason: 'missing_key_secret',
    });
  });

  test('errors never carry the key secret, whether Razorpay refused or could not be reached', async () => {
    const { input, credentials } = fx.account();
    const wrong = { ...credentials, secrets: { keySecret: `${input.keySecret}Wrong` } };
    const gone = await startRazorpayStandIn();
    await gone.close();
    const unreachable = createRazorpayProvider({ apiBase: gone.url });
    const failures = [
      await create(wrong).catch((e: unknown) => e),
      await unreachable
        .createPayment(ctx, {
          paymentId: 'pay_x',
          orderId: 'ord_x',
          amount: 100,
          currency: 'INR',
          credentials,
        })
        .catch((e: unknown) => e),
      await unreachable.checkCredentials!(credentials).catch((e: unknown) => e),
    ];
    expect(failures.map((e) => (e as AppError).message)).toEqual([
      'Razorpay refused to look up the order by receipt (HTTP 401, BAD_REQUEST_ERROR: Authentication failed).',
      'Razorpay could not be reached to look up the order by receipt.',
      'Razorpay could not be reached to check the API keys.',
    ]);
    expect(failures.map((e) => [(e as AppError).type, (e as AppError).code])).toEqual([
      ['unavailable', 'provider_auth_failed'],
      ['unavailable', 'provider_error'],
      ['unavailable', 'provider_error'],
    ]);
    for (const failure of failures) {
      expect(failure).toBeInstanceOf(AppError);
      const everything = JSON.stringify([
        failure,
        (failure as Error).message,
        (failure as Error).cause,
        (failure as Error).stack,
      ]);
      expect(everything).not.toContain(input.keySecret);
    }
    await expect(
      fx.provider.createPayment(ctx, {
        paymentId: 'pay_y',
        orderId: 'ord_y',
        amount: 100,
        currency: 'INR',
        credentials: { ...credentials, secrets: {} },
      }),
    ).rejects.toMatchObject({ code: 'provider_not_configured' });
  });
});
