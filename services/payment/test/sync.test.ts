import type { PaymentSyncView } from '@fleet/contracts';
import { startStripeStandIn, type StripeStandIn } from '@fleet/testing';
import {
  createPayment,
  json,
  newTenant,
  outbox,
  receipts,
  service,
  shopper,
  simulate,
  startPayment,
  type PaymentFixture,
} from './payment-fixture';

/**
 * `POST /internal/payments/{id}/sync` (issue 13 item 10): what the provider says about a payment,
 * a success applied first as its webhook would be. The order saga asks here before it cancels an
 * unpaid order.
 */
let fx: PaymentFixture;
let stripe: StripeStandIn;
beforeAll(async () => {
  stripe = await startStripeStandIn();
  fx = await startPayment('pay_sync', { apiBases: { stripe: stripe.url } });
});
afterAll(async () => {
  await fx?.close();
  await stripe?.close();
});

const sync = (tenantId: string, paymentId: string, ctx = service(tenantId)) =>
  fx.call(`/internal/payments/${paymentId}/sync`, { method: 'POST', ctx });

async function stripeTenant(): Promise<{ tenant: string; keys: Record<string, string> }> {
  const tenant = newTenant();
  const id = tenant.slice(-10);
  const keys = {
    secretKey: `sk_test_${id}Secret01`,
    publishableKey: `pk_test_${id}Public01`,
    webhookSecret: `whsec_${id}Hook0123`,
  };
  stripe.addAccount(keys); // no webhook endpoint: only the API knows what happened
  const res = await fx.call('/api/admin/settings/payments', {
    method: 'PUT',
    body: { provider: 'stripe', credentials: keys },
    ctx: { tenantId: tenant, actor: { kind: 'staff', id: 'stf_owner', roles: ['owner'] } },
  });
  expect(res.status).toBe(200);
  return { tenant, keys };
}

test('offline: unpaid while pending; succeeded from our record once simulated (no provider call)', async () => {
  const tenant = newTenant();
  const payment = await createPayment(fx, tenant);
  const before = await sync(tenant, payment.paymentId);
  expect(before.status).toBe(200);
  expect(await json<PaymentSyncView>(before)).toEqual({
    payment: expect.objectContaining({ paymentId: payment.paymentId, status: 'pending' }),
    providerStatus: 'unpaid',
  });
  expect((await simulate(fx, tenant, payment.paymentId, 'succeeded')).status).toBe(202);
  expect(await json<PaymentSyncView>(await sync(tenant, payment.paymentId))).toEqual({
    payment: expect.objectContaining({ status: 'succeeded', amount: 2500 }),
    providerStatus: 'succeeded',
  });
  expect(await outbox(fx, tenant, 'payment.succeeded')).toHaveLength(1);
});

test('stripe: a payment that succeeded at Stripe with no webhook is applied by sync, once', async () => {
  const { tenant } = await stripeTenant();
  const payment = await createPayment(fx, tenant);
  const row = await fx.owner('payments').where({ tenant_id: tenant, id: payment.paymentId }).first();
  expect(await json<PaymentSyncView>(await sync(tenant, payment.paymentId))).toMatchObject({
    payment: { status: 'pending' },
    providerStatus: 'unpaid',
  });

  await stripe.pay(row.provider_payment_id as string, 'succeeded');
  const first = await json<PaymentSyncView>(await sync(tenant, payment.paymentId));
  expect(first).toEqual({
    payment: expect.objectContaining({ status: 'succeeded', amount: 2500 }),
    providerStatus: 'succeeded',
  });
  expect(await json<PaymentSyncView>(await sync(tenant, payment.paymentId))).toEqual(first);
  expect(await outbox(fx, tenant, 'payment.succeeded')).toHaveLength(1);
  expect(await receipts(fx, tenant)).toEqual([
    expect.objectContaining({ event_id: `confirm_${row.provider_payment_id}`, status: 'processed' }),
  ]);
});

test("another tenant's payment is 404 and changes nothing; only services may sync", async () => {
  const { tenant } = await stripeTenant();
  const payment = await createPayment(fx, tenant);
  const row = await fx.owner('payments').where({ tenant_id: tenant, id: payment.paymentId }).first();
  await stripe.pay(row.provider_payment_id as string, 'succeeded');

  const other = newTenant();
  await createPayment(fx, other);
  const asOther = await sync(other, payment.paymentId);
  expect([asOther.status, (await json(asOther)).code]).toEqual([404, 'payment_not_found']);
  const asShopper = await sync(tenant, payment.paymentId, shopper(tenant));
  expect(asShopper.status).toBe(403);
  expect(asShopper.headers.get('content-type')).toContain('application/problem+json');
  const unchanged = await fx.owner('payments').where({ tenant_id: tenant, id: payment.paymentId }).first();
  expect(unchanged.status).toBe('pending');
  expect(await outbox(fx, tenant, 'payment.succeeded')).toHaveLength(0);
  const bad = await sync(tenant, 'not a valid id!');
  expect(bad.status).toBeGreaterThanOrEqual(400);
  expect(bad.status).toBeLessThan(500);
});
