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
} from './catalog-fixture';

let catalog: CatalogFixture;
const tenant = newTenant();
const as = staff(tenant);

beforeAll(async () => {
  catalog = await startCatalog('cat_admin');
});
afterAll(() => catalog.close());

const create = (body: unknown) => catalog.call('/api/admin/products', { method: 'POST', ctx: as, body });

test('create answers 201 with the whole product: id, generated slug, active status, variant ids', async () => {
  const res = await create({
    title: 'Linen Shirt',
    description: 'Breezy.',
    categoryIds: [],
    images: ['https://cdn.example.com/shirt.jpg'],
    seo: { title: 'Linen shirt | Acme' },
    options: ['Size'],
    variants: [
      variant('SHIRT-S', 2500, 3, { options: { Size: 'S' }, compareAtPrice: 3000, weightGrams: 200 }),
      variant('SHIRT-M', 2700, 0, { options: { Size: 'M' }, prices: [{ currency: 'EUR', amount: 2400 }] }),
    ],
  });
  expect(res.status).toBe(201);
  const product = (await res.json()) as ProductView;
  expect(product).toMatchObject({
    slug: 'linen-shirt',
    status: 'active',
    title: 'Linen Shirt',
    priceMin: 2500,
    priceMax: 2700,
    currency: 'USD',
    available: true,
    version: 1,
    seo: { title: 'Linen shirt | Acme', description: null },
    options: ['Size'],
    images: ['https://cdn.example.com/shirt.jpg'],
  });
  expect(product.id).toMatch(/^prod_[0-9a-z]{26}$/);
  expect(product.variants.map((v) => [v.sku, v.available, v.compareAtPrice, v.options])).toEqual([
    ['SHIRT-S', 3, 3000, { Size: 'S' }],
    ['SHIRT-M', 0, null, { Size: 'M' }],
  ]);
  expect(product.variants[1]?.prices).toEqual([{ currency: 'EUR', amount: 2400 }]);
  for (const v of product.variants) expect(v.id).toMatch(/^var_/);
  expect(await json(catalog.call(`/api/admin/products/${product.id}`, { ctx: as }))).toEqual(product);
});

test('draft on request; a product is active unless status "draft" is given', async () => {
  const draft = await json<ProductView>(create(productBody('Secret Thing', { status: 'draft' })));
  expect(draft.status).toBe('draft');
  const plain = await json<ProductView>(create(productBody('Plain Thing')));
  expect(plain.status).toBe('active');
});

test('PATCH keeps variant ids for matching SKUs, adds and removes the others, bumps the version', async () => {
  const created = await json<ProductView>(
    create(productBody('Mug', { variants: [variant('MUG-RED', 900, 1), variant('MUG-BLUE', 900, 1)] })),
  );
  const red = created.variants.find((v) => v.sku === 'MUG-RED');
  const res = await catalog.call(`/api/admin/products/${created.id}`, {
    method: 'PATCH',
    ctx: as,
    body: {
      title: 'Big Mug',
      variants: [{ ...variant('MUG-RED', 1100), stock: undefined }, variant('MUG-GREEN', 800, 0)],
    },
  });
  expect(res.status).toBe(200);
  const updated = (await res.json()) as ProductView;
  expect(updated).toMatchObject({ title: 'Big Mug', slug: 'mug', version: 2, priceMin: 800, priceMax: 1100 });
  expect(updated.variants.map((v) => v.sku)).toEqual(['MUG-RED', 'MUG-GREEN']);
  expect(updated.variants[0]).toMatchObject({ id: red?.id, price: 1100, available: 1 });
  expect(updated.variants[1]?.id).not.toBe(created.variants[1]?.id);
  expect(updated.available).toBe(true);
  // `stock` only starts a NEW variant: existing units belong to inventory (and arrive by event).
  const out = await json<ProductView>(
    catalog.call(`/api/admin/products/${created.id}`, {
      method: 'PATCH',
      ctx: as,
      body: { variants: [variant('MUG-RED', 1100, 0), variant('MUG-PINK', 1100, 4)] },
    }),
  );
  expect(out).toMatchObject({ available: true, version: 3 });
  expect(out.variants.map((v) => [v.sku, v.available])).toEqual([
    ['MUG-RED', 1],
    ['MUG-PINK', 4],
  ]);
});

test('every change writes product.* to the outbox with the product id and increasing versions', async () => {
  const product = await json<ProductView>(create(productBody('Lamp')));
  const path = `/api/admin/products/${product.id}`;
  await catalog.call(path, { method: 'PATCH', ctx: as, body: { description: 'Bright.' } });
  await catalog.call(path, { method: 'PATCH', ctx: as, body: { status: 'archived' } });
  expect((await catalog.call(path, { method: 'DELETE', ctx: as })).status).toBe(204);
  const events = await outbox(catalog, { aggregate_id: product.id });
  expect(events.map((e) => [e.type, e.version])).toEqual([
    ['product.created', 1],
    ['product.updated', 2],
    ['product.updated', 3],
    ['product.deleted', 4],
  ]);
  expect(events[0]?.envelope).toMatchObject({
    tenantId: tenant,
    aggregateId: product.id,
    data: { product: { id: product.id, version: 1 } },
  });
  expect(events[2]?.envelope.data).toMatchObject({
    product: { status: 'archived', description: 'Bright.', version: 3 },
  });
  expect(events[3]?.envelope.data).toEqual({ id: product.id, version: 4 });
  expect((await catalog.call(path, { ctx: as })).status).toBe(404);
  expect((await catalog.call(path, { method: 'DELETE', ctx: as })).status).toBe(404);
  expect(await catalog.owner('variants').where({ product_id: product.id })).toEqual([]);
});

test('admin list: newest first, any status, filtered by status and q, paged by cursor', async () => {
  const t = newTenant();
  const mk = (title: string, status = 'active') =>
    catalog.call('/api/admin/products', {
      method: 'POST',
      ctx: staff(t),
      body: productBody(title, { status }),
    });
  for (const title of ['Alpha Boot', 'Beta Boot', 'Gamma Hat']) await mk(title);
  await mk('Delta Boot', 'draft');
  type Page = { items: ProductView[]; nextCursor: string | null };
  const list = (query: string) => json<Page>(catalog.call(`/api/admin/products${query}`, { ctx: staff(t) }));
  expect((await list('')).items.map((p) => p.title)).toEqual([
    'Delta Boot',
    'Gamma Hat',
    'Beta Boot',
    'Alpha Boot',
  ]);
  expect((await list('?status=draft')).items.map((p) => p.title)).toEqual(['Delta Boot']);
  expect((await list('?q=boot&status=active')).items.map((p) => p.title)).toEqual([
    'Beta Boot',
    'Alpha Boot',
  ]);
  expect((await list('?q=GAMMA-HAT-1')).items.map((p) => p.title)).toEqual(['Gamma Hat']);
  const first = await list('?limit=3');
  const second = await list(`?limit=3&cursor=${first.nextCursor}`);
  expect([...first.items, ...second.items].map((p) => p.title)).toEqual([
    'Delta Boot',
    'Gamma Hat',
    'Beta Boot',
    'Alpha Boot',
  ]);
  expect(second.nextCursor).toBeNull();
  expect((await catalog.call('/api/admin/products?cursor=bogus', { ctx: staff(t) })).status).toBe(400);
});
