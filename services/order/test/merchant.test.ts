import { waitFor } from '@fleet/testing';
import {
  createOrder,
  customer,
  json,
  newTenant,
  orderBody,
  orderRow,
  placeOrder,
  service,
  settled,
  setStock,
  simulate,
  staff,
  startPlatform,
  type Platform,
} from './support/platform';

let p: Platform;

beforeAll(async () => {
  p = await startPlatform('ord_merchant');
}, 60_000);
afterAll(async () => {
  await p.close();
});

const admin = (tenant: string, path: string, init: { method?: string; body?: unknown } = {}) =>
  p.call(p.order.url, path, { ...init, ctx: staff(tenant) });

interface Page {
  items: Array<{ id: string; status: string; total: number }>;
  nextCursor: string | null;
}

test('merchant lists orders by status with cursor pages, and sees the saga of one', async () => {
  const tenant = newTenant();
  await setStock(p, tenant, 'var_l', 3);
  const placed = [];
  for (let i = 0; i < 3; i++) {
    placed.push(await placeOrder(p, tenant, orderBody([['var_l', 1]], { email: 'shopper@example.com' })));
  }
  expect((await createOrder(p, tenant, orderBody([['var_l', 1]]))).status).toBe(422);
  await simulate(p, tenant, placed[0]!.payment.paymentId, 'succeeded');
  await settled(p, tenant, placed[0]!.orderId, 'PLACED');

  const first = await json<Page>(await admin(tenant, '/api/admin/orders?limit=2'));
  expect(first.items).toHaveLength(2);
  const second = await json<Page>(
    await admin(tenant, `/api/admin/orders?limit=2&cursor=${first.nextCursor}`),
  );
  expect(second.nextCursor).toBeNull();
  const all = [...first.items, ...second.items].map((o) => o.id);
  expect(new Set(all).size).toBe(4);
  const pending = await json<Page>(await admin(tenant, '/api/admin/orders?status=PENDING'));
  expect(pending.items.map((o) => o.id).sort()).toEqual([placed[1]!.orderId, placed[2]!.orderId].sort());
  const rejected = await json<Page>(await admin(tenant, '/api/admin/orders?status=REJECTED'));
  expect(rejected.items).toHaveLength(1);
  const refused = await admin(tenant, `/api/admin/orders/${rejected.items[0]!.id}/cancel`, {
    method: 'POST',
  });
  expect([refused.status, (await json(refused)).code]).toEqual([409, 'order_not_cancellable']);

  const detail = await json<Record<string, unknown>>(
    await admin(tenant, `/api/admin/orders/${placed[0]!.orderId}`),
  );
  expect(detail).toMatchObject({
    id: placed[0]!.orderId,
    status: 'PLACED',
    email: 'shopper@example.com',
    payment: { paymentId: placed[0]!.payment.paymentId, provider: 'offline' },
    saga: { step: 'completed', status: 'done', data: { committed: true, captured: true } },
  });
  expect((detail.statusHistory as unknown[]).length).toBe(2);
  expect((await admin(tenant, '/api/admin/orders?status=LOST')).status).toBe(400);
  expect((await admin(tenant, '/api/admin/orders?cursor=bogus')).status).toBe(400);
});

test('fulfil a PLACED order; refund part of it, then more than is left (422 passes through)', async () => {
  const tenant = newTenant();
  await setStock(p, tenant, 'var_f', 2);
  const order = await placeOrder(p, tenant, orderBody([['var_f', 1]]));
  const early = await admin(tenant, `/api/admin/orders/${order.orderId}/fulfill`, { method: 'POST' });
  expect([early.status, (await json(early)).code]).toEqual([409, 'invalid_transition']);
  const unpaid = await admin(tenant, `/api/admin/orders/${order.orderId}/refund`, { method: 'POST' });
  expect([unpaid.status, (await json(unpaid)).code]).toEqual([409, 'order_not_refundable']);

  await simulate(p, tenant, order.payment.paymentId, 'succeeded');
  await settled(p, tenant, order.orderId, 'PLACED');
  const fulfilled = await admin(tenant, `/api/admin/orders/${order.orderId}/fulfill`, {
    method: 'POST',
    body: {},
  });
  expect(await json(fulfilled)).toMatchObject({ status: 'FULFILLED', carrier: null });

  const part = await admin(tenant, `/api/admin/orders/${order.orderId}/refund`, { body: { amount: 400 } });
  expect(part.status).toBe(201);
  expect(await json(part)).toMatchObject({ amount: 400, status: 'succeeded' });
  await waitFor(
    'the refund to be recorded',
    async () => (await orderRow(p, tenant, order.orderId))?.refunded_amount === '400',
  );
  const over = await admin(tenant, `/api/admin/orders/${order.orderId}/refund`, {
    body: { amount: order.total },
  });
  expect(over.status).toBe(422);
  expect((await json(over)).code).toBe('refund_exceeds_payment');
  const events = await p.orderOwner('outbox').where({ tenant_id: tenant, type: 'order.fulfilled' });
  expect(events).toHaveLength(1);
});

test("a customer's own orders, newest first, and their detail without a token", async () => {
  const tenant = newTenant();
  await setStock(p, tenant, 'var_c', 5);
  const first = await placeOrder(p, tenant, orderBody([['var_c', 1]], { customerId: 'cus_1' }));
  const second = await placeOrder(p, tenant, orderBody([['var_c', 2]], { customerId: 'cus_1' }));
  await placeOrder(p, tenant, orderBody([['var_c', 1]], { customerId: 'cus_2' }));
  const me = (path: string) => p.call(p.order.url, path, { ctx: customer(tenant, 'cus_1') });
  const page = await json<Page>(await me('/api/store/me/orders'));
  expect(page.items.map((o) => o.id)).toEqual([second.orderId, first.orderId]);
  const view = await json<{ id: string; items: Array<{ lineTotal: number }> }>(
    await me(`/api/store/orders/${second.orderId}`),
  );
  expect(view.items[0]!.lineTotal).toBe(2000);
});

test('bad input is a 400 naming every bad field', async () => {
  const tenant = newTenant();
  const body = orderBody([['var_v', 1]]);
  const res = await p.call(p.order.url, '/internal/orders', {
    ctx: service(tenant),
    body: {
      ...body,
      email: 'not-an-email',
      total: body.total + 1,
      items: [{ ...body.items[0], quantity: 0 }],
      surprise: true,
    },
  });
  expect(res.status).toBe(400);
  const problem = await json<{ code: string; errors: Array<{ path: string }> }>(res);
  expect(problem.code).toBe('validation_failed');
  const paths = problem.errors.map((e) => e.path);
  expect(paths).toEqual(expect.arrayContaining(['email', 'items.0.quantity', 'surprise']));
  const sums = await p.call(p.order.url, '/internal/orders', {
    ctx: service(tenant),
    body: { ...body, total: body.total + 2, subtotal: body.subtotal + 1 },
  });
  const sumProblem = await json<{ errors: Array<{ path: string }> }>(sums);
  expect(sumProblem.errors.map((e) => e.path).sort()).toEqual(['subtotal', 'total']);
  const refund = await admin(tenant, `/api/admin/orders/ord_0000000000aaaaaaaaaaaaaaaa/refund`, {
    body: { amount: -5 },
  });
  expect(refund.status).toBe(400);
});

test('ship with a tracking number, then deliver; out of order is 409, another store gets 404', async () => {
  const tenant = newTenant();
  await setStock(p, tenant, 'var_s', 1);
  const order = await placeOrder(p, tenant, orderBody([['var_s', 1]]));
  await simulate(p, tenant, order.payment.paymentId, 'succeeded');
  await settled(p, tenant, order.orderId, 'PLACED');
  const post = (path: string, body: unknown = {}, who = tenant) =>
    admin(who, `/api/admin/orders/${order.orderId}/${path}`, { body });

  const early = await post('ship');
  expect([early.status, (await json(early)).code]).toEqual([409, 'invalid_transition']);
  expect((await post('fulfill')).status).toBe(200);
  expect((await post('ship', { carrier: 'DHL', trackingNumber: '' })).status).toBe(400);
  expect((await post('ship', { carrier: 'DHL', trackingNumber: 'JD0123' }, newTenant())).status).toBe(404);
  const shipped = await post('ship', { carrier: 'DHL', trackingNumber: 'JD0123' });
  expect(await json(shipped)).toEqual({ id: order.orderId, status: 'SHIPPED', carrier: 'DHL' });
  expect((await post('deliver', { surprise: 1 })).status).toBe(400);
  expect(await json(await post('deliver'))).toEqual({ id: order.orderId, status: 'DELIVERED' });
  const twice = await post('deliver');
  expect([twice.status, (await json(twice)).code]).toEqual([409, 'invalid_transition']);

  const history = await p
    .orderOwner('order_status_history')
    .where({ tenant_id: tenant, order_id: order.orderId })
    .orderBy('seq')
    .select('to_status', 'reason');
  expect(history.map((h: { to_status: string }) => h.to_status)).toEqual([
    'PENDING',
    'PLACED',
    'FULFILLED',
    'SHIPPED',
    'DELIVERED',
  ]);
  expect(history[3].reason).toBe('shipped carrier:DHL tracking:JD0123');
  const events = await p
    .orderOwner('outbox')
    .where({ tenant_id: tenant })
    .whereIn('type', ['order.shipped', 'order.delivered']);
  expect(events).toHaveLength(2);
});
