import { createHash, randomUUID } from 'node:crypto';
import { bodyFingerprint, createIdempotencyStore } from '../src';
import { startPlatform, type Platform } from './platform-fixture';
import {
  checkoutBody,
  fillCart,
  guestOf,
  openStore,
  ordersOf,
  postCheckout,
  stockProduct,
  type Problem,
} from './shop';

let p: Platform;
let tenant: string;
let variantId: string;
beforeAll(async () => {
  p = await startPlatform('chk_idem');
  tenant = await openStore(p, { shippingFlatRate: 0, taxRateBps: 1000 });
  [variantId] = (await stockProduct(p, tenant, [{ price: 1234, stock: 1000 }])).variantIds as [string];
}, 60_000);
afterAll(() => p.close());

const recordKey = (tenantId: string, key: string) =>
  `${p.redis.prefix}{t:${tenantId}}:idem:checkout:${createHash('sha256').update(key).digest('hex')}`;
/** The store as another (crashed) checkout instance would have left it. */
const otherInstance = (lockMs: number) =>
  createIdempotencyStore({ redis: p.redis.client, prefix: p.redis.prefix, ttlMs: 86_400_000, lockMs });

test('5 concurrent checkouts with one key and body create one order and get the same answer', async () => {
  const cartId = await fillCart(p, tenant, [[variantId, 3]]);
  const before = (await ordersOf(p, tenant)).length;
  const key = randomUUID();
  const answers = await Promise.all(
    Array.from({ length: 5 }, () => postCheckout(p, tenant, checkoutBody(cartId), key)),
  );
  const bodies = await Promise.all(answers.map((r) => r.json()));
  expect(answers.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
  expect(new Set(bodies.map((b) => JSON.stringify(b))).size).toBe(1);
  expect(answers.filter((r) => r.headers.get('idempotent-replayed') === 'true')).toHaveLength(4);
  expect(bodies[0]).toMatchObject({ total: 3702 + 370, status: 'PENDING' });

  const orders = await ordersOf(p, tenant);
  expect(orders).toHaveLength(before + 1);
  expect(orders.map((o) => o.id)).toContain((bodies[0] as { orderId: string }).orderId);

  // Later, with the cart long emptied, the same key still answers the first response.
  const later = await postCheckout(p, tenant, checkoutBody(cartId), key);
  expect(later.status).toBe(201);
  expect(await later.json()).toEqual(bodies[0]);
  expect(await p.redis.client.pttl(recordKey(tenant, key))).toBeGreaterThan(86_000_000);
});

test('the same key with another body is 409, also while the first is running', async () => {
  const cartA = await fillCart(p, tenant, [[variantId, 1]]);
  const cartB = await fillCart(p, tenant, [[variantId, 2]]);
  const key = randomUUID();
  const [first, second] = await Promise.all([
    postCheckout(p, tenant, checkoutBody(cartA), key),
    new Promise((r) => setTimeout(r, 5)).then(() => postCheckout(p, tenant, checkoutBody(cartB), key)),
  ]);
  expect(first.status).toBe(201);
  expect(second.status).toBe(409);
  expect(((await second.json()) as Problem).code).toBe('idempotency_key_reused');

  const otherEmail = await postCheckout(p, tenant, checkoutBody(cartA, { email: 'eve@example.com' }), key);
  expect(otherEmail.status).toBe(409);

  // While a checkout holds a key, another body is refused at once rather than made to wait.
  const held = randomUUID();
  await otherInstance(10_000).claim(tenant, held, bodyFingerprint(checkoutBody(cartA)), 'running');
  const started = Date.now();
  const during = await postCheckout(p, tenant, checkoutBody(cartB), held);
  expect(during.status).toBe(409);
  expect(((await during.json()) as Problem).code).toBe('idempotency_key_reused');
  expect(Date.now() - started).toBeLessThan(1_000);
  // Another store's identical key is another key.
  const other = await openStore(p, { shippingFlatRate: 0, taxRateBps: 0 });
  const [foreign] = (await stockProduct(p, other, [{ price: 10, stock: 5 }])).variantIds as [string];
  const otherCart = await fillCart(p, other, [[foreign, 1]]);
  expect((await postCheckout(p, other, checkoutBody(otherCart), key, guestOf(other))).status).toBe(201);
});

test('the Idempotency-Key header is required and bounded', async () => {
  const cartId = await fillCart(p, tenant, [[variantId, 1]]);
  const missing = await postCheckout(p, tenant, checkoutBody(cartId), undefined);
  expect(missing.status).toBe(400);
  expect(await missing.json()).toMatchObject({
    code: 'idempotency_key_required',
    errors: [{ path: 'Idempotency-Key', message: 'is required' }],
  });
  const tooLong = await postCheckout(p, tenant, checkoutBody(cartId), 'k'.repeat(256));
  expect(tooLong.status).toBe(400);
});

test('a final refusal is kept for the key; one before order was asked is not', async () => {
  const [scarce] = (await stockProduct(p, tenant, [{ price: 50, stock: 1 }])).variantIds as [string];
  const cartId = await fillCart(p, tenant, [[scarce, 2]]);
  const key = randomUUID();
  const refused = await postCheckout(p, tenant, checkoutBody(cartId), key);
  expect(refused.status).toBe(422);
  const again = await postCheckout(p, tenant, checkoutBody(cartId), key);
  expect(again.status).toBe(422);
  expect(again.headers.get('idempotent-replayed')).toBe('true');
  expect(await again.json()).toEqual(await refused.json());

  const emptyCart = await fillCart(p, tenant, []);
  const emptyKey = randomUUID();
  expect((await postCheckout(p, tenant, checkoutBody(emptyCart), emptyKey)).status).toBe(422);
  expect(await p.redis.client.exists(recordKey(tenant, emptyKey))).toBe(0);
  await p.cart.call(`/api/store/carts/${emptyCart}/items`, {
    body: { variantId, quantity: 1 },
    ctx: guestOf(tenant),
  });
  expect((await postCheckout(p, tenant, checkoutBody(emptyCart), emptyKey)).status).toBe(201);
});

test('a duplicate of a checkout that crashed waits for its lock to expire, then does the work once', async () => {
  const cartId = await fillCart(p, tenant, [[variantId, 1]]);
  const key = randomUUID();
  const crashed = await otherInstance(400).claim(tenant, key, bodyFingerprint(checkoutBody(cartId)), 'dead');
  expect(crashed.state).toBe('claimed');
  const started = Date.now();
  const res = await postCheckout(p, tenant, checkoutBody(cartId), key);
  expect(res.status).toBe(201);
  expect(Date.now() - started).toBeGreaterThanOrEqual(300);
});

test('a duplicate that waits too long is told the first is still running', async () => {
  const cartId = await fillCart(p, tenant, [[variantId, 1]]);
  const key = randomUUID();
  await otherInstance(10_000).claim(tenant, key, bodyFingerprint(checkoutBody(cartId)), 'slow');
  const impatient = await p.startCheckout({ idempotencyWaitMs: 200 });
  const res = await postCheckout(p, tenant, checkoutBody(cartId), key, guestOf(tenant), impatient);
  expect(res.status).toBe(409);
  expect(res.headers.get('retry-after')).toBe('1');
  expect(((await res.json()) as Problem).code).toBe('idempotency_in_progress');
});

test('a retry after a crash between order and answer resumes the same order', async () => {
  const cartId = await fillCart(p, tenant, [[variantId, 2]]);
  const key = randomUUID();
  const first = await postCheckout(p, tenant, checkoutBody(cartId), key);
  const placed = (await first.json()) as { orderId: string };
  const count = (await ordersOf(p, tenant)).length;
  // As if the process died after order answered and the cart was emptied, before the answer was kept.
  await p.redis.client.hdel(recordKey(tenant, key), 'answer');

  const retried = await postCheckout(p, tenant, checkoutBody(cartId), key);
  expect(retried.status).toBe(201);
  expect(((await retried.json()) as { orderId: string }).orderId).toBe(placed.orderId);
  expect(await ordersOf(p, tenant)).toHaveLength(count);
});
