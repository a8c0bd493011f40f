import { json, newTenant, startEngagement, type EngagementFixture } from './engagement-fixture';

let fx: EngagementFixture;
const a = newTenant();
const b = newTenant();
let aDesk: string;
let aChair: string;
let bLamp: string;
let aReview: string;

beforeAll(async () => {
  fx = await startEngagement('eng_isolation');
  const cat = await fx.category(a, 'Furniture');
  aDesk = await fx.product(a, 'Desk', [cat]);
  aChair = await fx.product(a, 'Chair', [cat]);
  bLamp = await fx.product(b, 'Lamp');
  await fx.customer(a, 'cus_1')('/api/store/me/wishlist', { body: { productId: aDesk } });
  const review = await fx.customer(a, 'cus_1')(`/api/store/products/${aDesk}/reviews`, {
    body: { rating: 4, title: 'Good', body: 'Good desk' },
  });
  aReview = (await json<{ id: string }>(review)).id;
  await fx.placed(a, 'ord_a', 'cus_1', [aDesk, aChair]);
  await fx.placed(a, 'ord_b', 'cus_1', [aDesk, aChair]);
});
afterAll(() => fx.close());

test("store B sees none of store A's wishlists, reviews or co-purchases", async () => {
  // the same customer id in B is B's own customer: an empty wishlist
  expect(await json(await fx.customer(b, 'cus_1')('/api/store/me/wishlist'))).toEqual({
    items: [],
    nextCursor: null,
  });
  // A's product does not exist in B: no reviews, no recommendations, cannot be added or reviewed
  expect(await json(await fx.anonymous(b)(`/api/store/products/${aDesk}/reviews`))).toMatchObject({
    items: [],
    summary: { average: null, count: 0 },
  });
  expect((await fx.anonymous(b)(`/api/store/products/${aDesk}/recommendations`)).status).toBe(404);
  expect(
    (await fx.customer(b, 'cus_1')('/api/store/me/wishlist', { body: { productId: aDesk } })).status,
  ).toBe(404);
  const review = await fx.customer(b, 'cus_1')(`/api/store/products/${aDesk}/reviews`, {
    body: { rating: 1, title: 'x', body: 'y' },
  });
  expect(review.status).toBe(404);
  // B's staff neither list nor moderate A's reviews
  expect(await json(await fx.staff(b)('/api/admin/reviews'))).toEqual({ items: [], nextCursor: null });
  for (const action of ['hide', 'unhide']) {
    expect((await fx.staff(b)(`/api/admin/reviews/${aReview}/${action}`, { method: 'POST' })).status).toBe(
      404,
    );
  }
  expect((await fx.staff(b)(`/api/admin/reviews/${aReview}/reply`, { body: { body: 'hi' } })).status).toBe(
    404,
  );
  // B's orders of A's ids never count towards A's "bought together"
  await fx.placed(b, 'ord_x', null, [aDesk, bLamp]);
  await fx.placed(b, 'ord_y', null, [aDesk, bLamp]);
  expect(
    (
      await json<{ items: Array<{ id: string }> }>(
        await fx.anonymous(b)(`/api/store/products/${bLamp}/recommendations`),
      )
    ).items,
  ).toEqual([]);
  const recs = await json<{ items: Array<{ id: string; reason: string }> }>(
    await fx.anonymous(a)(`/api/store/products/${aDesk}/recommendations`),
  );
  expect(recs.items).toEqual([expect.objectContaining({ id: aChair, reason: 'bought_together' })]);
  // A's data is untouched
  expect(await json(await fx.staff(a)('/api/admin/reviews'))).toMatchObject({
    items: [{ id: aReview, hidden: false, reply: null }],
  });
  const wish = await json<{ items: unknown[] }>(await fx.customer(a, 'cus_1')('/api/store/me/wishlist'));
  expect(wish.items).toHaveLength(1);
  // B's deleting A's product from "its" wishlist changes nothing in A
  await fx.customer(b, 'cus_1')(`/api/store/me/wishlist/${aDesk}`, { method: 'DELETE' });
  expect(
    (await json<{ items: unknown[] }>(await fx.customer(a, 'cus_1')('/api/store/me/wishlist'))).items,
  ).toHaveLength(1);
});

test('row-level security: the application role without a tenant sees no rows at all', async () => {
  for (const table of [
    'wishlist_items',
    'reviews',
    'rating_summaries',
    'purchased_items',
    'co_purchases',
    'outbox',
  ]) {
    const { rows } = await fx.db.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`);
    expect([table, rows[0]?.n]).toEqual([table, '0']);
  }
  const forced = await fx.owner.raw<{ rows: Array<{ relname: string }> }>(
    `SELECT relname FROM pg_class WHERE relname = ANY(?) AND relrowsecurity AND relforcerowsecurity`,
    [
      [
        'wishlist_items',
        'reviews',
        'rating_summaries',
        'purchased_items',
        'delivered_orders',
        'co_purchases',
      ],
    ],
  );
  expect(forced.rows).toHaveLength(6);
});

test('a request without a store is 404; without a signed context 401', async () => {
  expect(
    (await fx.call(`/api/store/products/${aDesk}/reviews`, { ctx: { actor: { kind: 'anonymous' } } })).status,
  ).toBe(404);
});
