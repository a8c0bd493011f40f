import type { ProductView } from '../src/domain/products/product-view';
import { seedProducts } from '../testing';
import {
  json,
  newTenant,
  productBody,
  shopper,
  staff,
  startCatalog,
  type CatalogFixture,
} from './catalog-fixture';

let catalog: CatalogFixture;
beforeAll(async () => {
  catalog = await startCatalog('cat_seed');
});
afterAll(() => catalog.close());

type Page<T> = { items: T[]; nextCursor: string | null };

test('seedProducts fills a store in one go; the storefront lists it in every sort', async () => {
  const tenant = newTenant();
  const seeded = await seedProducts(catalog.db, tenant, { count: 250, variantsPerProduct: 3, categories: 4 });
  expect(seeded.productIds).toHaveLength(250);
  const newest = await json<Page<{ slug: string; variants: unknown[]; available: boolean }>>(
    catalog.call('/api/store/products?limit=100', { ctx: shopper(tenant) }),
  );
  expect(newest.items[0]).toMatchObject({ slug: 'seed-product-1', available: true });
  expect(newest.items[0]?.variants).toHaveLength(3);
  expect(newest.items[9]).toMatchObject({ slug: 'seed-product-10', available: false });
  const cheap = await json<Page<{ priceMin: number }>>(
    catalog.call('/api/store/products?sort=price_asc&limit=100', { ctx: shopper(tenant) }),
  );
  const prices = cheap.items.map((i) => i.priceMin);
  expect(prices).toEqual([...prices].sort((a, b) => a - b));
  const category = await json<Page<unknown>>(
    catalog.call(`/api/store/products?category=${seeded.categoryIds[0]}&limit=100`, { ctx: shopper(tenant) }),
  );
  expect(category.items.length).toBeGreaterThan(50);
  await seedProducts(catalog.db, tenant, { count: 5, prefix: 'more' });
  expect(
    await catalog.owner('products').where({ tenant_id: tenant }).count<{ count: string }[]>('* as count'),
  ).toEqual([{ count: '255' }]);
});

test('GET /internal/products pages every product document of the tenant, drafts included', async () => {
  const tenant = newTenant();
  await seedProducts(catalog.db, tenant, { count: 7 });
  const draft = await json<ProductView>(
    catalog.call('/api/admin/products', {
      method: 'POST',
      ctx: staff(tenant),
      body: productBody('Draft One', { status: 'draft' }),
    }),
  );
  const ctx = { tenantId: tenant, actor: { kind: 'service' as const, id: 'search' } };
  const seen: ProductView[] = [];
  let cursor: string | null = null;
  do {
    const page: Page<ProductView> = await json(
      catalog.call(`/internal/products?limit=3${cursor ? `&cursor=${cursor}` : ''}`, { ctx }),
    );
    seen.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  expect(seen).toHaveLength(8);
  expect(new Set(seen.map((p) => p.id)).size).toBe(8);
  expect(seen.find((p) => p.id === draft.id)).toEqual(draft);
  expect(seen.every((p) => typeof p.version === 'number' && Array.isArray(p.variants))).toBe(true);
  expect((await catalog.call('/internal/products?limit=501', { ctx })).status).toBe(400);
});
