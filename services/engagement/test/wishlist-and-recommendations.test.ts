import { json, newTenant, startEngagement, type EngagementFixture } from './engagement-fixture';

let fx: EngagementFixture;
const shop = newTenant();
const ids = {} as Record<'desk' | 'chair' | 'lamp' | 'shade' | 'draft', string>;

beforeAll(async () => {
  fx = await startEngagement('eng_wish_recs');
  const lamps = await fx.category(shop, 'Lamps');
  const desks = await fx.category(shop, 'Desks');
  ids.desk = await fx.product(shop, 'Oak Desk', [desks]);
  ids.chair = await fx.product(shop, 'Oak Chair', []);
  ids.lamp = await fx.product(shop, 'Desk Lamp', [lamps, desks]);
  ids.shade = await fx.product(shop, 'Lamp Shade', [lamps]);
  ids.draft = await fx.product(shop, 'Secret Desk', [desks], 'draft');
});
afterAll(() => fx.close());

interface Item {
  productId: string;
  product: { id: string; priceMin: number; available: boolean; title: string } | null;
}

test('a customer adds, lists (with current price and availability) and removes products', async () => {
  const me = fx.customer(shop, 'cus_ada');
  const added = await me('/api/store/me/wishlist', { body: { productId: ids.desk } });
  expect(added.status).toBe(201);
  expect(await json(added)).toMatchObject({
    productId: ids.desk,
    product: { title: 'Oak Desk', priceMin: 2500 },
  });
  expect((await me('/api/store/me/wishlist', { body: { productId: ids.desk } })).status).toBe(200);
  await me('/api/store/me/wishlist', { body: { productId: ids.lamp } });
  let list = await json<{ items: Item[] }>(await me('/api/store/me/wishlist'));
  expect(list.items.map((i) => i.productId)).toEqual([ids.lamp, ids.desk]);
  expect(list.items[0]?.product).toMatchObject({ id: ids.lamp, priceMin: 2500, available: true });
  // a draft, unknown or malformed product cannot be added
  for (const productId of [ids.draft, 'prod_nope']) {
    expect(await json(await me('/api/store/me/wishlist', { body: { productId } }))).toMatchObject({
      status: 404,
    });
  }
  expect((await me('/api/store/me/wishlist', { body: { productId: 'a b' } })).status).toBe(400);
  expect((await me('/api/store/me/wishlist', { body: {} })).status).toBe(400);
  // the price and availability shown are catalog's current ones (its card, read live, never copied)
  await fx.catalogOwner.raw(
    `UPDATE products SET store_card = (store_card::jsonb || '{"priceMin": 1999, "available": false}')::json
      WHERE tenant_id = ? AND id = ?`,
    [shop, ids.desk],
  );
  list = await json<{ items: Item[] }>(await me('/api/store/me/wishlist?limit=1'));
  expect(list.items).toHaveLength(1);
  const rest = await json<{ items: Item[]; nextCursor: string | null }>(
    await me(`/api/store/me/wishlist?limit=1&cursor=${(list as { nextCursor?: string }).nextCursor}`),
  );
  expect(rest.items[0]?.product).toMatchObject({ priceMin: 1999, available: false });
  expect(rest.nextCursor).toBeNull();
  expect((await me(`/api/store/me/wishlist/${ids.desk}`, { method: 'DELETE' })).status).toBe(204);
  expect((await me(`/api/store/me/wishlist/${ids.desk}`, { method: 'DELETE' })).status).toBe(204);
  list = await json<{ items: Item[] }>(await me('/api/store/me/wishlist'));
  expect(list.items.map((i) => i.productId)).toEqual([ids.lamp]);
  // another customer of the same store has an empty list; anonymous callers are 401
  expect(await json(await fx.customer(shop, 'cus_bob')('/api/store/me/wishlist'))).toEqual({
    items: [],
    nextCursor: null,
  });
  expect((await fx.anonymous(shop)('/api/store/me/wishlist')).status).toBe(401);
});

interface Recs {
  items: Array<{ id: string; reason: string }>;
}

test('recommendations: similar by category until two orders make products "bought together"', async () => {
  const recs = async (id: string) =>
    (await json<Recs>(await fx.anonymous(shop)(`/api/store/products/${id}/recommendations`))).items;
  // the lamp shares both categories with nothing, Lamps with the shade and Desks with the desk
  expect(await recs(ids.chair)).toEqual([]);
  expect((await recs(ids.lamp)).map((r) => [r.id, r.reason]).sort()).toEqual(
    [
      [ids.desk, 'similar'],
      [ids.shade, 'similar'],
    ].sort(),
  );
  await fx.placed(shop, 'ord_1', 'cus_ada', [ids.chair, ids.desk]);
  await fx.placed(shop, 'ord_1', 'cus_ada', [ids.chair, ids.desk]); // redelivered: counted once
  await fx.placed(shop, 'ord_2', null, [ids.chair, ids.desk, ids.draft]);
  await fx.placed(shop, 'ord_3', null, [ids.chair, ids.shade]);
  // one order is one shopper's basket: the chair and shade are not "bought together" yet
  expect((await recs(ids.chair)).map((r) => r.id)).toEqual([ids.desk]);
  await fx.placed(shop, 'ord_4', null, [ids.chair, ids.desk, ids.shade]);
  const forChair = await recs(ids.chair);
  expect(forChair.map((r) => [r.id, r.reason])).toEqual([
    [ids.desk, 'bought_together'],
    [ids.shade, 'bought_together'],
  ]);
  const pairs = await fx
    .owner('co_purchases')
    .where({ tenant_id: shop, product_id: ids.chair, other_id: ids.desk })
    .first('orders');
  expect(pairs.orders).toBe(3);
  // the draft never shows; the desk's similar products follow its bought-together ones
  const forDesk = await recs(ids.desk);
  expect(forDesk[0]).toMatchObject({ id: ids.chair, reason: 'bought_together' });
  expect(forDesk.map((r) => r.id)).toContain(ids.lamp);
  expect(forDesk.map((r) => r.id)).not.toContain(ids.draft);
  expect(
    (await json<Recs>(await fx.anonymous(shop)(`/api/store/products/${ids.chair}/recommendations?limit=1`)))
      .items,
  ).toHaveLength(1);
  expect((await fx.anonymous(shop)(`/api/store/products/${ids.chair}/recommendations?limit=0`)).status).toBe(
    400,
  );
  expect((await fx.anonymous(shop)('/api/store/products/prod_nope/recommendations')).status).toBe(404);
  expect((await fx.anonymous(shop)(`/api/store/products/${ids.draft}/recommendations`)).status).toBe(404);
});
