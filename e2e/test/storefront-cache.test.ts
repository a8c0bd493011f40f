import { randomUUID } from 'node:crypto';
import { waitFor, type HostResponse } from '@fleet/testing';
import { frontDoor, ok, startProcessPlatform, type ProcessPlatform, type Store } from './process-platform';

type FrontDoor = ReturnType<typeof frontDoor>;

/**
 * The gateway keeps anonymous storefront reads of catalog and serves them again while the store's
 * catalog stamp is unchanged. Here, with every service its own process as `npm start` runs them:
 * the cached answer follows a price change at once, a stock change as soon as inventory's event
 * reached catalog, a product leaving the store; and one store's cached answer never reaches another.
 */
let platform: ProcessPlatform;
let call: FrontDoor['call'];
let signUp: FrontDoor['signUp'];

beforeAll(async () => {
  platform = await startProcessPlatform();
  ({ call, signUp } = frontDoor(platform));
}, 120_000);
afterAll(async () => {
  await platform?.stop();
});

const auth = (store: Store) => ({ authorization: `Bearer ${store.token}` });
const json = (res: HostResponse, status = 200) => ok(res, status) as Record<string, unknown>;

interface StoreProduct {
  id: string;
  title: string;
  variants: Array<{ id: string; sku: string; price: number; available: boolean; availableQuantity: number }>;
}

test('cached storefront answers follow price, stock and status changes, and stay in their store', async () => {
  const [store, other] = await Promise.all([signUp('cache-a'), signUp('cache-b')]);
  const sku = `LAMP-${randomUUID().slice(0, 8)}`;
  const created = json(
    await call(store.host, '/api/admin/products', {
      headers: auth(store),
      body: {
        title: 'Brass Lamp',
        description: 'Warm light.',
        categoryIds: [],
        variants: [{ sku, title: 'One size', price: 4_500, currency: 'USD', stock: 5 }],
      },
    }),
    201,
  ) as unknown as StoreProduct;
  const path = `/api/store/products/${created.id}`;
  const read = async () => {
    const res = await call(store.host, path);
    return { cache: res.headers['x-cache'], product: json(res) as unknown as StoreProduct };
  };

  // Inventory's level for the new variant reaches catalog by event: wait until the page shows it.
  await waitFor(
    'the new product shows its 5 units',
    async () => (await read()).product.variants[0]?.availableQuantity === 5,
  );
  const first = await read();
  const again = await read();
  expect([first.cache, again.cache]).toEqual(expect.arrayContaining(['HIT']));
  expect(again.product).toEqual(first.product);

  // A price change is visible on the very next read after the merchant's PATCH returned.
  json(
    await call(store.host, `/api/admin/products/${created.id}`, {
      method: 'PATCH',
      headers: auth(store),
      body: { variants: [{ sku, title: 'One size', price: 3_900, currency: 'USD' }] },
    }),
  );
  const repriced = await read();
  expect(repriced.cache).toBe('MISS');
  expect(repriced.product.variants[0]?.price).toBe(3_900);
  expect((await read()).cache).toBe('HIT');

  // Stock lives in inventory: the answer changes once its event reached catalog.
  const variantId = repriced.product.variants[0]?.id as string;
  json(
    await call(store.host, `/api/admin/inventory/${variantId}`, {
      method: 'PUT',
      headers: auth(store),
      body: { onHand: 0 },
    }),
  );
  await waitFor(
    'the sold-out variant shows 0 units',
    async () => (await read()).product.variants[0]?.availableQuantity === 0,
  );
  const list = json(await call(store.host, '/api/store/products?limit=20')) as { items: StoreProduct[] };
  expect(list.items.map((p) => p.id)).toEqual([created.id]);

  // Another store asking for the same URL gets its own answer (404), cached or not.
  for (let i = 0; i < 2; i++) expect((await call(other.host, path)).status).toBe(404);
  const otherList = json(await call(other.host, '/api/store/products?limit=20')) as { items: unknown[] };
  expect(otherList.items).toEqual([]);

  // A request with a token is never answered from the cache.
  const withToken = await call(store.host, path, { headers: auth(store) });
  expect(withToken.status).toBe(200);
  expect(withToken.headers['x-cache']).toBeUndefined();

  // Archived: gone from the storefront on the next read.
  json(
    await call(store.host, `/api/admin/products/${created.id}`, {
      method: 'PATCH',
      headers: auth(store),
      body: { status: 'archived' },
    }),
  );
  expect((await call(store.host, path)).status).toBe(404);
  expect(
    (json(await call(store.host, '/api/store/products?limit=20')) as { items: unknown[] }).items,
  ).toEqual([]);
}, 60_000);
