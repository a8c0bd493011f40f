import { newId } from '@fleet/db';
import {
  customer,
  guest,
  json,
  newTenant,
  orderBody,
  placeOrder,
  setStock,
  staff,
  startPlatform,
  type CreatedOrder,
  type Platform,
} from './support/platform';

let p: Platform;
const a = newTenant();
const b = newTenant();
let orderA: CreatedOrder;
let otherA: CreatedOrder;
let orderB: CreatedOrder;

beforeAll(async () => {
  p = await startPlatform('ord_iso');
  await setStock(p, a, 'var_x', 10);
  await setStock(p, b, 'var_x', 10);
  orderA = await placeOrder(p, a, orderBody([['var_x', 1]], { customerId: 'cus_same' }));
  otherA = await placeOrder(p, a, orderBody([['var_x', 1]]));
  orderB = await placeOrder(p, b, orderBody([['var_x', 1]], { customerId: 'cus_same' }));
}, 60_000);
afterAll(async () => {
  await p.close();
});

const call = (tenant: string, ctx: 'guest' | 'staff' | 'customer', path: string, method = 'GET') =>
  p.call(p.order.url, path, {
    method,
    ctx: ctx === 'guest' ? guest(tenant) : ctx === 'staff' ? staff(tenant) : customer(tenant, 'cus_same'),
  });

test("another tenant's order id is 404 on every endpoint, with or without its token", async () => {
  const id = orderA.orderId;
  const attempts: Array<[typeof b, 'guest' | 'staff' | 'customer', string, string?]> = [
    [b, 'guest', `/api/store/orders/${id}?token=${orderA.orderToken}`],
    [b, 'customer', `/api/store/orders/${id}`],
    [b, 'guest', `/api/store/orders/${id}/cancel?token=${orderA.orderToken}`, 'POST'],
    [b, 'customer', `/api/store/orders/${id}/cancel`, 'POST'],
    [b, 'staff', `/api/admin/orders/${id}`],
    [b, 'staff', `/api/admin/orders/${id}/cancel`, 'POST'],
    [b, 'staff', `/api/admin/orders/${id}/fulfill`, 'POST'],
    [b, 'staff', `/api/admin/orders/${id}/refund`, 'POST'],
  ];
  for (const [tenant, who, path, method] of attempts) {
    const res = await call(tenant, who, path, method);
    expect([path, res.status]).toEqual([path, 404]);
    expect((await json(res)).code).toBe('order_not_found');
  }
  const [mine, listed] = await Promise.all([
    json<{ items: Array<{ id: string }> }>(await call(b, 'customer', '/api/store/me/orders')),
    json<{ items: Array<{ id: string }> }>(await call(b, 'staff', '/api/admin/orders')),
  ]);
  expect(mine.items.map((o) => o.id)).toEqual([orderB.orderId]);
  expect(listed.items.map((o) => o.id)).toEqual([orderB.orderId]);
});

test("a guest token opens only its own order: not A's other order, not B's", async () => {
  const own = await call(a, 'guest', `/api/store/orders/${orderA.orderId}?token=${orderA.orderToken}`);
  expect(own.status).toBe(200);
  expect(
    (await call(a, 'guest', `/api/store/orders/${otherA.orderId}?token=${orderA.orderToken}`)).status,
  ).toBe(404);
  expect(
    (await call(b, 'guest', `/api/store/orders/${orderB.orderId}?token=${orderA.orderToken}`)).status,
  ).toBe(404);
  expect((await call(a, 'guest', `/api/store/orders/${orderA.orderId}`)).status).toBe(404);
});

test('unknown and malformed ids are 404; wrong callers are refused', async () => {
  expect((await call(a, 'staff', `/api/admin/orders/${newId('ord')}`)).status).toBe(404);
  expect((await call(a, 'staff', '/api/admin/orders/not-an-id')).status).toBe(404);
  expect((await call(a, 'guest', `/api/admin/orders/${orderA.orderId}`)).status).toBe(403);
  expect((await call(a, 'guest', '/api/store/me/orders')).status).toBe(401);
  const internal = await p.call(p.order.url, '/internal/orders', {
    body: orderBody([['var_x', 1]]),
    ctx: guest(a),
  });
  expect(internal.status).toBe(403);
  const noStore = await p.call(p.order.url, `/api/store/orders/${orderA.orderId}`, { ctx: {} });
  expect((await json(noStore)).code).toBe('store_not_found');
  const unsigned = await fetch(`${p.order.url}/api/admin/orders`);
  expect(unsigned.status).toBe(401);
});
