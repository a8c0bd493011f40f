import type { PaymentView } from '@fleet/contracts';
import {
  createPayment,
  json,
  newOrder,
  newTenant,
  service,
  startPayment,
  type PaymentFixture,
} from './payment-fixture';

let fx: PaymentFixture;
beforeAll(async () => {
  fx = await startPayment('pay_create');
});
afterAll(() => fx.close());

const create = (tenantId: string, body: unknown) =>
  fx.call('/internal/payments', { body, ctx: service(tenantId) });

test('a payment starts pending with the offline provider and its simulate URL', async () => {
  const tenantId = newTenant();
  const orderId = newOrder();
  const res = await create(tenantId, { orderId, amount: 1999, currency: 'EUR', email: 'a@b.example' });
  expect(res.status).toBe(201);
  const payment = await json<PaymentView>(res);
  expect(payment).toEqual({
    paymentId: expect.stringMatching(/^pay_[0-9a-z]{26}$/),
    orderId,
    provider: 'offline',
    status: 'pending',
    amount: 1999,
    refundedAmount: 0,
    currency: 'EUR',
    clientParams: { simulateUrl: `/api/store/payments/${payment.paymentId}/simulate` },
    test: true, // every store starts in test mode
  });
  const byId = await fx.call(`/internal/payments/${payment.paymentId}`, { ctx: service(tenantId) });
  expect(await json(byId)).toEqual({ ...payment, refunds: [] });
  const byOrder = await fx.call(`/internal/payments?orderId=${orderId}`, { ctx: service(tenantId) });
  expect(await json(byOrder)).toEqual({ items: [payment], nextCursor: null });
  const none = await fx.call(`/internal/payments?orderId=${newOrder()}`, { ctx: service(tenantId) });
  expect(await json(none)).toEqual({ items: [], nextCursor: null });
});

test('five concurrent creates for one order make one payment; a later repeat returns it too', async () => {
  const tenantId = newTenant(); // first use: the tenant's offline settings are created in the race too
  const body = { orderId: newOrder(), amount: 500, currency: 'USD' };
  const answers = await Promise.all(Array.from({ length: 5 }, () => create(tenantId, body)));
  const statuses = answers.map((r) => r.status).sort();
  expect(statuses).toEqual([200, 200, 200, 200, 201]);
  const payments = await Promise.all(answers.map((r) => json<PaymentView>(r)));
  expect(new Set(payments.map((p) => p.paymentId)).size).toBe(1);
  expect(payments.every((p) => (p.clientParams as { simulateUrl?: string }).simulateUrl)).toBe(true);
  const repeat = await create(tenantId, body);
  expect(repeat.status).toBe(200);
  expect((await json<PaymentView>(repeat)).paymentId).toBe(payments[0]?.paymentId);
  expect(await fx.owner('payments').where({ tenant_id: tenantId })).toHaveLength(1);
  expect(await fx.owner('payment_settings').where({ tenant_id: tenantId })).toHaveLength(1);
});

test('the same order with another amount is a 409; bad input a 400 naming the fields', async () => {
  const tenantId = newTenant();
  const first = await createPayment(fx, tenantId);
  const clash = await create(tenantId, { orderId: first.orderId, amount: 1, currency: 'USD' });
  expect(clash.status).toBe(409);
  expect(await json(clash)).toMatchObject({ code: 'order_payment_exists' });
  const bad = await create(tenantId, { orderId: 'x', amount: -1, currency: 'usd', extra: true });
  expect(bad.status).toBe(400);
  expect(bad.headers.get('content-type')).toMatch(/application\/problem\+json/);
  const problem = await json<{ errors: Array<{ path: string }> }>(bad);
  expect(problem.errors.map((e) => e.path).sort()).toEqual(['amount', 'currency', 'extra', 'orderId']);
});

test('only services may use the internal API, and only for a tenant', async () => {
  const tenantId = newTenant();
  const body = { orderId: newOrder(), amount: 100, currency: 'USD' };
  for (const kind of ['anonymous', 'customer', 'staff', 'platform_admin'] as const) {
    const res = await fx.call('/internal/payments', { body, ctx: { tenantId, actor: { kind, id: 'x' } } });
    expect(res.status).toBe(403);
  }
  expect((await fx.call('/internal/payments', { body, ctx: service(undefined) })).status).toBe(404);
  expect(
    (await fx.call('/internal/payments', { body, headers: { 'x-fleet-context': 'forged.sig' } })).status,
  ).toBe(401);
  expect(await fx.owner('payments').where({ tenant_id: tenantId })).toHaveLength(0);
  const unknown = await fx.call('/internal/payments/pay_00000000000000000000000000', {
    ctx: service(tenantId),
  });
  expect(unknown.status).toBe(404);
  expect((await fx.call('/internal/payments/garbage', { ctx: service(tenantId) })).status).toBe(404);
});

test('the webhook secret is stored sealed, never in clear', async () => {
  const tenantId = newTenant();
  await createPayment(fx, tenantId);
  const [settings] = await fx.owner('payment_settings').where({ tenant_id: tenantId });
  expect(settings).toMatchObject({ provider: 'offline', active: true });
  expect(settings.credentials_sealed).toMatch(/^v1\.k1\./);
  expect(settings.credentials_sealed).not.toContain('whsec');
});
