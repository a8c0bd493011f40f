import { createOfflineProvider } from '../src/offline/offline.provider';
import { offlineWebhook, signOfflineWebhook } from '../src/offline/offline-webhook';
import { OFFLINE_SIGNATURE_HEADER, signOfflinePayload } from '../src/offline/offline-signature';

const provider = createOfflineProvider();
const SECRET = 'whsec_off_test-secret';
const ctx = { requestId: 'r', tenantId: 'ten_x' };

function verify(rawBody: string, headers: Record<string, string>, options = {}, secret = SECRET) {
  return provider.verifyWebhook(Buffer.from(rawBody), headers, secret, options);
}

test('create hands back the simulate URL; refunds succeed at once', async () => {
  const created = await provider.createPayment(ctx, {
    paymentId: 'pay_1',
    orderId: 'ord_1',
    amount: 100,
    currency: 'USD',
    credentials: { publicKeyId: null, webhookSecret: SECRET, secrets: {} },
  });
  expect(created).toEqual({
    providerPaymentId: 'off_pay_1',
    clientParams: { simulateUrl: '/api/store/payments/pay_1/simulate' },
  });
  const refund = await provider.refund(ctx, {
    providerPaymentId: 'off_pay_1',
    amount: 50,
    currency: 'USD',
    refundId: 'ref_1',
    credentials: { publicKeyId: null, webhookSecret: SECRET, secrets: {} },
  });
  expect(refund).toEqual({ providerRefundId: 'off_ref_1', status: 'succeeded' });
});

test('a correctly signed event verifies and is normalised', async () => {
  const body = offlineWebhook('payment.succeeded', { paymentId: 'off_pay_1', amount: 2500 });
  const { rawBody, headers } = signOfflineWebhook(SECRET, body);
  expect(headers[OFFLINE_SIGNATURE_HEADER]).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
  expect(body.id).toMatch(/^evt_off_/);
  await expect(verify(rawBody, headers)).resolves.toEqual({
    ok: true,
    event: { eventId: body.id, type: 'payment.succeeded', providerPaymentId: 'off_pay_1', amount: 2500 },
  });
});

test('the signature covers the exact bytes, the secret and the timestamp', async () => {
  const body = offlineWebhook('payment.failed', { paymentId: 'off_pay_1', reason: 'card_declined' });
  const { rawBody, headers } = signOfflineWebhook(SECRET, body);
  const header = headers[OFFLINE_SIGNATURE_HEADER] as string;
  const reason = async (p: ReturnType<typeof verify>) => ((await p) as { reason?: string }).reason;
  expect(await reason(verify(`${rawBody} `, headers))).toBe('bad_signature');
  expect(await reason(verify(rawBody.replace('off_pay_1', 'off_pay_2'), headers))).toBe('bad_signature');
  expect(await reason(verify(rawBody, headers, {}, 'whsec_off_other'))).toBe('bad_signature');
  const later = header.replace(/t=(\d+)/, (_, t: string) => `t=${Number(t) + 1}`);
  expect(await reason(verify(rawBody, { [OFFLINE_SIGNATURE_HEADER]: later }))).toBe('bad_signature');
  expect(await reason(verify(rawBody, {}))).toBe('missing_signature');
  expect(await reason(verify(rawBody, { [OFFLINE_SIGNATURE_HEADER]: 'garbage' }))).toBe(
    'malformed_signature',
  );
});

test('timestamps older or newer than five minutes are refused', async () => {
  const body = JSON.stringify(offlineWebhook('payment.succeeded', { paymentId: 'off_pay_1' }));
  const now = Date.now();
  const signedAt = (ms: number) => ({ [OFFLINE_SIGNATURE_HEADER]: signOfflinePayload(SECRET, body, ms) });
  expect((await verify(body, signedAt(now - 290_000), { now })).ok).toBe(true);
  expect(await verify(body, signedAt(now - 310_000), { now })).toEqual({
    ok: false,
    reason: 'timestamp_outside_tolerance',
  });
  expect((await verify(body, signedAt(now + 310_000), { now })).ok).toBe(false);
});

test('one matching v1 among several is enough (secret rotation); a signed non-event is refused', async () => {
  const body = JSON.stringify(offlineWebhook('payment.succeeded', { paymentId: 'off_pay_1' }));
  const good = signOfflinePayload(SECRET, body);
  const bad = signOfflinePayload('whsec_off_old', body);
  const both = `${bad},${good.split(',')[1]}`;
  expect((await verify(body, { [OFFLINE_SIGNATURE_HEADER]: both })).ok).toBe(true);
  const notAnEvent = JSON.stringify({ hello: 'world' });
  expect(
    await verify(notAnEvent, { [OFFLINE_SIGNATURE_HEADER]: signOfflinePayload(SECRET, notAnEvent) }),
  ).toEqual({
    ok: false,
    reason: 'malformed_event',
  });
});
