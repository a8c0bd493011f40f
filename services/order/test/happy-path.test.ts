import {
  createOrder,
  guest,
  json,
  level,
  newTenant,
  orderBody,
  placeOrder,
  reservation,
  settled,
  setStock,
  simulate,
  staff,
  startPlatform,
  statusHistory,
  type Platform,
} from './support/platform';

let p: Platform;

beforeAll(async () => {
  p = await startPlatform('ord_happy');
}, 60_000);
afterAll(async () => {
  await p.close();
});

test('create -> payment succeeded -> PLACED, reservation committed, stock = initial - qty', async () => {
  const tenant = newTenant();
  await setStock(p, tenant, 'var_a', 10);
  const created = await placeOrder(p, tenant, orderBody([['var_a', 3, 1500]]));
  expect(created).toMatchObject({ status: 'PENDING', total: 5000, currency: 'USD' });
  expect(created.payment.provider).toBe('offline');
  expect(created.orderToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
  expect(await level(p, tenant, 'var_a')).toEqual({ onHand: 10, reserved: 3 });

  await simulate(p, tenant, created.payment.paymentId, 'succeeded');
  const saga = await settled(p, tenant, created.orderId, 'PLACED');
  expect(saga.data.committed).toBe(true);
  expect(await level(p, tenant, 'var_a')).toEqual({ onHand: 7, reserved: 0 });
  expect((await reservation(p, tenant, created.orderId))?.status).toBe('committed');
  expect(await statusHistory(p, tenant, created.orderId)).toEqual(['PENDING', 'PLACED']);

  const view = await json<{ status: string; items: unknown[]; statusHistory: unknown[]; total: number }>(
    await p.call(p.order.url, `/api/store/orders/${created.orderId}?token=${created.orderToken}`, {
      ctx: guest(tenant),
    }),
  );
  expect(view).toMatchObject({ status: 'PLACED', total: 5000 });
  expect(view.items).toHaveLength(1);
  expect(view.statusHistory).toHaveLength(2);
});

test('the order events go out through the outbox: order.created then order.placed with total', async () => {
  const tenant = newTenant();
  await setStock(p, tenant, 'var_b', 2);
  const created = await placeOrder(p, tenant, orderBody([['var_b', 1]]));
  await simulate(p, tenant, created.payment.paymentId, 'succeeded');
  await settled(p, tenant, created.orderId, 'PLACED');
  const rows = await p
    .orderOwner('outbox')
    .where({ tenant_id: tenant, aggregate_id: created.orderId })
    .orderBy('seq')
    .select('type', 'version', 'envelope');
  expect(rows.map((r: { type: string }) => r.type)).toEqual(['order.created', 'order.placed']);
  expect(rows[1].envelope.data).toMatchObject({ total: 1500, currency: 'USD', status: 'PLACED' });
  expect(rows.map((r: { version: number }) => r.version)).toEqual([1, 2]);
  // A store starts in test mode: the payment is a test payment, so the order is a test order (issue
  // 13, item 3): unknown before the payment existed, flagged from then on, never revenue.
  expect(rows[0].envelope.data).toMatchObject({ test: null });
  expect(rows[1].envelope.data).toMatchObject({ test: true });
});

test('the order views flag a test order; the merchant sees its payment and refunds', async () => {
  const tenant = newTenant();
  await setStock(p, tenant, 'var_t', 2);
  const created = await placeOrder(p, tenant, orderBody([['var_t', 1]]));
  await simulate(p, tenant, created.payment.paymentId, 'succeeded');
  await settled(p, tenant, created.orderId, 'PLACED');
  const read = async <T>(path: string, ctx: ReturnType<typeof staff>): Promise<T> => {
    const res = await p.call(p.order.url, path, { ctx });
    expect(res.status).toBe(200);
    return json<T>(res);
  };
  const shopper = await read<{ test: boolean }>(
    `/api/store/orders/${created.orderId}?token=${created.orderToken}`,
    guest(tenant),
  );
  expect(shopper.test).toBe(true);
  const refund = await p.call(p.order.url, `/api/admin/orders/${created.orderId}/refund`, {
    body: { amount: 100 },
    ctx: staff(tenant),
  });
  expect(refund.status).toBe(201);
  const merchant = await read<{ test: boolean; payment: Record<string, unknown> }>(
    `/api/admin/orders/${created.orderId}`,
    staff(tenant),
  );
  expect(merchant.test).toBe(true);
  expect(merchant.payment).toMatchObject({
    paymentId: created.payment.paymentId,
    provider: 'offline',
    test: true,
    refunds: [expect.objectContaining({ amount: 100, status: 'succeeded', failureReason: null })],
  });
  const list = await read<{ items: Array<{ id: string; test: boolean }> }>(
    '/api/admin/orders',
    staff(tenant),
  );
  expect(list.items.find((o) => o.id === created.orderId)?.test).toBe(true);
});

test('a retried checkout with the same body answers the same order and token', async () => {
  const tenant = newTenant();
  await setStock(p, tenant, 'var_c', 5);
  const body = orderBody([['var_c', 2]]);
  const first = await placeOrder(p, tenant, body);
  const again = await createOrder(p, tenant, body);
  expect(again.status).toBe(201);
  expect(again.headers.get('idempotent-replayed')).toBe('true');
  expect(await json(again)).toEqual(first);
  const other = await createOrder(p, tenant, { ...body, email: 'someone-else@example.com' });
  expect(other.status).toBe(409);
  expect((await json(other)).code).toBe('checkout_conflict');
});
