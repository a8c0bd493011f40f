import {
  customer,
  guest,
  json,
  level,
  newTenant,
  orderBody,
  orderRow,
  paymentFor,
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
  p = await startPlatform('ord_cancel');
}, 60_000);
afterAll(async () => {
  await p.close();
});

const cancelAsGuest = (tenant: string, orderId: string, token: string) =>
  p.call(p.order.url, `/api/store/orders/${orderId}/cancel?token=${token}`, {
    method: 'POST',
    ctx: guest(tenant),
  });
const cancelAsMerchant = (tenant: string, orderId: string) =>
  p.call(p.order.url, `/api/admin/orders/${orderId}/cancel`, { method: 'POST', ctx: staff(tenant) });

test('payment failed -> CANCELLED and the stock is back', async () => {
  const tenant = newTenant();
  await setStock(p, tenant, 'var_a', 4);
  const order = await placeOrder(p, tenant, orderBody([['var_a', 2]]));
  await simulate(p, tenant, order.payment.paymentId, 'failed');
  await settled(p, tenant, order.orderId, 'CANCELLED');
  expect(await statusHistory(p, tenant, order.orderId)).toEqual(['PENDING', 'CANCEL_REQUESTED', 'CANCELLED']);
  expect(await level(p, tenant, 'var_a')).toEqual({ onHand: 4, reserved: 0 });
  expect((await reservation(p, tenant, order.orderId))?.status).toBe('released');
});

test('a guest cancels a PENDING order with its token; a payment that still succeeds is refunded', async () => {
  const tenant = newTenant();
  await setStock(p, tenant, 'var_b', 3);
  const order = await placeOrder(p, tenant, orderBody([['var_b', 1]]));
  expect((await cancelAsGuest(tenant, order.orderId, 'not-the-token')).status).toBe(404);
  const res = await cancelAsGuest(tenant, order.orderId, order.orderToken);
  expect(res.status).toBe(202);
  expect(await json(res)).toEqual({ id: order.orderId, status: 'CANCEL_REQUESTED' });
  const saga = await settled(p, tenant, order.orderId, 'CANCELLED');
  expect(saga.data.compensation).toMatchObject({ stockDone: true, refund: false });
  expect(await level(p, tenant, 'var_b')).toEqual({ onHand: 3, reserved: 0 });
  expect((await cancelAsGuest(tenant, order.orderId, order.orderToken)).status).toBe(202); // a retry

  await simulate(p, tenant, order.payment.paymentId, 'succeeded'); // the shopper paid anyway
  await waitForRefund(tenant, order.orderId, order.total);
  expect((await orderRow(p, tenant, order.orderId))?.status).toBe('CANCELLED');
});

test('the merchant cancels a PLACED order: restock + refund, CANCELLED once both are confirmed', async () => {
  const tenant = newTenant();
  await setStock(p, tenant, 'var_c', 5);
  const order = await placeOrder(p, tenant, orderBody([['var_c', 2]]));
  await simulate(p, tenant, order.payment.paymentId, 'succeeded');
  await settled(p, tenant, order.orderId, 'PLACED');
  expect(await level(p, tenant, 'var_c')).toEqual({ onHand: 3, reserved: 0 });

  expect((await cancelAsMerchant(tenant, order.orderId)).status).toBe(202);
  const saga = await settled(p, tenant, order.orderId, 'CANCELLED');
  expect(saga.data.compensation).toMatchObject({ stockDone: true, refund: true, refundDone: true });
  expect(await level(p, tenant, 'var_c')).toEqual({ onHand: 5, reserved: 0 });
  expect((await reservation(p, tenant, order.orderId))?.status).toBe('restocked');
  await waitForRefund(tenant, order.orderId, order.total);
  expect(await statusHistory(p, tenant, order.orderId)).toEqual([
    'PENDING',
    'PLACED',
    'CANCEL_REQUESTED',
    'CANCELLED',
  ]);
});

test('the customer who placed the order may cancel it; another customer may not', async () => {
  const tenant = newTenant();
  await setStock(p, tenant, 'var_d', 2);
  const order = await placeOrder(p, tenant, orderBody([['var_d', 1]], { customerId: 'cus_owner' }));
  const path = `/api/store/orders/${order.orderId}/cancel`;
  expect(
    (await p.call(p.order.url, path, { method: 'POST', ctx: customer(tenant, 'cus_other') })).status,
  ).toBe(404);
  expect(
    (await p.call(p.order.url, path, { method: 'POST', ctx: customer(tenant, 'cus_owner') })).status,
  ).toBe(202);
  await settled(p, tenant, order.orderId, 'CANCELLED');
});

test('orders past PLACED or rejected cannot be cancelled (409 order_not_cancellable)', async () => {
  const tenant = newTenant();
  await setStock(p, tenant, 'var_e', 1);
  const order = await placeOrder(p, tenant, orderBody([['var_e', 1]]));
  await simulate(p, tenant, order.payment.paymentId, 'succeeded');
  await settled(p, tenant, order.orderId, 'PLACED');
  const fulfilled = await p.call(p.order.url, `/api/admin/orders/${order.orderId}/fulfill`, {
    body: { carrier: 'ups' },
    ctx: staff(tenant),
  });
  expect(fulfilled.status).toBe(200);
  expect(await json(fulfilled)).toMatchObject({ status: 'FULFILLED', carrier: 'ups' });
  const refused = await cancelAsMerchant(tenant, order.orderId);
  expect(refused.status).toBe(409);
  expect((await json(refused)).code).toBe('order_not_cancellable');
  expect(await paymentFor(p, tenant, order.orderId)).toMatchObject([{ status: 'succeeded' }]);
});

async function waitForRefund(tenant: string, orderId: string, amount: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const [payment] = await paymentFor(p, tenant, orderId);
    const row = await orderRow(p, tenant, orderId);
    if (payment?.status === 'refunded' && Number(row?.refunded_amount) === amount) return;
    if (Date.now() > deadline)
      throw new Error(`no refund: payment ${payment?.status}, order ${row?.refunded_amount}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
