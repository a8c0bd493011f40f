import { randomUUID } from 'node:crypto';
import { waitFor, type HostResponse } from '@fleet/testing';
import { frontDoor, ok, startHostPlatform, type ProcessPlatform, type Store } from './process-platform';

/** What an attacker can name in one store: ids of real rows (its own, or a victim's). */
export interface StoreData {
  store: Store;
  tenantId: string;
  productId: string;
  productSlug: string;
  variantId: string;
  categoryId: string;
  collectionId: string;
  cartId: string;
  itemId: string;
  orderId: string;
  orderToken: string;
  paymentId: string;
  customerToken: string;
}

export interface AttackPlatform {
  platform: ProcessPlatform;
  door: ReturnType<typeof frontDoor>;
  /** `host:port` of the apex and the console through the gateway. */
  apex: string;
  console: string;
  platformToken: string;
  stop(): Promise<void>;
}

/** The platform as `npm start` runs it (the host, one worker), reached only through its gateway. */
export async function startAttackPlatform(): Promise<AttackPlatform> {
  const platform = await startHostPlatform(1);
  const door = frontDoor(platform);
  const port = platform.urlOf('gateway').split(':').pop() as string;
  const domain = platform.env('gateway').PLATFORM_DOMAIN as string;
  const identityEnv = platform.env('identity');
  const consoleHost = `console.${domain}:${port}`;
  const login = ok(
    await door.call(consoleHost, '/api/platform/auth/login', {
      body: { email: identityEnv.PLATFORM_ADMIN_EMAIL, password: identityEnv.PLATFORM_ADMIN_PASSWORD },
    }),
    200,
  ) as { accessToken: string };
  return {
    platform,
    door,
    apex: `${domain}:${port}`,
    console: consoleHost,
    platformToken: login.accessToken,
    stop: () => platform.stop(),
  };
}

/**
 * A store with a product in stock (in a category and a collection), a shopper's cart holding it,
 * an order checked out from another cart, and a registered customer: every kind of row an
 * outsider could try to reach.
 */
export async function seedStore(p: AttackPlatform, slug: string): Promise<StoreData> {
  const { door } = p;
  const store = await door.signUp(slug);
  const admin = (path: string, body?: unknown, method?: string) =>
    door.asOwner(store, path, { body, method });
  const listed = ok(
    await door.call(p.console, `/api/platform/tenants?q=${slug}`, {
      headers: { authorization: `Bearer ${p.platformToken}` },
    }),
  ) as { items: Array<{ id: string; slug: string }> };
  const tenantId = listed.items.find((t) => t.slug === slug)?.id as string;
  const category = ok(await admin('/api/admin/categories', { name: 'Cups' }), 201) as { id: string };
  const collection = ok(await admin('/api/admin/collections', { title: 'Summer' }), 201) as { id: string };
  const product = ok(
    await admin('/api/admin/products', {
      title: `Mug of ${slug}`,
      description: 'A mug',
      categoryIds: [category.id],
      collectionIds: [collection.id],
      variants: [{ sku: `MUG-${slug}`, title: 'Default', price: 1500, currency: 'USD', stock: 50 }],
    }),
    201,
  ) as { id: string; slug: string; variants: Array<{ id: string }> };
  const variantId = product.variants[0]!.id;
  await waitFor('the product on sale with its stock', async () => {
    const res = await door.call(store.host, `/api/store/products/${product.id}`);
    if (res.status !== 200) return undefined;
    const body = res.json() as { variants: Array<{ available?: boolean; availableQuantity?: number }> };
    return (body.variants[0]?.availableQuantity ?? 0) > 0 ? true : undefined;
  });
  const order = await door.checkout(store.host, variantId, 1);
  // The reservation reaches the catalog by event: wait, so later snapshots see settled data.
  await waitFor('the order to be reserved in the catalog', async () => {
    const res = await door.call(store.host, `/api/store/products/${product.id}`);
    const body = res.json() as { variants: Array<{ availableQuantity?: number }> };
    return body.variants[0]?.availableQuantity === 49 ? true : undefined;
  });
  const cart = ok(await door.call(store.host, '/api/store/carts', { method: 'POST' }), 201) as { id: string };
  const filled = ok(
    await door.call(store.host, `/api/store/carts/${cart.id}/items`, { body: { variantId, quantity: 2 } }),
  ) as { items: Array<{ id: string }> };
  // The cart service keeps catalog lookups for a while: wait until the cart shows the settled stock.
  await waitFor('the cart to show the reserved stock', async () => {
    const view = ok(await door.call(store.host, `/api/store/carts/${cart.id}`)) as {
      items: Array<{ availableQuantity?: number }>;
    };
    return view.items[0]?.availableQuantity === 49 ? true : undefined;
  });
  const customer = ok(
    await door.call(store.host, '/api/store/auth/register', {
      body: { email: `shopper-${randomUUID()}@example.com`, password: 'shopper password 1', name: 'Ada' },
    }),
    201,
  ) as { accessToken: string };
  return {
    store,
    tenantId,
    productId: product.id,
    productSlug: product.slug,
    variantId,
    categoryId: category.id,
    collectionId: collection.id,
    cartId: cart.id,
    itemId: filled.items[0]!.id,
    orderId: order.orderId,
    orderToken: order.orderToken,
    paymentId: order.payment.paymentId,
    customerToken: customer.accessToken,
  };
}

/** Everything of a store that an attack on another store must leave exactly as it was. */
export async function snapshotStore(p: AttackPlatform, s: StoreData): Promise<Record<string, unknown>> {
  const paths = [
    '/api/admin/products?limit=100',
    '/api/admin/categories?limit=100',
    '/api/admin/collections?limit=100',
    '/api/admin/orders?limit=100',
    `/api/admin/orders/${s.orderId}`,
    '/api/admin/inventory?limit=100',
    '/api/admin/settings/store',
    '/api/admin/settings/payments',
    '/api/admin/domains',
  ];
  const out: Record<string, unknown> = {};
  for (const path of paths) out[path] = ok(await p.door.asOwner(s.store, path));
  out[`cart ${s.cartId}`] = ok(await p.door.call(s.store.host, `/api/store/carts/${s.cartId}`));
  out['me'] = ok(
    await p.door.call(s.store.host, '/api/store/me', {
      headers: { authorization: `Bearer ${s.customerToken}` },
    }),
  );
  return out;
}

/** A 4xx/5xx answer must be problem+json; any answer must be below 500. */
export function describeViolation(res: HostResponse): string | undefined {
  if (res.status >= 500) return `answered ${res.status}: ${res.text.slice(0, 300)}`;
  if (res.status >= 400 && !String(res.headers['content-type'] ?? '').includes('application/problem+json'))
    return `answered ${res.status} as ${String(res.headers['content-type'])}: ${res.text.slice(0, 200)}`;
  return undefined;
}
