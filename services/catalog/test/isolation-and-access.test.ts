import type { Ctx } from '@fleet/context';
import type { ProductView } from '../src/domain/products/product-view';
import {
  json,
  newTenant,
  productBody,
  shopper,
  staff,
  startCatalog,
  variant,
  type CatalogFixture,
} from './catalog-fixture';

let catalog: CatalogFixture;
const [a, b] = [newTenant(), newTenant()];
let product: ProductView;
let category: { id: string };
let collection: { id: string };

beforeAll(async () => {
  catalog = await startCatalog('cat_isolation');
  const post = (path: string, body: unknown) =>
    json<{ id: string }>(catalog.call(path, { method: 'POST', ctx: staff(a), body }));
  category = await post('/api/admin/categories', { name: 'Alpha Category', slug: 'alpha-category' });
  collection = await post('/api/admin/collections', { title: 'Alpha Collection', slug: 'alpha-collection' });
  product = await json<ProductView>(
    catalog.call('/api/admin/products', {
      method: 'POST',
      ctx: staff(a),
      body: productBody('Alpha Product', {
        slug: 'alpha',
        categoryIds: [category.id],
        collectionIds: [collection.id],
        variants: [variant('ALPHA-1')],
      }),
    }),
  );
});
afterAll(() => catalog.close());

const csv = 'handle,title,variant_sku,price,currency,stock\nalpha,Beta Alpha,ALPHA-1,10.00,USD,1\n';

/** Every endpoint, called by store B (or its shopper) with store A's ids and slugs. */
const CROSS_TENANT: Array<[string, string, unknown, number]> = [
  ['GET', `/api/store/products/PRODUCT`, undefined, 404],
  ['GET', '/api/store/products/alpha', undefined, 404],
  ['GET', '/api/admin/products/PRODUCT', undefined, 404],
  ['PATCH', '/api/admin/products/PRODUCT', { title: 'Hijacked' }, 404],
  ['DELETE', '/api/admin/products/PRODUCT', undefined, 404],
  ['PATCH', '/api/admin/categories/CATEGORY', { name: 'Hijacked' }, 404],
  ['DELETE', '/api/admin/categories/CATEGORY', undefined, 404],
  ['PATCH', '/api/admin/collections/COLLECTION', { title: 'Hijacked' }, 404],
  ['DELETE', '/api/admin/collections/COLLECTION', undefined, 404],
  ['POST', '/api/admin/products', productBody('Beta', { categoryIds: ['CATEGORY'] }), 400],
  ['POST', '/api/admin/products', productBody('Beta', { collectionIds: ['COLLECTION'] }), 400],
  ['POST', '/api/admin/categories', { name: 'Beta child', parentId: 'CATEGORY' }, 400],
];

test.each(CROSS_TENANT)(
  "%s %s with another store's ids answers as if they did not exist",
  async (method, path, body, status) => {
    const fill = (text: string) =>
      text
        .replace('PRODUCT', product.id)
        .replace('CATEGORY', category.id)
        .replace('COLLECTION', collection.id);
    const res = await catalog.call(fill(path), {
      method,
      ctx: path.startsWith('/api/store') ? shopper(b) : staff(b),
      body: body === undefined ? undefined : JSON.parse(fill(JSON.stringify(body))),
    });
    expect(res.status).toBe(status);
    expect(await json(catalog.call(`/api/admin/products/${product.id}`, { ctx: staff(a) }))).toEqual(product);
  },
);

test("lists, bulk, import and the internal export of one store never show or touch another's", async () => {
  const bulk = await json<{ results: Array<{ status: string; id: string }> }>(
    catalog.call('/api/admin/products/bulk', {
      method: 'POST',
      ctx: staff(b),
      body: { products: [productBody('Beta', { slug: 'alpha', variants: [variant('ALPHA-1')] })] },
    }),
  );
  expect(bulk.results[0]?.status).toBe('created');
  const imported = await json(
    catalog.call('/api/admin/products/import', {
      method: 'POST',
      ctx: staff(b),
      raw: csv,
      contentType: 'text/csv',
    }),
  );
  expect(imported).toMatchObject({ imported: 1, failed: 0 });
  const reads: Array<[string, Partial<Ctx>]> = [
    ['/api/store/products', shopper(b)],
    ['/api/store/products?category=alpha-category', shopper(b)],
    ['/api/store/products?collection=alpha-collection', shopper(b)],
    ['/api/store/categories', shopper(b)],
    ['/api/store/collections', shopper(b)],
    ['/api/admin/products', staff(b)],
    ['/api/admin/categories', staff(b)],
    ['/api/admin/collections', staff(b)],
    ['/internal/products', { tenantId: b }],
  ];
  for (const [path, ctx] of reads) {
    const body = JSON.stringify(await json(catalog.call(path, { ctx })));
    expect([
      path,
      body.includes(product.id) || body.includes(category.id) || body.includes(collection.id),
    ]).toEqual([path, false]);
  }
  expect(await json(catalog.call(`/api/admin/products/${product.id}`, { ctx: staff(a) }))).toEqual(product);
  expect(await catalog.owner('products').where({ tenant_id: b })).toHaveLength(1);
});

test('composite foreign keys: no row can point at another tenant’s row, even written by the owner', async () => {
  const [beta] = await catalog.owner('products').where({ tenant_id: b }).select('id');
  await expect(
    catalog
      .owner('product_categories')
      .insert({ tenant_id: b, product_id: beta.id, category_id: category.id }),
  ).rejects.toThrow(/foreign key/);
});

test('admin endpoints are for staff only; store endpoints need a store; internal ones a service', async () => {
  const admin = [
    '/api/admin/products',
    `/api/admin/products/${product.id}`,
    '/api/admin/categories',
    '/api/admin/collections',
    '/api/admin/products/bulk',
    '/api/admin/products/import',
    '/api/admin/nothing-here',
  ];
  for (const actor of [
    { kind: 'customer', id: 'cus_1' },
    { kind: 'anonymous' },
    { kind: 'service' },
  ] as const) {
    for (const path of admin.slice(0, 4)) {
      const res = await catalog.call(path, { ctx: { tenantId: a, actor } });
      expect([path, actor.kind, res.status, (await json(res)).code]).toEqual([
        path,
        actor.kind,
        403,
        'wrong_role',
      ]);
    }
    for (const path of admin.slice(4, 6)) {
      expect(
        (await catalog.call(path, { method: 'POST', ctx: { tenantId: a, actor }, body: {} })).status,
      ).toBe(403);
    }
  }
  expect((await catalog.call('/api/admin/products', { ctx: { actor: { kind: 'staff' } } })).status).toBe(404);
  for (const path of [
    '/api/store/products',
    '/api/store/products/alpha',
    '/api/store/categories',
    '/api/store/collections',
  ]) {
    const res = await catalog.call(path, { ctx: { actor: { kind: 'anonymous' } } });
    expect([path, res.status, (await json(res)).code]).toEqual([path, 404, 'store_not_found']);
  }
  expect((await catalog.call('/internal/products', { ctx: staff(a) })).status).toBe(403);
  expect((await catalog.call('/internal/products', { ctx: { actor: { kind: 'service' } } })).status).toBe(
    404,
  );
  expect((await fetch(`${catalog.url}/api/store/products`)).status).toBe(401);
});
