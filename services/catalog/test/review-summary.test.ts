import { createEnvelope } from '@fleet/messaging';
import { reviewSummaryConsumer } from '../src';
import { newTenant, productBody, shopper, staff, startCatalog, type CatalogFixture } from './catalog-fixture';

let fx: CatalogFixture;
const shop = newTenant();
const other = newTenant();
let productId: string;

beforeAll(async () => {
  fx = await startCatalog('cat_review_summary');
  const res = await fx.call('/api/admin/products', {
    method: 'POST',
    body: productBody('Rated Mug'),
    ctx: staff(shop),
  });
  productId = ((await res.json()) as { id: string }).id;
});
afterAll(() => fx.close());

const summary = (tenantId: string, version: number, ratingAverage: number | null, ratingCount: number) =>
  createEnvelope(
    { requestId: 'test', tenantId },
    {
      type: 'review.summary_changed',
      aggregateId: productId,
      version,
      data: { productId, ratingAverage, ratingCount },
    },
  );

const rating = async (tenantId: string) => {
  const res = await fx.call(`/api/store/products/${productId}`, { ctx: shopper(tenantId) });
  return res.status === 200 ? ((await res.json()) as { rating: unknown }).rating : res.status;
};

test('the newest summary is kept on the product, republished, and an older one is dropped', async () => {
  expect(await rating(shop)).toEqual({ average: null, count: 0 });
  const handle = reviewSummaryConsumer(fx.deps);
  const second = summary(shop, 2, 4.5, 2);
  await handle(second);
  await handle(second); // a redelivery changes nothing more
  await handle(summary(shop, 1, 5, 1)); // late, older
  expect(await rating(shop)).toEqual({ average: 4.5, count: 2 });
  const updates = await fx
    .owner('outbox')
    .where({ tenant_id: shop, type: 'product.updated' })
    .select('envelope');
  expect(updates).toHaveLength(1);
  expect(updates[0].envelope.data.product.rating).toEqual({ average: 4.5, count: 2 });
  // another store's summary naming this product id touches nothing here
  await handle(summary(other, 9, 1, 1));
  expect(await rating(shop)).toEqual({ average: 4.5, count: 2 });
  await expect(handle(summary(shop, 3, 9, 1))).rejects.toThrow(/malformed/);
});
