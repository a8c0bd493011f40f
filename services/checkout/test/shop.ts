import type { Ctx } from '@fleet/context';
import type { Platform } from './platform-fixture';

export const staffOf = (tenantId: string): Partial<Ctx> => ({
  tenantId,
  actor: { kind: 'staff', id: 'stf_1', roles: ['owner'] },
});
export const guestOf = (tenantId: string): Partial<Ctx> => ({ tenantId, actor: { kind: 'anonymous' } });
export const customerOf = (tenantId: string, id: string): Partial<Ctx> => ({
  tenantId,
  actor: { kind: 'customer', id, roles: ['customer'] },
});

async function ok<T>(what: string, res: Promise<Response>, status = 200): Promise<T> {
  const answer = await res;
  if (answer.status !== status && !(status === 200 && answer.status === 201)) {
    throw new Error(`${what} answered ${answer.status}: ${await answer.text()}`);
  }
  return (await answer.json()) as T;
}

let seq = 0;

/** A store provisioned by the registry, with its rates set by its staff. */
export async function openStore(
  p: Platform,
  rates: { shippingFlatRate: number; taxRateBps: number },
  currency = 'USD',
): Promise<string> {
  const slug = `shop-${Date.now().toString(36)}-${++seq}`;
  const tenant = await ok<{ id: string }>(
    'provisioning',
    p.registry.call('/internal/tenants', {
      body: { slug, name: `Store ${slug}`, currency, country: 'US' },
      ctx: { actor: { kind: 'service', id: 'test' } },
    }),
  );
  await ok(
    'rates',
    p.registry.call('/api/admin/settings/rates', { method: 'PATCH', body: rates, ctx: staffOf(tenant.id) }),
  );
  return tenant.id;
}

/** A product in catalog, and its stock in inventory (what product events would do with a broker). */
export async function stockProduct(
  p: Platform,
  tenantId: string,
  variants: Array<{ price: number; stock: number }>,
  currency = 'USD',
): Promise<{ productId: string; variantIds: string[] }> {
  const tag = `${++seq}-${Math.random().toString(36).slice(2, 7)}`;
  const product = await ok<{ id: string; variants: Array<{ id: string }> }>(
    'product',
    p.catalog.call('/api/admin/products', {
      ctx: staffOf(tenantId),
      body: {
        title: `Lamp ${tag}`,
        description: 'A lamp.',
        categoryIds: [],
        variants: variants.map((v, i) => ({
          sku: `LAMP-${tag}-${i}`,
          title: `Shade ${i + 1}`,
          price: v.price,
          currency,
          stock: v.stock,
        })),
      },
    }),
    201,
  );
  const variantIds = product.variants.map((v) => v.id);
  for (const [i, variantId] of variantIds.entries()) {
    await ok(
      'stock',
      p.inventory.call(`/api/admin/inventory/${variantId}`, {
        method: 'PUT',
        body: { onHand: variants[i]!.stock, productId: product.id },
        ctx: staffOf(tenantId),
      }),
    );
  }
  return { productId: product.id, variantIds };
}

/** A cart with these lines, filled through the cart API. */
export async function fillCart(
  p: Platform,
  tenantId: string,
  lines: Array<[variantId: string, quantity: number]>,
  ctx = guestOf(tenantId),
): Promise<string> {
  const cart = await ok<{ id: string }>('cart', p.cart.call('/api/store/carts', { method: 'POST', ctx }));
  for (const [variantId, quantity] of lines) {
    await ok('add', p.cart.call(`/api/store/carts/${cart.id}/items`, { body: { variantId, quantity }, ctx }));
  }
  return cart.id;
}

export const address = {
  name: 'Ada Lovelace',
  line1: '12 Analytical Row',
  city: 'London',
  postalCode: 'N1 9GU',
  country: 'GB',
};

export function checkoutBody(cartId: string, extra: Record<string, unknown> = {}) {
  return { cartId, email: 'ada@example.com', shippingAddress: address, ...extra };
}

export function postCheckout(
  p: Platform,
  tenantId: string,
  body: unknown,
  key: string | undefined,
  ctx = guestOf(tenantId),
  service = p.checkout,
): Promise<Response> {
  return service.call('/api/store/checkout', {
    body,
    ctx,
    headers: key === undefined ? {} : { 'idempotency-key': key },
  });
}

export interface OrderSummary {
  id: string;
  status: string;
  total: number;
}

/** The store's orders as its merchant sees them (the order service's admin API). */
export async function ordersOf(p: Platform, tenantId: string): Promise<OrderSummary[]> {
  const page = await ok<{ items: OrderSummary[] }>(
    'orders',
    p.order.call('/api/admin/orders', { ctx: staffOf(tenantId) }),
  );
  return page.items;
}

export async function stockOf(
  p: Platform,
  tenantId: string,
  variantId: string,
): Promise<{ onHand: number; reserved: number; available: number }> {
  const levels = await ok<{ items: Array<{ onHand: number; reserved: number; available: number }> }>(
    'levels',
    p.inventory.call(`/internal/stock-levels?variantIds=${variantId}`, {
      ctx: { tenantId, actor: { kind: 'service', id: 'test' } },
    }),
  );
  return levels.items[0]!;
}

export interface Problem {
  status: number;
  code: string;
  detail: string;
  instance?: string;
  errors?: Array<{ path: string; message: string }>;
  [member: string]: unknown;
}
