import { checkingContract, waitFor } from '@fleet/testing';
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
  setStock,
  settled,
  simulate,
  staff,
  startPlatform,
  type CreatedOrder,
  type Platform,
} from './support/platform';

let p: Platform;

beforeAll(async () => {
  p = await startPlatform('ord_returns');
}, 60_000);
afterAll(() => p.close());

interface ReturnView {
  id: string;
  status: string;
  refundAmount: number | null;
  restock: boolean | null;
  lines: Array<{ variantId: string; quantity: number; title: string }>;
}

const call = (
  tenant: string,
  path: string,
  init: { method?: string; body?: unknown; as?: 'staff' | 'guest' } = {},
) =>
  checkingContract(
    {
      call: (path2: string, i?: { method?: string; body?: unknown }) =>
        p.call(p.order.url, path2, { ...i, ctx: init.as === 'guest' ? guest(tenant) : staff(tenant) }),
    },
    { bodyPosts: true },
  ).call(path, { method: init.method, body: init.body });

/** A paid order of 3 + 1 units, tax 400 on 4000, walked to DELIVERED with the merchant's endpoints. */
async function deliveredOrder(tenant: string, customerId: string | null = null): Promise<CreatedOrder> {
  await setStock(p, tenant, 'var_r', 10);
  await setStock(p, tenant, 'var_q', 10);
  const body = orderBody(
    [
      ['var_r', 3, 1000],
      ['var_q', 1, 1000],
    ],
    { tax: 400, total: 4000 + 500 + 400, customerId },
  );
  const order = await placeOrder(p, tenant, body);
  await simulate(p, tenant, order.payment.paymentId, 'succeeded');
  await settled(p, tenant, order.orderId, 'PLACED');
  for (const step of ['fulfill', 'ship', 'deliver']) {
    const res = await call(tenant, `/api/admin/orders/${order.orderId}/${step}`, {
      method: 'POST',
      body: {},
    });
    expect([step, res.status]).toEqual([step, 200]);
  }
  return order;
}

const ask = (tenant: string, order: CreatedOrder, lines: Array<[string, number]>) =>
  call(tenant, `/api/store/orders/${order.orderId}/returns?token=${order.orderToken}`, {
    as: 'guest',
    body: { lines: lines.map(([variantId, quantity]) => ({ variantId, quantity })), reason: 'too small' },
  });

const act = (tenant: string, id: string, step: string, body: unknown = {}) =>
  call(tenant, `/api/admin/returns/${id}/${step}`, { method: 'POST', body });

async function walk(tenant: string, id: string, restock: boolean): Promise<ReturnView> {
  expect((await json<ReturnView>(await act(tenant, id, 'accept'))).status).toBe('ACCEPTED');
  expect((await json<ReturnView>(await act(tenant, id, 'receive', { restock }))).status).toBe('RECEIVED');
  const refunded = await act(tenant, id, 'refund');
  expect(refunded.status).toBe(200);
  return json<ReturnView>(refunded);
}

const refundedOnPayment = async (tenant: string, orderId: string) =>
  (await paymentFor(p, tenant, orderId)).reduce((sum, pay) => sum + pay.refundedAmount, 0);

test('a partial return then the rest: money and stock conserved, PARTIALLY_RETURNED then RETURNED', async () => {
  const tenant = newTenant();
  const order = await deliveredOrder(tenant);
  expect(await level(p, tenant, 'var_r')).toEqual({ onHand: 7, reserved: 0 });

  const first = await json<ReturnView>(await ask(tenant, order, [['var_r', 1]]));
  expect(first).toMatchObject({
    status: 'REQUESTED',
    lines: [{ variantId: 'var_r', quantity: 1, title: 'Item var_r' }],
  });
  const one = await walk(tenant, first.id, true);
  // 1 of 4 units: 1000 + floor(400 × 1000 / 4000) = 1100
  expect(one).toMatchObject({ status: 'REFUNDED', refundAmount: 1100, restock: true });
  await waitFor('the restock', async () => (await level(p, tenant, 'var_r')).onHand === 8);
  expect((await orderRow(p, tenant, order.orderId))?.status).toBe('PARTIALLY_RETURNED');

  // more than is left is refused and changes nothing
  const tooMany = await ask(tenant, order, [['var_r', 3]]);
  expect([tooMany.status, (await json(tooMany)).code]).toEqual([422, 'return_exceeds_order']);

  const rest = await json<ReturnView>(
    await ask(tenant, order, [
      ['var_r', 2],
      ['var_q', 1],
    ]),
  );
  const two = await walk(tenant, rest.id, false); // damaged: not restocked
  expect(two.refundAmount).toBe(3000 + (400 - 100)); // the last return carries the rest of the tax
  await waitFor(
    'the order to be returned',
    async () => (await orderRow(p, tenant, order.orderId))?.status === 'RETURNED',
  );
  await waitFor(
    'refunds to be recorded',
    async () => (await refundedOnPayment(tenant, order.orderId)) === 4400,
  );
  await waitFor(
    'the order to know',
    async () => (await orderRow(p, tenant, order.orderId))?.refunded_amount === '4400',
  );
  // subtotal + tax came back, shipping stays; the damaged units stay off the shelf
  expect(await level(p, tenant, 'var_r')).toEqual({ onHand: 8, reserved: 0 });
  expect(await level(p, tenant, 'var_q')).toEqual({ onHand: 9, reserved: 0 });

  const types = (await p.orderOwner('outbox').where({ tenant_id: tenant }).orderBy('seq')).map(
    (r: { type: string }) => r.type,
  );
  expect(types.filter((t) => t.startsWith('order.return_'))).toEqual([
    'order.return_requested',
    'order.return_accepted',
    'order.return_received',
    'order.return_refunded',
    'order.return_requested',
    'order.return_accepted',
    'order.return_received',
    'order.return_refunded',
  ]);
  expect(types.filter((t) => t === 'order.partially_returned' || t === 'order.returned')).toEqual([
    'order.partially_returned',
    'order.returned',
  ]);

  // a repeated refund click pays nothing twice
  expect((await json<ReturnView>(await act(tenant, rest.id, 'refund'))).status).toBe('REFUNDED');
  expect(await refundedOnPayment(tenant, order.orderId)).toBe(4400);

  const view = await json<{ returns: ReturnView[] }>(
    await call(tenant, `/api/store/orders/${order.orderId}?token=${order.orderToken}`, { as: 'guest' }),
  );
  expect(view.returns.map((r) => [r.id, r.status])).toEqual([
    [first.id, 'REFUNDED'],
    [rest.id, 'REFUNDED'],
  ]);
  const list = await json<{ items: ReturnView[] }>(await call(tenant, '/api/admin/returns?status=REFUNDED'));
  expect(list.items.map((r) => r.id)).toEqual([rest.id, first.id]);
});

test('the window, the order status and the lifecycle decide; refusals change nothing', async () => {
  const tenant = newTenant();
  await setStock(p, tenant, 'var_r', 5);
  const placed = await placeOrder(p, tenant, orderBody([['var_r', 1]]));
  const notDelivered = await ask(tenant, placed, [['var_r', 1]]);
  expect([notDelivered.status, (await json(notDelivered)).code]).toEqual([422, 'order_not_returnable']);

  const order = await deliveredOrder(tenant, 'cus_9');
  expect(await json(await call(tenant, '/api/admin/settings/returns'))).toEqual({ returnWindowDays: 30 });
  const bad = await call(tenant, '/api/admin/settings/returns', {
    method: 'PUT',
    body: { returnWindowDays: 999 },
  });
  expect(bad.status).toBe(400);
  await call(tenant, '/api/admin/settings/returns', { method: 'PUT', body: { returnWindowDays: 0 } });
  const closed = await ask(tenant, order, [['var_r', 1]]);
  expect([closed.status, (await json(closed)).code]).toEqual([422, 'return_window_closed']);
  await call(tenant, '/api/admin/settings/returns', { method: 'PUT', body: { returnWindowDays: 14 } });

  expect((await ask(tenant, order, [['var_zzz', 1]])).status).toBe(422);
  expect((await ask(tenant, order, [])).status).toBe(400);
  const wrongToken = await call(tenant, `/api/store/orders/${order.orderId}/returns?token=nope`, {
    as: 'guest',
    body: { lines: [{ variantId: 'var_r', quantity: 1 }] },
  });
  expect(wrongToken.status).toBe(404);
  // the signed-in customer who placed it may ask without a token
  const mine = await p.call(p.order.url, `/api/store/orders/${order.orderId}/returns`, {
    ctx: customer(tenant, 'cus_9'),
    body: { lines: [{ variantId: 'var_r', quantity: 1 }] },
  });
  expect(mine.status).toBe(201);
  const ret = await json<ReturnView>(mine);

  const early = await act(tenant, ret.id, 'refund');
  expect([early.status, (await json(early)).code]).toEqual([409, 'invalid_return_transition']);
  expect((await act(tenant, ret.id, 'receive', { restock: 'yes' })).status).toBe(400);
  expect((await json<ReturnView>(await act(tenant, ret.id, 'reject'))).status).toBe('REJECTED');
  expect((await act(tenant, ret.id, 'accept')).status).toBe(409);
  // a rejected return frees its units for another request
  expect((await ask(tenant, order, [['var_r', 3]])).status).toBe(201);
  expect((await act(tenant, 'ret_nope', 'accept')).status).toBe(404);
  expect((await orderRow(p, tenant, order.orderId))?.status).toBe('DELIVERED');
});

test("another store can neither see nor touch this store's returns", async () => {
  const tenant = newTenant();
  const other = newTenant();
  const order = await deliveredOrder(tenant);
  const ret = await json<ReturnView>(await ask(tenant, order, [['var_r', 1]]));
  const before = await p.orderOwner('returns').where({ tenant_id: tenant });

  expect(await json(await call(other, '/api/admin/returns'))).toEqual({ items: [], nextCursor: null });
  for (const step of ['accept', 'reject', 'refund']) {
    const res = await act(other, ret.id, step);
    expect([step, res.status]).toEqual([step, 404]);
  }
  expect((await act(other, ret.id, 'receive', { restock: true })).status).toBe(404);
  const foreign = await p.call(
    p.order.url,
    `/api/store/orders/${order.orderId}/returns?token=${order.orderToken}`,
    {
      ctx: guest(other),
      body: { lines: [{ variantId: 'var_r', quantity: 1 }] },
    },
  );
  expect(foreign.status).toBe(404);
  await call(other, '/api/admin/settings/returns', { method: 'PUT', body: { returnWindowDays: 0 } });
  expect(await json(await call(tenant, '/api/admin/settings/returns'))).toEqual({ returnWindowDays: 30 });
  expect(await p.orderOwner('returns').where({ tenant_id: tenant })).toEqual(before);
  expect(await p.orderOwner('returns').where({ tenant_id: other })).toEqual([]);
  const shopper = await p.call(p.order.url, '/api/admin/returns', { ctx: guest(tenant) });
  expect(shopper.status).toBe(403);
});
