import type { ProductView } from '../src/domain/products/product-view';
import {
  json,
  newTenant,
  outbox,
  productBody,
  staff,
  startCatalog,
  variant,
  type CatalogFixture,
  type Problem,
} from './catalog-fixture';

let catalog: CatalogFixture;
beforeAll(async () => {
  catalog = await startCatalog('cat_bulk');
});
afterAll(() => catalog.close());

type Result = { index: number; status: string; id?: string; code?: string; errors?: Array<{ path: string }> };
const bulk = (tenantId: string, products: unknown[]) =>
  catalog.call('/api/admin/products/bulk', { method: 'POST', ctx: staff(tenantId), body: { products } });

test('bad items are reported with their errors and the others are saved', async () => {
  const t = newTenant();
  await catalog.call('/api/admin/products', {
    method: 'POST',
    ctx: staff(t),
    body: productBody('Owner', { variants: [variant('TAKEN-1')] }),
  });
  const res = await bulk(t, [
    productBody('Good One', { variants: [variant('GOOD-1')] }),
    productBody('Bad Price', { variants: [variant('BAD-1', 10.5)] }),
    productBody('Steal', { slug: 'good-one', variants: [variant('GOOD-1'), variant('TAKEN-1')] }),
    'not even an object',
    productBody('Good Two', { variants: [variant('GOOD-2')] }),
  ]);
  expect(res.status).toBe(200);
  const { results } = await json<{ results: Result[] }>(res);
  expect(results.map((r) => [r.index, r.status, r.code])).toEqual([
    [0, 'created', undefined],
    [1, 'error', 'validation_failed'],
    [2, 'error', 'sku_taken'],
    [3, 'error', 'validation_failed'],
    [4, 'created', undefined],
  ]);
  expect(results[1]?.errors?.map((e) => e.path)).toEqual(['variants.0.price']);
  expect(results[2]?.errors?.map((e) => e.path)).toEqual(['variants.1.sku']);
  const titles = (await catalog.owner('products').where({ tenant_id: t }).select('title')).map(
    (p: { title: string }) => p.title,
  );
  expect(titles.sort()).toEqual(['Good One', 'Good Two', 'Owner']);
  for (const r of results.filter((x) => x.status === 'created')) {
    expect((await outbox(catalog, { aggregate_id: r.id as string })).map((e) => e.type)).toEqual([
      'product.created',
    ]);
  }
});

test('an item updates the product with its slug, else the one owning its SKUs (variant ids kept)', async () => {
  const t = newTenant();
  const first = await json<{ results: Result[] }>(
    bulk(t, [
      productBody('Hat', { slug: 'hat', variants: [variant('HAT-S', 1000), variant('HAT-M', 1000)] }),
      productBody('Scarf', { variants: [variant('SCARF-1', 2000)] }),
    ]),
  );
  const [hatId, scarfId] = first.results.map((r) => r.id as string);
  const hatBefore = await json<ProductView>(catalog.call(`/api/admin/products/${hatId}`, { ctx: staff(t) }));
  const second = await json<{ results: Result[] }>(
    bulk(t, [
      productBody('Hat v2', { slug: 'hat', variants: [variant('HAT-S', 1200), variant('HAT-L', 1300)] }),
      productBody('Scarf v2', { variants: [variant('SCARF-1', 2100)] }),
      productBody('Mixed', { variants: [variant('HAT-S'), variant('SCARF-1')] }),
    ]),
  );
  expect(second.results.map((r) => [r.status, r.id ?? r.code])).toEqual([
    ['updated', hatId],
    ['updated', scarfId],
    ['error', 'sku_conflict'],
  ]);
  const hat = await json<ProductView>(catalog.call(`/api/admin/products/${hatId}`, { ctx: staff(t) }));
  expect(hat).toMatchObject({ title: 'Hat v2', version: 2, priceMin: 1200, priceMax: 1300 });
  expect(hat.variants.map((v) => v.sku)).toEqual(['HAT-S', 'HAT-L']);
  expect(hat.variants[0]?.id).toBe(hatBefore.variants[0]?.id);
  const scarf = await json<ProductView>(catalog.call(`/api/admin/products/${scarfId}`, { ctx: staff(t) }));
  expect(scarf).toMatchObject({ title: 'Scarf v2', slug: 'scarf', priceMin: 2100 });
});

test('the envelope is validated as a whole: no list, an empty one, or more than 500 items is a 400', async () => {
  const t = newTenant();
  for (const body of [{}, { products: [] }, { products: Array.from({ length: 501 }, () => ({})) }, []]) {
    const res = await catalog.call('/api/admin/products/bulk', { method: 'POST', ctx: staff(t), body });
    expect(res.status).toBe(400);
    expect((await json<Problem>(res)).errors?.[0]?.path).toMatch(/^products|\(root\)$/);
  }
});

test('500 products in one request, beyond the usual 1 MB body limit', async () => {
  const t = newTenant();
  const description = 'x'.repeat(3000);
  const products = Array.from({ length: 500 }, (_, i) =>
    productBody(`Bulk ${i}`, { description, variants: [variant(`BULK-${i}`)] }),
  );
  const res = await bulk(t, products);
  expect(res.status).toBe(200);
  const { results } = await json<{ results: Result[] }>(res);
  expect(results.filter((r) => r.status === 'created')).toHaveLength(500);
}, 60_000);
