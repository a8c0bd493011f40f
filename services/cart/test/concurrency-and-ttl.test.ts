import {
  addItem,
  guest,
  json,
  newCart,
  newTenant,
  service,
  startCart,
  type CartFixture,
} from './cart-fixture';

const TTL_SECONDS = 3600;
let fx: CartFixture;
const tenant = newTenant();
beforeAll(async () => {
  fx = await startCart('cart_race', { ttlSeconds: TTL_SECONDS, variantCacheMs: 2_000 });
});
afterAll(() => fx.close());

const cartKey = (cartId: string) => `${fx.prefix}{t:${tenant}}:cart:${cartId}`;

test('20 concurrent adds of one variant lose none of them', async () => {
  const [variantId] = (await fx.product(tenant, [100])).variantIds as [string];
  const cart = await newCart(fx, tenant);
  const answers = await Promise.all(
    Array.from({ length: 20 }, () => addItem(fx, tenant, cart.id, { variantId, quantity: 1 })),
  );
  expect(answers.map((r) => r.status)).toEqual(Array(20).fill(200));
  const read = await json(fx.call(`/api/store/carts/${cart.id}`, { ctx: guest(tenant) }));
  expect(read.items).toHaveLength(1);
  expect(read.items[0]!.quantity).toBe(20);
});

test('concurrent adds past the limit end capped at 99', async () => {
  const [variantId] = (await fx.product(tenant, [100])).variantIds as [string];
  const cart = await newCart(fx, tenant);
  await Promise.all(
    Array.from({ length: 20 }, () => addItem(fx, tenant, cart.id, { variantId, quantity: 7 })),
  );
  const read = await json(fx.call(`/api/store/carts/${cart.id}`, { ctx: guest(tenant) }));
  expect(read.items[0]!.quantity).toBe(99);
});

test('concurrent adds of different variants all land', async () => {
  const { variantIds } = await fx.product(tenant, [100, 200, 300, 400, 500]);
  const cart = await newCart(fx, tenant);
  await Promise.all(variantIds.map((variantId) => addItem(fx, tenant, cart.id, { variantId, quantity: 2 })));
  const read = await json(fx.call(`/api/store/carts/${cart.id}`, { ctx: guest(tenant) }));
  expect(read.items.map((i) => i.variantId).sort()).toEqual([...variantIds].sort());
  expect(read.subtotal).toBe(2 * (100 + 200 + 300 + 400 + 500));
});

test('the cart key carries the tenant hash tag and a TTL that every use refreshes', async () => {
  const [variantId] = (await fx.product(tenant, [100])).variantIds as [string];
  const cart = await newCart(fx, tenant);
  const ttl = await fx.redis.pttl(cartKey(cart.id));
  expect(ttl).toBeGreaterThan((TTL_SECONDS - 5) * 1000);
  expect(ttl).toBeLessThanOrEqual(TTL_SECONDS * 1000);

  const uses: Array<() => Promise<Response>> = [
    () => fx.call(`/api/store/carts/${cart.id}`, { ctx: guest(tenant) }),
    () => addItem(fx, tenant, cart.id, { variantId, quantity: 1 }),
    () => fx.call(`/internal/carts/${cart.id}`, { ctx: service(tenant) }),
  ];
  for (const use of uses) {
    await fx.redis.pexpire(cartKey(cart.id), 10_000);
    expect((await use()).status).toBe(200);
    expect(await fx.redis.pttl(cartKey(cart.id))).toBeGreaterThan((TTL_SECONDS - 5) * 1000);
  }
});

test('an expired cart is gone', async () => {
  const cart = await newCart(fx, tenant);
  await fx.redis.pexpire(cartKey(cart.id), 1);
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect((await fx.call(`/api/store/carts/${cart.id}`, { ctx: guest(tenant) })).status).toBe(404);
});
