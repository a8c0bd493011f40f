import {
  addItem,
  customer,
  guest,
  json,
  newCart,
  newTenant,
  staff,
  startCart,
  type CartBody,
  type CartFixture,
  type ProblemBody,
} from './cart-fixture';

let fx: CartFixture;
const tenant = newTenant();
let variants: string[];
beforeAll(async () => {
  fx = await startCart('cart_merge');
  variants = (await fx.product(tenant, [100, 200, 300])).variantIds;
});
afterAll(() => fx.close());

const read = (cartId: string, ctx = guest(tenant)) => fx.call(`/api/store/carts/${cartId}`, { ctx });
const quantities = (cart: CartBody) => Object.fromEntries(cart.items.map((i) => [i.variantId, i.quantity]));

test('a customer has one cart, bound to them', async () => {
  const alice = customer(tenant, 'cus_alice');
  const first = await fx.call('/api/store/carts', { method: 'POST', ctx: alice });
  expect(first.status).toBe(201);
  const cart = await json(first);
  const again = await fx.call('/api/store/carts', { method: 'POST', ctx: alice });
  expect(again.status).toBe(200);
  expect((await json(again)).id).toBe(cart.id);
  expect(await fx.redis.get(`${fx.prefix}{t:${tenant}}:customer-cart:cus_alice`)).toBe(cart.id);

  expect((await addItem(fx, tenant, cart.id, { variantId: variants[0] }, alice)).status).toBe(200);
  expect((await read(cart.id, alice)).status).toBe(200);
  // Its id stays a bearer secret for the shopper's own device, but no other customer sees it.
  expect((await read(cart.id, guest(tenant))).status).toBe(200);
  const bob = customer(tenant, 'cus_bob');
  expect((await read(cart.id, bob)).status).toBe(404);
  expect((await addItem(fx, tenant, cart.id, { variantId: variants[0] }, bob)).status).toBe(404);
});

test('concurrent first visits of a customer create one cart', async () => {
  const carol = customer(tenant, 'cus_carol');
  const answers = await Promise.all(
    Array.from({ length: 8 }, () => fx.call('/api/store/carts', { method: 'POST', ctx: carol })),
  );
  const ids = new Set(await Promise.all(answers.map(async (r) => (await json(r)).id)));
  expect(ids.size).toBe(1);
  expect(answers.filter((r) => r.status === 201)).toHaveLength(1);
});

test('login merges the guest cart into the customer cart, summing capped quantities', async () => {
  const dan = customer(tenant, 'cus_dan');
  const mine = await newCart(fx, tenant, dan);
  await addItem(fx, tenant, mine.id, { variantId: variants[0], quantity: 60 }, dan);
  await addItem(fx, tenant, mine.id, { variantId: variants[1], quantity: 1 }, dan);

  const guestCart = await newCart(fx, tenant);
  await addItem(fx, tenant, guestCart.id, { variantId: variants[0], quantity: 50 });
  await addItem(fx, tenant, guestCart.id, { variantId: variants[2], quantity: 3 });

  const res = await fx.call(`/api/store/carts/${guestCart.id}/merge`, { method: 'POST', ctx: dan });
  expect(res.status).toBe(200);
  const merged = await json(res);
  expect(merged.id).toBe(mine.id);
  expect(quantities(merged)).toEqual({ [variants[0]!]: 99, [variants[1]!]: 1, [variants[2]!]: 3 });
  expect((await read(guestCart.id)).status).toBe(404);

  // A repeat (the guest cart is gone) is a 404 and changes nothing.
  expect((await fx.call(`/api/store/carts/${guestCart.id}/merge`, { method: 'POST', ctx: dan })).status).toBe(
    404,
  );
  expect(quantities(await json(read(mine.id, dan)))).toEqual(quantities(merged));
});

test('a customer without a cart takes the guest cart over', async () => {
  const erin = customer(tenant, 'cus_erin');
  const guestCart = await newCart(fx, tenant);
  await addItem(fx, tenant, guestCart.id, { variantId: variants[1], quantity: 2 });
  const merged = await json(fx.call(`/api/store/carts/${guestCart.id}/merge`, { method: 'POST', ctx: erin }));
  expect(merged.id).toBe(guestCart.id);
  expect(quantities(merged)).toEqual({ [variants[1]!]: 2 });
  const again = await fx.call('/api/store/carts', { method: 'POST', ctx: erin });
  expect(again.status).toBe(200);
  expect((await json(again)).id).toBe(guestCart.id);
  expect((await read(guestCart.id, customer(tenant, 'cus_other'))).status).toBe(404);
  // Merging one's own cart is a no-op.
  const self = await fx.call(`/api/store/carts/${guestCart.id}/merge`, { method: 'POST', ctx: erin });
  expect(quantities(await json(self))).toEqual({ [variants[1]!]: 2 });
});

test('merge needs a customer, and never takes another customer’s cart', async () => {
  const guestCart = await newCart(fx, tenant);
  const anonymous = await fx.call(`/api/store/carts/${guestCart.id}/merge`, {
    method: 'POST',
    ctx: guest(tenant),
  });
  expect(anonymous.status).toBe(401);
  expect((await json<ProblemBody>(anonymous)).code).toBe('customer_required');
  const merchant = await fx.call(`/api/store/carts/${guestCart.id}/merge`, {
    method: 'POST',
    ctx: staff(tenant),
  });
  expect(merchant.status).toBe(403);

  const frank = customer(tenant, 'cus_frank');
  const franks = await newCart(fx, tenant, frank);
  const grace = customer(tenant, 'cus_grace');
  const stolen = await fx.call(`/api/store/carts/${franks.id}/merge`, { method: 'POST', ctx: grace });
  expect(stolen.status).toBe(404);
  expect((await read(franks.id, frank)).status).toBe(200);
});
