import {
  addItem,
  guest,
  json,
  newCart,
  newTenant,
  startCart,
  type CartFixture,
  type ProblemBody,
} from './cart-fixture';

let fx: CartFixture;
const tenant = newTenant();
beforeAll(async () => {
  fx = await startCart('cart_api');
});
afterAll(() => fx.close());

test('a new cart is empty and a guest gets a new one each time', async () => {
  const res = await fx.call('/api/store/carts', { method: 'POST', ctx: guest(tenant) });
  expect(res.status).toBe(201);
  const cart = await json(res);
  expect(cart).toEqual({
    id: expect.stringMatching(/^cart_[A-Za-z0-9_-]{22}$/),
    items: [],
    subtotal: 0,
    currency: null,
    itemCount: 0,
  });
  expect((await newCart(fx, tenant)).id).not.toBe(cart.id);
  expect(await json(fx.call(`/api/store/carts/${cart.id}`, { ctx: guest(tenant) }))).toEqual(cart);
});

test('add, update and remove items; every answer is priced by catalog', async () => {
  const product = await fx.product(tenant, [1250, 990]);
  const [a, b] = product.variantIds as [string, string];
  const cart = await newCart(fx, tenant);

  const added = await addItem(fx, tenant, cart.id, { variantId: a, quantity: 2 });
  expect(added.status).toBe(200);
  const one = await json(added);
  expect(one.items).toEqual([
    {
      id: expect.stringMatching(/^li_/),
      variantId: a,
      productId: product.id,
      title: expect.stringContaining('Product'),
      variantTitle: 'Size 1',
      sku: product.skus[0],
      image: null,
      quantity: 2,
      unitPrice: 1250,
      lineTotal: 2500,
      currency: 'USD',
      purchasable: true,
      available: true,
      availableQuantity: 5,
    },
  ]);
  expect(one).toMatchObject({ subtotal: 2500, currency: 'USD', itemCount: 2 });

  const again = await json(addItem(fx, tenant, cart.id, { variantId: a, quantity: 1 }));
  expect(again.items).toHaveLength(1);
  expect(again.items[0]).toMatchObject({ quantity: 3, lineTotal: 3750 });

  const two = await json(addItem(fx, tenant, cart.id, { variantId: b }));
  expect(two.items.map((i) => [i.variantId, i.quantity])).toEqual([
    [a, 3],
    [b, 1],
  ]);
  expect(two).toMatchObject({ subtotal: 3750 + 990, itemCount: 4 });

  const lineB = two.items[1]!.id;
  const patched = await fx.call(`/api/store/carts/${cart.id}/items/${lineB}`, {
    method: 'PATCH',
    body: { quantity: 7 },
    ctx: guest(tenant),
  });
  expect(patched.status).toBe(200);
  const after = await json(patched);
  expect(after.items[1]).toMatchObject({
    quantity: 7,
    lineTotal: 6930,
    available: false,
    availableQuantity: 5,
  });

  const removed = await json(
    fx.call(`/api/store/carts/${cart.id}/items/${lineB}`, { method: 'DELETE', ctx: guest(tenant) }),
  );
  expect(removed.items.map((i) => i.variantId)).toEqual([a]);
  expect(removed).toMatchObject({ subtotal: 3750, itemCount: 3 });

  const gone = await fx.call(`/api/store/carts/${cart.id}/items/${lineB}`, {
    method: 'DELETE',
    ctx: guest(tenant),
  });
  expect(gone.status).toBe(404);
  expect((await json<ProblemBody>(gone)).code).toBe('item_not_found');
});

test('prices come from catalog, never from the client, and follow catalog changes', async () => {
  const product = await fx.product(tenant, [500]);
  const variantId = product.variantIds[0]!;
  const cart = await newCart(fx, tenant);
  const withPrice = await addItem(fx, tenant, cart.id, { variantId, quantity: 1, unitPrice: 1 });
  expect(withPrice.status).toBe(400);
  expect((await json<ProblemBody>(withPrice)).errors).toEqual([
    { path: 'unitPrice', message: 'Unrecognized key.' },
  ]);

  await addItem(fx, tenant, cart.id, { variantId, quantity: 2 });
  const patch = await fx.catalog.call(`/api/admin/products/${product.id}`, {
    method: 'PATCH',
    ctx: { tenantId: tenant, actor: { kind: 'staff', id: 'stf_1', roles: ['owner'] } },
    body: { variants: [{ sku: product.skus[0], title: 'Size 1', price: 650, currency: 'USD' }] },
  });
  expect(patch.status).toBe(200);
  const cartNow = await json(fx.call(`/api/store/carts/${cart.id}`, { ctx: guest(tenant) }));
  expect(cartNow.items[0]).toMatchObject({ unitPrice: 650, lineTotal: 1300 });
  expect(cartNow.subtotal).toBe(1300);
});

test('only purchasable variants of this store can be added', async () => {
  const cart = await newCart(fx, tenant);
  const draft = await fx.product(tenant, [100], { status: 'draft' });
  for (const variantId of [draft.variantIds[0]!, 'var_doesnotexist']) {
    const res = await addItem(fx, tenant, cart.id, { variantId, quantity: 1 });
    expect(res.status).toBe(422);
    expect(await json<ProblemBody>(res)).toMatchObject({
      code: 'variant_unavailable',
      errors: [{ path: 'variantId', message: 'is not for sale in this store' }],
    });
  }
  expect((await json(fx.call(`/api/store/carts/${cart.id}`, { ctx: guest(tenant) }))).items).toEqual([]);
});

test('a line of a product that became a draft stays, shown as not purchasable', async () => {
  const product = await fx.product(tenant, [300]);
  const cart = await newCart(fx, tenant);
  await addItem(fx, tenant, cart.id, { variantId: product.variantIds[0], quantity: 1 });
  await fx.catalog.call(`/api/admin/products/${product.id}`, {
    method: 'PATCH',
    ctx: { tenantId: tenant, actor: { kind: 'staff', id: 'stf_1', roles: ['owner'] } },
    body: { status: 'draft' },
  });
  const read = await json(fx.call(`/api/store/carts/${cart.id}`, { ctx: guest(tenant) }));
  expect(read.items[0]).toMatchObject({ purchasable: false, available: false, unitPrice: 300 });
});

test('quantities are whole numbers from 1 to 99; more of one variant is capped at 99', async () => {
  const product = await fx.product(tenant, [100]);
  const variantId = product.variantIds[0]!;
  const cart = await newCart(fx, tenant);
  for (const quantity of [0, -1, 100, 1.5, '2']) {
    const res = await addItem(fx, tenant, cart.id, { variantId, quantity });
    expect(res.status).toBe(400);
    expect((await json<ProblemBody>(res)).errors?.[0]?.path).toBe('quantity');
  }
  await addItem(fx, tenant, cart.id, { variantId, quantity: 60 });
  const capped = await json(addItem(fx, tenant, cart.id, { variantId, quantity: 60 }));
  expect(capped.items[0]!.quantity).toBe(99);

  const lineId = capped.items[0]!.id;
  const bad = await fx.call(`/api/store/carts/${cart.id}/items/${lineId}`, {
    method: 'PATCH',
    body: { quantity: 100 },
    ctx: guest(tenant),
  });
  expect(bad.status).toBe(400);
});

test('bad input is a 400 naming each field; unknown or malformed ids are 404', async () => {
  const cart = await newCart(fx, tenant);
  const res = await addItem(fx, tenant, cart.id, { variantId: 'no spaces!', quantity: 'many', extra: 1 });
  expect(res.status).toBe(400);
  const problem = await json<ProblemBody>(res);
  expect(problem.code).toBe('validation_failed');
  expect(problem.errors?.map((e) => e.path).sort()).toEqual(['extra', 'quantity', 'variantId']);

  const broken = await fetch(`${fx.url}/api/store/carts/${cart.id}/items`, { method: 'POST', body: '{' });
  expect(broken.status).toBe(401); // unsigned requests never reach a handler

  for (const id of ['cart_short', 'cart_AAAAAAAAAAAAAAAAAAAAAA', 'nonsense']) {
    const missing = await fx.call(`/api/store/carts/${id}`, { ctx: guest(tenant) });
    expect(missing.status).toBe(404);
    expect((await json<ProblemBody>(missing)).code).toBe('cart_not_found');
  }
  const badLine = await fx.call(`/api/store/carts/${cart.id}/items/li_nope`, {
    method: 'PATCH',
    body: { quantity: 1 },
    ctx: guest(tenant),
  });
  expect(badLine.status).toBe(404);
});

test('a request without a store is 404; the internal API is for services only', async () => {
  const res = await fx.call('/api/store/carts', { method: 'POST', ctx: { actor: { kind: 'anonymous' } } });
  expect(res.status).toBe(404);
  expect((await json<ProblemBody>(res)).code).toBe('store_not_found');
  const cart = await newCart(fx, tenant);
  const internal = await fx.call(`/internal/carts/${cart.id}`, { ctx: guest(tenant) });
  expect(internal.status).toBe(403);
});
