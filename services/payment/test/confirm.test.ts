import type { Ctx } from '@fleet/context';
import { startRazorpayStandIn, waitFor, type RazorpayStandIn } from '@fleet/testing';
import {
  createPayment,
  getPayment,
  json,
  newTenant,
  receipts,
  shopper,
  startPayment,
  type PaymentFixture,
} from './payment-fixture';

const KEYS = {
  keyId: 'rzp_test_confirm0123',
  keySecret: 'confirmSecret0123456',
  webhookSecret: 'confirm-hook-secret',
};
const owner = (tenantId: string): Partial<Ctx> => ({
  tenantId,
  actor: { kind: 'staff', id: 'stf_o', roles: ['owner'] },
});

let fx: PaymentFixture;
let razorpay: RazorpayStandIn;

beforeAll(async () => {
  razorpay = await startRazorpayStandIn();
  razorpay.addAccount(KEYS); // no webhook endpoint: only the storefront's confirmation reports the payment
  fx = await startPayment('pay_confirm', { apiBases: { razorpay: razorpay.url } });
});
afterAll(async () => {
  await fx?.close();
  await razorpay?.close();
});

async function razorpayStore(): Promise<string> {
  const tenant = newTenant();
  const res = await fx.call('/api/admin/settings/payments', {
    method: 'PUT',
    body: { provider: 'razorpay', credentials: KEYS },
    ctx: owner(tenant),
  });
  expect(res.status).toBe(200);
  return tenant;
}

const confirm = (tenant: string, paymentId: string, body: Record<string, string>) =>
  fx.call(`/api/store/payments/${paymentId}/confirm`, { body, ctx: shopper(tenant) });

test('a verified checkout confirmation settles the payment once; a forged one is 400 before and after', async () => {
  const tenant = await razorpayStore();
  const payment = await createPayment(fx, tenant, { currency: 'INR' });
  const orderId = payment.clientParams.orderId as string;
  const paid = await razorpay.pay(orderId, 'succeeded');
  const genuine = {
    razorpay_order_id: orderId,
    razorpay_payment_id: paid.paymentId,
    razorpay_signature: paid.signature,
  };
  const forged = { ...genuine, razorpay_signature: 'f'.repeat(64) };

  const refused = await confirm(tenant, payment.paymentId, forged);
  expect([refused.status, (await json(refused)).code]).toEqual([400, 'invalid_payment_signature']);
  expect(await receipts(fx, tenant)).toHaveLength(0);
  expect(fx.logs.some((l) => l.security === true && l.paymentId === payment.paymentId)).toBe(true);

  const accepted = await confirm(tenant, payment.paymentId, genuine);
  expect(await json(accepted)).toEqual({ paymentId: payment.paymentId, outcome: 'succeeded' });
  await waitFor('the payment to succeed', async () =>
    (await getPayment(fx, tenant, payment.paymentId)).status === 'succeeded' ? true : undefined,
  );
  expect(await json(await confirm(tenant, payment.paymentId, genuine))).toEqual({
    paymentId: payment.paymentId,
    outcome: 'succeeded',
  });
  expect(await receipts(fx, tenant)).toHaveLength(1);
  expect((await confirm(tenant, payment.paymentId, forged)).status).toBe(400);
});

test('bad bodies are 400; offline payments are 422; another store gets 404', async () => {
  const tenant = await razorpayStore();
  const payment = await createPayment(fx, tenant, { currency: 'INR' });
  for (const body of [{ 'Bad-Field': 'x' }, { razorpay_signature: 'x'.repeat(501) }, []]) {
    const res = await fx.call(`/api/store/payments/${payment.paymentId}/confirm`, {
      body,
      ctx: shopper(tenant),
    });
    expect(res.status).toBe(400);
  }
  const offlineStore = newTenant();
  const offline = await createPayment(fx, offlineStore);
  const res = await confirm(offlineStore, offline.paymentId, {});
  expect([res.status, (await json(res)).code]).toEqual([422, 'confirmation_not_supported']);
  const foreign = await confirm(newTenant(), payment.paymentId, {});
  expect([foreign.status, (await json(foreign)).code]).toEqual([404, 'payment_not_found']);
});
