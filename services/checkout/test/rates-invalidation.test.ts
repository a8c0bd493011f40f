import { randomUUID } from 'node:crypto';
import { waitFor } from '@fleet/testing';
import { startPlatform, type Platform } from './platform-fixture';
import { checkoutBody, fillCart, openStore, postCheckout, staffOf, stockProduct } from './shop';

// Checkout keeps store rates in process; the registry's `tenant.settings_changed` (outbox ->
// RabbitMQ -> checkout's transient subscription) drops them. Real relay, broker and services.
let p: Platform;
let a: string;
let b: string;
const variants = new Map<string, string>();
beforeAll(async () => {
  p = await startPlatform('chk_rates', { events: true });
  a = await openStore(p, { shippingFlatRate: 499, taxRateBps: 825 });
  b = await openStore(p, { shippingFlatRate: 0, taxRateBps: 500 });
  for (const tenant of [a, b]) {
    const [variantId] = (await stockProduct(p, tenant, [{ price: 10_000, stock: 50 }])).variantIds;
    variants.set(tenant, variantId as string);
  }
}, 60_000);
afterAll(() => p.close());

async function totalOfCheckout(tenant: string): Promise<number> {
  const cartId = await fillCart(p, tenant, [[variants.get(tenant) as string, 1]]);
  const res = await postCheckout(p, tenant, checkoutBody(cartId), randomUUID());
  expect(res.status).toBe(201);
  return ((await res.json()) as { total: number }).total;
}

test('a tax rate changed through the registry is used by the next checkout', async () => {
  expect(await totalOfCheckout(a)).toBe(10_000 + 499 + 825);
  expect(await totalOfCheckout(b)).toBe(10_000 + 0 + 500);
  expect([p.ratesCache.has(a), p.ratesCache.has(b)]).toEqual([true, true]);

  const changed = await p.registry.call('/api/admin/settings/rates', {
    method: 'PATCH',
    body: { taxRateBps: 1000 },
    ctx: staffOf(a),
  });
  expect(changed.status).toBe(200);
  await waitFor('checkout to drop the old rates', () => !p.ratesCache.has(a), { timeoutMs: 5_000 });

  expect(await totalOfCheckout(a)).toBe(10_000 + 499 + 1000);
  expect(p.ratesCache.has(b)).toBe(true); // another store's rates stay
  expect(await totalOfCheckout(b)).toBe(10_000 + 0 + 500);
});
