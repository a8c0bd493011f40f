import {
  addItem,
  guest,
  json,
  newCart,
  newTenant,
  service,
  startCart,
  type CartFixture,
  type ProblemBody,
} from './cart-fixture';

let fx: CartFixture;
const a = newTenant();
const b = newTenant();
beforeAll(async () => {
  fx = await startCart('cart_isolation', { variantCacheMs: 5_000 });
});
afterAll(() => fx.close());

test("another store's cart id is 404 under this store's host, for every operation", async () => {
  const [variantId] = (await fx.product(a, [100])).variantIds as [string];
  const cart = await newCart(fx, a);
  const line = (await json(addItem(fx, a, cart.id, { variantId, quantity: 1 }))).items[0]!.id;
  const attempts = [
    fx.call(`/api/store/carts/${cart.id}`, { ctx: guest(b) }),
    addItem(fx, b, cart.id, { variantId, quantity: 1 }),
    fx.call(`/api/store/carts/${cart.id}/items/${line}`, {
      method: 'PATCH',
      body: { quantity: 5 },
      ctx: guest(b),
    }),
    fx.call(`/api/store/carts/${cart.id}/items/${line}`, { method: 'DELETE', ctx: guest(b) }),
    fx.call(`/internal/carts/${cart.id}`, { ctx: service(b) }),
  ];
  // The add is refused first for the variant, which is not for sale in store B either.
  expect((await Promise.all(attempts)).map((r) => r.status)).toEqual([404, 422, 404, 404, 404]);
  const untouched = await json(fx.call(`/api/store/carts/${cart.id}`, { ctx: guest(a) }));
  expect(untouched.items.map((i) => i.quantity)).toEqual([1]);
  expect(await fx.redis.exists(`${fx.prefix}{t:${b}}:cart:${cart.id}`)).toBe(0);
});

test("another store's variant cannot be added, even with its cache warm", async () => {
  const [foreign] = (await fx.product(b, [100])).variantIds as [string];
  const bCart = await newCart(fx, b);
  expect((await addItem(fx, b, bCart.id, { variantId: foreign, quantity: 1 })).status).toBe(200);
  const aCart = await newCart(fx, a);
  const res = await addItem(fx, a, aCart.id, { variantId: foreign, quantity: 1 });
  expect(res.status).toBe(422);
  expect((await json<ProblemBody>(res)).code).toBe('variant_unavailable');
});

test('the internal read is priced fresh and names the customer', async () => {
  const product = await fx.product(a, [700]);
  const cart = await newCart(fx, a);
  await addItem(fx, a, cart.id, { variantId: product.variantIds[0], quantity: 2 });
  await fx.catalog.call(`/api/admin/products/${product.id}`, {
    method: 'PATCH',
    ctx: { tenantId: a, actor: { kind: 'staff', id: 'stf_1', roles: ['owner'] } },
    body: { variants: [{ sku: product.skus[0], title: 'Size 1', price: 800, currency: 'USD' }] },
  });
  const cached = await json(fx.call(`/api/store/carts/${cart.id}`, { ctx: guest(a) }));
  expect(cached.items[0]!.unitPrice).toBe(700); // within VARIANT_CACHE_MS
  const fresh = await json(fx.call(`/internal/carts/${cart.id}`, { ctx: service(a) }));
  expect(fresh).toMatchObject({ subtotal: 1600, customerId: null });
  expect(fresh.items[0]!.unitPrice).toBe(800);
});

test('checkout takes what was ordered out of the cart, once per checkout', async () => {
  const { variantIds } = await fx.product(a, [100, 200]);
  const cart = await newCart(fx, a);
  await addItem(fx, a, cart.id, { variantId: variantIds[0], quantity: 3 });
  await addItem(fx, a, cart.id, { variantId: variantIds[1], quantity: 1 });
  const body = {
    checkoutId: 'chk_1',
    items: [
      { variantId: variantIds[0], quantity: 2 },
      { variantId: variantIds[1], quantity: 1 },
    ],
  };
  for (let i = 0; i < 2; i++) {
    const res = await fx.call(`/internal/carts/${cart.id}/ordered`, { body, ctx: service(a) });
    expect(res.status).toBe(204);
  }
  const left = await json(fx.call(`/api/store/carts/${cart.id}`, { ctx: guest(a) }));
  expect(left.items.map((i) => [i.variantId, i.quantity])).toEqual([[variantIds[0], 1]]);
  const other = await fx.call(`/internal/carts/${cart.id}/ordered`, { body, ctx: service(b) });
  expect(other.status).toBe(404);
});
