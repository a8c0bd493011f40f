import { json, newTenant, startEngagement, type EngagementFixture } from './engagement-fixture';

let fx: EngagementFixture;
const shop = newTenant();
let productId: string;

beforeAll(async () => {
  fx = await startEngagement('eng_reviews');
  productId = await fx.product(shop, 'Walnut Desk');
});
afterAll(() => fx.close());

interface Review {
  id: string;
  rating: number;
  verified: boolean;
  reply: { body: string } | null;
}
interface ReviewPage {
  items: Review[];
  nextCursor: string | null;
  summary: { average: number | null; count: number };
}

const reviewsPath = () => `/api/store/products/${productId}/reviews`;
const write = (customerId: string, rating: number, title = 'Solid') =>
  fx.customer(shop, customerId)(reviewsPath(), {
    body: { rating, title, body: `${title}, ${rating} stars` },
  });

test('a customer reviews once; bad input, strangers and staff are refused and change nothing', async () => {
  const first = await write('cus_ada', 5);
  expect(first.status).toBe(201);
  expect(await json(first)).toMatchObject({ rating: 5, verified: false, reply: null, productId });
  expect(await json(await write('cus_ada', 1))).toMatchObject({ status: 409, code: 'review_exists' });
  expect(
    (await fx.anonymous(shop)(reviewsPath(), { body: { rating: 5, title: 'x', body: 'y' } })).status,
  ).toBe(401);
  expect((await fx.staff(shop)(reviewsPath(), { body: { rating: 5, title: 'x', body: 'y' } })).status).toBe(
    403,
  );
  for (const body of [
    { rating: 6, title: 'x', body: 'y' },
    { rating: 0, title: 'x', body: 'y' },
    { rating: 3 },
  ]) {
    const res = await fx.customer(shop, 'cus_bob')(reviewsPath(), { body });
    expect(res.status).toBe(400);
  }
  const unknown = await fx.customer(shop, 'cus_bob')('/api/store/products/prod_nope/reviews', {
    body: { rating: 3, title: 'x', body: 'y' },
  });
  expect(await json(unknown)).toMatchObject({ status: 404, code: 'product_not_found' });
  const page = await json<ReviewPage>(await fx.anonymous(shop)(reviewsPath()));
  expect(page.items).toHaveLength(1);
  expect(page.summary).toEqual({ average: 5, count: 1 });
});

test('the verified badge follows a delivered order holding the product', async () => {
  const res = await write('cus_cy', 4);
  const mine = await json<Review>(res);
  await fx.placed(shop, 'ord_cy', 'cus_cy', [productId]);
  let page = await json<ReviewPage>(await fx.anonymous(shop)(reviewsPath()));
  expect(page.items.find((r) => r.id === mine.id)?.verified).toBe(false); // placed, not delivered
  await fx.delivered(shop, 'ord_cy');
  await fx.delivered(shop, 'ord_cy'); // a redelivery is harmless
  page = await json<ReviewPage>(await fx.anonymous(shop)(reviewsPath()));
  expect(page.items.find((r) => r.id === mine.id)?.verified).toBe(true);
  // another customer's delivered order does not verify Ada
  expect(page.items.find((r) => r.id !== mine.id)?.verified).toBe(false);
});

test('average and count reach the product in catalog through review.summary_changed', async () => {
  const summaries = await fx.events(shop, 'review.summary_changed');
  expect(summaries.map((e) => e.data)).toEqual([
    { productId, ratingAverage: 5, ratingCount: 1 },
    { productId, ratingAverage: 4.5, ratingCount: 2 },
  ]);
  expect(summaries.map((e) => e.version)).toEqual([1, 2]);
  await fx.relaySummaries();
  expect(await fx.storeProduct(shop, productId)).toMatchObject({ rating: { average: 4.5, count: 2 } });
  // catalog republishes the product, so search's documents carry the rating
  const updated = await fx
    .catalogOwner('outbox')
    .where({ tenant_id: shop, type: 'product.updated' })
    .orderBy('seq', 'desc')
    .first('envelope');
  expect(updated.envelope.data.product.rating).toEqual({ average: 4.5, count: 2 });
});

test('the merchant hides, shows and replies; hidden reviews leave the list and the average', async () => {
  const list = await json<{ items: Array<Review & { hidden: boolean; customerId: string }> }>(
    await fx.staff(shop)('/api/admin/reviews'),
  );
  expect(list.items).toHaveLength(2);
  const five = list.items.find((r) => r.rating === 5)!;
  expect(five).toMatchObject({ customerId: 'cus_ada', hidden: false });
  const hidden = await fx.staff(shop)(`/api/admin/reviews/${five.id}/hide`, { method: 'POST' });
  expect(await json(hidden)).toMatchObject({ hidden: true });
  let page = await json<ReviewPage>(await fx.anonymous(shop)(reviewsPath()));
  expect(page.items.map((r) => r.id)).not.toContain(five.id);
  expect(page.summary).toEqual({ average: 4, count: 1 });
  // hiding again writes no new summary
  const before = (await fx.events(shop, 'review.summary_changed')).length;
  await fx.staff(shop)(`/api/admin/reviews/${five.id}/hide`, { method: 'POST' });
  expect(await fx.events(shop, 'review.summary_changed')).toHaveLength(before);
  const hiddenOnly = await json<{ items: Review[] }>(
    await fx.staff(shop)('/api/admin/reviews?status=hidden'),
  );
  expect(hiddenOnly.items.map((r) => r.id)).toEqual([five.id]);
  await fx.staff(shop)(`/api/admin/reviews/${five.id}/unhide`, { method: 'POST' });
  const reply = await fx.staff(shop)(`/api/admin/reviews/${five.id}/reply`, { body: { body: 'Thank you!' } });
  expect(await json(reply)).toMatchObject({ reply: { body: 'Thank you!' }, hidden: false });
  page = await json<ReviewPage>(await fx.anonymous(shop)(reviewsPath()));
  expect(page.summary).toEqual({ average: 4.5, count: 2 });
  expect(page.items.find((r) => r.id === five.id)?.reply?.body).toBe('Thank you!');
  await fx.relaySummaries();
  expect(await fx.storeProduct(shop, productId)).toMatchObject({ rating: { average: 4.5, count: 2 } });
  // customers cannot moderate; bad bodies are 400; unknown reviews 404
  expect((await fx.customer(shop, 'cus_ada')('/api/admin/reviews')).status).toBe(403);
  expect((await fx.staff(shop)(`/api/admin/reviews/${five.id}/reply`, { body: { body: '' } })).status).toBe(
    400,
  );
  expect((await fx.staff(shop)('/api/admin/reviews/rev_nope/hide', { method: 'POST' })).status).toBe(404);
});

test('pages: limit and cursor walk the reviews newest first; a forged cursor is a 400', async () => {
  for (const c of ['cus_d', 'cus_e', 'cus_f']) await write(c, 3);
  const first = await json<ReviewPage>(await fx.anonymous(shop)(`${reviewsPath()}?limit=2`));
  expect(first.items).toHaveLength(2);
  const second = await json<ReviewPage>(
    await fx.anonymous(shop)(`${reviewsPath()}?limit=2&cursor=${first.nextCursor}`),
  );
  const third = await json<ReviewPage>(
    await fx.anonymous(shop)(`${reviewsPath()}?limit=2&cursor=${second.nextCursor}`),
  );
  const ids = [...first.items, ...second.items, ...third.items].map((r) => r.id);
  expect(new Set(ids).size).toBe(5);
  expect(third.nextCursor).toBeNull();
  expect((await fx.anonymous(shop)(`${reviewsPath()}?cursor=bm9wZQ`)).status).toBe(400);
});
