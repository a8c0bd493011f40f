import { waitFor } from '@fleet/testing';
import { checkConsistency } from './support/consistency';
import {
  createOrder,
  json,
  level,
  newTenant,
  orderBody,
  orderRow,
  paymentFor,
  placeOrder,
  reservation,
  sagaRow,
  settled,
  setStock,
  simulate,
  staff,
  startPlatform,
  type CreatedOrder,
  type Platform,
} from './support/platform';

let p: Platform;

beforeAll(async () => {
  p = await startPlatform('ord_comp');
}, 60_000);
afterEach(() => {
  p.inventoryProxy.clear();
  p.paymentProxy.clear();
});
afterAll(async () => {
  await p.close();
});

const RESERVE = /^\/internal\/reservations$/;
const PAYMENTS = /^\/internal\/payments$/;

async function expectClean(tenant: string): Promise<void> {
  expect((await checkConsistency(p, tenant)).problems).toEqual([]);
}

async function pending(res: Response): Promise<void> {
  expect(res.status).toBe(503);
  expect(res.headers.get('retry-after')).toBe('2');
  expect((await json(res)).code).toBe('order_pending');
}

test('inventory down at reserve: 503 order_pending, then the saga continues on its own', async () => {
  const tenant = newTenant();
  await setStock(p, tenant, 'var_a', 5);
  p.inventoryProxy.inject({ tenantId: tenant, path: RESERVE, mode: 'drop-before' });
  const body = orderBody([['var_a', 2]]);
  await pending(await createOrder(p, tenant, body));
  const [row] = await p.orderOwner('orders').where({ tenant_id: tenant });
  expect(row.status).toBe('PENDING');
  expect(await paymentFor(p, tenant, row.id)).toEqual([]);
  expect(await level(p, tenant, 'var_a')).toEqual({ onHand: 5, reserved: 0 });

  p.inventoryProxy.clear();
  await settled(p, tenant, row.id, 'PENDING'); // the recovery job reserved and created the payment
  expect((await sagaRow(p, tenant, row.id)).step).toBe('await_payment');
  const resumed = await json<CreatedOrder>(await createOrder(p, tenant, body));
  expect(resumed.orderId).toBe(row.id);
  expect(await level(p, tenant, 'var_a')).toEqual({ onHand: 5, reserved: 2 });
  await expectClean(tenant);
});

test('the reserve answer is lost: the retry finds the first reservation, nothing is held twice', async () => {
  const tenant = newTenant();
  await setStock(p, tenant, 'var_b', 5);
  p.inventoryProxy.inject({ tenantId: tenant, path: RESERVE, mode: 'drop-after', times: 3 });
  const body = orderBody([['var_b', 2]]);
  await pending(await createOrder(p, tenant, body));
  const order = await waitFor('the saga to resume', async () => {
    const res = await createOrder(p, tenant, body);
    return res.status === 201 ? json<CreatedOrder>(res) : undefined;
  });
  expect(await level(p, tenant, 'var_b')).toEqual({ onHand: 5, reserved: 2 });
  await simulate(p, tenant, order.payment.paymentId, 'succeeded');
  await settled(p, tenant, order.orderId, 'PLACED');
  expect(await level(p, tenant, 'var_b')).toEqual({ onHand: 3, reserved: 0 });
  await expectClean(tenant);
});

test('a hanging inventory costs one timeout, not three; its late reservation is reused', async () => {
  const tenant = newTenant();
  await setStock(p, tenant, 'var_slow', 5);
  p.inventoryProxy.inject({ tenantId: tenant, path: RESERVE, mode: 'delay', delayMs: 2_500, times: 1 });
  const started = Date.now();
  await pending(await createOrder(p, tenant, orderBody([['var_slow', 2]])));
  expect(Date.now() - started).toBeLessThan(4_000); // the test node's remote timeout is 2 s
  const [row] = await p.orderOwner('orders').where({ tenant_id: tenant });
  await settled(p, tenant, row.id, 'PENDING');
  expect(await level(p, tenant, 'var_slow')).toEqual({ onHand: 5, reserved: 2 });
  await expectClean(tenant);
});

test('payment down before create: 503, reservation held; the retried checkout resumes with one payment', async () => {
  const tenant = newTenant();
  await setStock(p, tenant, 'var_c', 5);
  p.paymentProxy.inject({ tenantId: tenant, path: PAYMENTS, mode: 'drop-before' });
  const body = orderBody([['var_c', 1]]);
  await pending(await createOrder(p, tenant, body));
  const [row] = await p.orderOwner('orders').where({ tenant_id: tenant });
  expect((await reservation(p, tenant, row.id))?.status).toBe('reserved');
  expect(await paymentFor(p, tenant, row.id)).toEqual([]);

  p.paymentProxy.clear();
  const order = await placeOrder(p, tenant, body);
  expect(order.orderId).toBe(row.id);
  expect(await paymentFor(p, tenant, row.id)).toHaveLength(1);
  await expectClean(tenant);
});

test('the payment answer is lost: the retry gets the same payment', async () => {
  const tenant = newTenant();
  await setStock(p, tenant, 'var_d', 5);
  p.paymentProxy.inject({ tenantId: tenant, path: PAYMENTS, mode: 'drop-after', times: 3 });
  const body = orderBody([['var_d', 1]]);
  await pending(await createOrder(p, tenant, body));
  const order = await waitFor('the saga to resume', async () => {
    const res = await createOrder(p, tenant, body);
    return res.status === 201 ? json<CreatedOrder>(res) : undefined;
  });
  const payments = await paymentFor(p, tenant, order.orderId);
  expect(payments.map((x) => x.paymentId)).toEqual([order.payment.paymentId]);
  await expectClean(tenant);
});

test('payment refuses for good: the reservation is released and the order REJECTED (422)', async () => {
  const tenant = newTenant();
  await setStock(p, tenant, 'var_e', 5);
  p.paymentProxy.inject({ tenantId: tenant, path: PAYMENTS, mode: 'status', status: 422 });
  const res = await createOrder(p, tenant, orderBody([['var_e', 3]]));
  expect(res.status).toBe(422);
  expect(await json(res)).toMatchObject({ code: 'payment_rejected', paymentCode: 'injected' });
  const [row] = await p.orderOwner('orders').where({ tenant_id: tenant });
  await settled(p, tenant, row.id, 'REJECTED');
  expect((await reservation(p, tenant, row.id))?.status).toBe('released');
  expect(await level(p, tenant, 'var_e')).toEqual({ onHand: 5, reserved: 0 });
  await expectClean(tenant);
});

test('inventory drops the connection on commit: the commit is retried until confirmed, counted once', async () => {
  const tenant = newTenant();
  await setStock(p, tenant, 'var_f', 5);
  const order = await placeOrder(p, tenant, orderBody([['var_f', 2]]));
  p.inventoryProxy.inject({ tenantId: tenant, path: /\/commit$/, mode: 'drop-after', times: 6 });
  await simulate(p, tenant, order.payment.paymentId, 'succeeded');
  await waitFor(
    'the order to be PLACED',
    async () => (await orderRow(p, tenant, order.orderId))?.status === 'PLACED',
  );
  const saga = await settled(p, tenant, order.orderId, 'PLACED');
  expect(saga.data.committed).toBe(true);
  expect(
    p.inventoryProxy.forwarded.filter((f) => f.endsWith(`${order.orderId}/commit`)).length,
  ).toBeGreaterThan(6);
  expect(await level(p, tenant, 'var_f')).toEqual({ onHand: 3, reserved: 0 });
  await expectClean(tenant);
});

test('a cancel whose restock and refund fail at first still ends CANCELLED with both confirmed', async () => {
  const tenant = newTenant();
  await setStock(p, tenant, 'var_g', 5);
  const order = await placeOrder(p, tenant, orderBody([['var_g', 2]]));
  await simulate(p, tenant, order.payment.paymentId, 'succeeded');
  await settled(p, tenant, order.orderId, 'PLACED');
  p.inventoryProxy.inject({ tenantId: tenant, path: /\/restock$/, mode: 'drop-before' });
  p.paymentProxy.inject({ tenantId: tenant, path: /\/refunds$/, mode: 'drop-after', times: 4 });
  const res = await p.call(p.order.url, `/api/admin/orders/${order.orderId}/cancel`, {
    method: 'POST',
    ctx: staff(tenant),
  });
  expect(res.status).toBe(202);
  await waitFor(
    'a failed restock attempt',
    async () => (await sagaRow(p, tenant, order.orderId)).attempts >= 2,
  );
  expect((await orderRow(p, tenant, order.orderId))?.status).toBe('CANCEL_REQUESTED');
  p.inventoryProxy.clear();
  const saga = await settled(p, tenant, order.orderId, 'CANCELLED');
  expect(saga.data.compensation).toMatchObject({ stockDone: true, refundDone: true });
  expect(await level(p, tenant, 'var_g')).toEqual({ onHand: 5, reserved: 0 });
  const refunds = await p.payment.owner('refunds').where({ tenant_id: tenant });
  expect(refunds).toHaveLength(1); // the lost answers were retried under one idempotency key
  await expectClean(tenant);
});

test('an order that expires while inventory is down is REJECTED and holds nothing', async () => {
  const tenant = newTenant();
  await setStock(p, tenant, 'var_h', 5);
  p.inventoryProxy.inject({ tenantId: tenant, path: /^\/internal\/reservations/, mode: 'drop-before' });
  await pending(await createOrder(p, tenant, orderBody([['var_h', 1]])));
  const [row] = await p.orderOwner('orders').where({ tenant_id: tenant });
  await p.orderOwner('orders').where({ tenant_id: tenant, id: row.id }).update({ expires_at: new Date() });
  await waitFor(
    'the order to be REJECTED',
    async () => (await orderRow(p, tenant, row.id))?.status === 'REJECTED',
  );
  p.inventoryProxy.clear();
  await settled(p, tenant, row.id, 'REJECTED');
  const kept = await p.orderOwner('orders').where({ id: row.id }).first('status_reason');
  expect(kept.status_reason).toBe('checkout_timeout');
  expect((await reservation(p, tenant, row.id))?.status).toBe('released');
  expect(await paymentFor(p, tenant, row.id)).toEqual([]);
  await expectClean(tenant);
});
