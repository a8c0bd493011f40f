import { randomUUID } from 'node:crypto';
import { startPlatform, type Platform } from './platform-fixture';
import {
  checkoutBody,
  customerOf,
  fillCart,
  guestOf,
  openStore,
  ordersOf,
  postCheckout,
  stockOf,
  stockProduct,
  type Problem,
} from './shop';

let p: Platform;
let tenant: string;
beforeAll(async () => {
  p = await startPlatform('chk_e2e');
  tenant = await openStore(p, { shippingFlatRate: 499, taxRateBps: 825 });
}, 60_000);
afterAll(() => p.close());

const cartOf = async (cartId: string) =>
  (await (await p.cart.call(`/api/store/carts/${cartId}`, { ctx: guestOf(tenant) })).json()) as {
    items: Array<{ variantId: string; quantity: number }>;
  };

test('a guest checks out: order PENDING with catalog prices, store rates, reserved stock and a payment', async () => {
  const { variantIds } = await stockProduct(p, tenant, [
    { price: 1999, stock: 5 },
    { price: 550, stock: 5 },
  ]);
  const [lamp, shade] = variantIds as [string, string];
  const cartId = await fillCart(p, tenant, [
    [lamp, 2],
    [shade, 1],
  ]);
  const res = await postCheckout(p, tenant, checkoutBody(cartId), randomUUID());
  expect(res.status).toBe(201);
  const placed = (await res.json()) as Record<string, unknown>;
  // subtotal 4548, shipping 499, tax round(4548 × 8.25 %) = round(375.21) = 375
  expect(placed).toEqual({
    orderId: expect.stringMatching(/^ord_/),
    orderToken: expect.any(String),
    status: 'PENDING',
    total: 4548 + 499 + 375,
    currency: 'USD',
    payment: {
      provider: 'offline',
      paymentId: expect.stringMatching(/^pay_/),
      clientParams: expect.any(Object),
    },
  });
  expect(await stockOf(p, tenant, lamp)).toMatchObject({ onHand: 5, reserved: 2 });
  expect((await cartOf(cartId)).items).toEqual([]);

  const order = await p.order.call(`/api/store/orders/${placed.orderId}?token=${placed.orderToken}`, {
    ctx: guestOf(tenant),
  });
  expect(order.status).toBe(200);
  expect(await order.json()).toMatchObject({ status: 'PENDING', total: 5422 });
});

test('a customer’s checkout records the customer on the order', async () => {
  const [variantId] = (await stockProduct(p, tenant, [{ price: 1000, stock: 3 }])).variantIds as [string];
  const ctx = customerOf(tenant, 'cus_ada');
  const cartId = await fillCart(p, tenant, [[variantId, 1]], ctx);
  const res = await postCheckout(p, tenant, checkoutBody(cartId), randomUUID(), ctx);
  expect(res.status).toBe(201);
  const { orderId } = (await res.json()) as { orderId: string };
  const mine = await p.order.call('/api/store/me/orders', { ctx });
  expect(((await mine.json()) as { items: Array<{ id: string }> }).items.map((o) => o.id)).toContain(orderId);
  // Another customer cannot check out Ada's cart.
  const other = await postCheckout(
    p,
    tenant,
    checkoutBody(cartId),
    randomUUID(),
    customerOf(tenant, 'cus_eve'),
  );
  expect(other.status).toBe(404);
});

test('out of stock: order’s 422 passes through, nothing is reserved, the cart stays', async () => {
  const [variantId] = (await stockProduct(p, tenant, [{ price: 800, stock: 1 }])).variantIds as [string];
  const cartId = await fillCart(p, tenant, [[variantId, 2]]);
  const res = await postCheckout(p, tenant, checkoutBody(cartId), randomUUID());
  expect(res.status).toBe(422);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  const problem = (await res.json()) as Problem;
  expect(problem).toMatchObject({ code: 'out_of_stock', instance: '/api/store/checkout' });
  expect(problem.details).toEqual([{ variantId, requested: 2, available: 1 }]);
  expect(await stockOf(p, tenant, variantId)).toMatchObject({ onHand: 1, reserved: 0 });
  expect((await cartOf(cartId)).items).toEqual([expect.objectContaining({ variantId, quantity: 2 })]);
});

test('an empty or unsellable cart is 422 cart_invalid naming each line; an unknown cart is 404', async () => {
  const ordersBefore = (await ordersOf(p, tenant)).length;
  const empty = await fillCart(p, tenant, []);
  const res = await postCheckout(p, tenant, checkoutBody(empty), randomUUID());
  expect(res.status).toBe(422);
  expect(await res.json()).toMatchObject({
    code: 'cart_invalid',
    errors: [{ path: 'items', message: 'the cart is empty' }],
  });

  const { productId, variantIds } = await stockProduct(p, tenant, [{ price: 100, stock: 9 }]);
  const [good] = (await stockProduct(p, tenant, [{ price: 100, stock: 9 }])).variantIds as [string];
  const cartId = await fillCart(p, tenant, [
    [good, 1],
    [variantIds[0]!, 1],
  ]);
  await p.catalog.call(`/api/admin/products/${productId}`, {
    method: 'PATCH',
    body: { status: 'draft' },
    ctx: { tenantId: tenant, actor: { kind: 'staff', id: 'stf_1', roles: ['owner'] } },
  });
  const unsellable = await postCheckout(p, tenant, checkoutBody(cartId), randomUUID());
  expect(unsellable.status).toBe(422);
  expect((await unsellable.json()) as Problem).toMatchObject({
    code: 'cart_invalid',
    errors: [{ path: 'items.1', message: `variant ${variantIds[0]} is not for sale` }],
  });
  expect(await ordersOf(p, tenant)).toHaveLength(ordersBefore); // order was never asked

  const unknown = await postCheckout(p, tenant, checkoutBody('cart_AAAAAAAAAAAAAAAAAAAAAA'), randomUUID());
  expect(unknown.status).toBe(404);
  expect(((await unknown.json()) as Problem).code).toBe('cart_not_found');
});

test('email and address are validated strictly, naming each bad field', async () => {
  const res = await postCheckout(
    p,
    tenant,
    {
      cartId: 'nope',
      email: 'not-an-email',
      shippingAddress: { name: '', line1: 'x', city: 'y', postalCode: '1', country: 'gb', fax: '1' },
      coupon: 'FREE',
    },
    randomUUID(),
  );
  expect(res.status).toBe(400);
  const problem = (await res.json()) as Problem;
  expect(problem.errors?.map((e) => e.path).sort()).toEqual([
    'cartId',
    'coupon',
    'email',
    'shippingAddress.country',
    'shippingAddress.fax',
    'shippingAddress.name',
  ]);
});

test('a store host is required; order unavailable is a 503 with Retry-After that a retry recovers from', async () => {
  const noStore = await p.checkout.call('/api/store/checkout', {
    body: checkoutBody('cart_AAAAAAAAAAAAAAAAAAAAAA'),
    ctx: { actor: { kind: 'anonymous' } },
    headers: { 'idempotency-key': 'k' },
  });
  expect(noStore.status).toBe(404);

  const [variantId] = (await stockProduct(p, tenant, [{ price: 300, stock: 4 }])).variantIds as [string];
  const cartId = await fillCart(p, tenant, [[variantId, 1]]);
  const broken = await p.startCheckout({ orderUrl: 'http://127.0.0.1:9', orderTimeoutMs: 1_000 });
  const key = randomUUID();
  const down = await postCheckout(p, tenant, checkoutBody(cartId), key, guestOf(tenant), broken);
  expect(down.status).toBe(503);
  expect(down.headers.get('retry-after')).toBe('2');
  expect(((await down.json()) as Problem).code).toBe('order_unavailable');

  const retried = await postCheckout(p, tenant, checkoutBody(cartId), key);
  expect(retried.status).toBe(201);
});

test('order’s own 503 (its saga cannot reach inventory) passes through with Retry-After; the cart stays', async () => {
  const [variantId] = (await stockProduct(p, tenant, [{ price: 300, stock: 4 }])).variantIds as [string];
  const cartId = await fillCart(p, tenant, [[variantId, 1]]);
  const stuckOrder = await p.startOrder('http://127.0.0.1:9');
  const stuck = await p.startCheckout({ orderUrl: stuckOrder.url });
  const res = await postCheckout(p, tenant, checkoutBody(cartId), randomUUID(), guestOf(tenant), stuck);
  expect(res.status).toBe(503);
  expect(res.headers.get('retry-after')).toBe('2');
  expect((await res.json()) as Problem).toMatchObject({
    code: 'order_pending',
    instance: '/api/store/checkout',
  });
  expect((await cartOf(cartId)).items).toHaveLength(1);
});
