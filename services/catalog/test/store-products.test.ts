import {
  json,
  newTenant,
  shopper,
  staff,
  startCatalog,
  variant,
  type CatalogFixture,
  type Problem,
} from './catalog-fixture';

let catalog: CatalogFixture;
const tenant = newTenant();
const ids: Record<string, string> = {};
let shirts: string;
let clothing: string;
let summer: string;

type Item = {
  id: string;
  slug: string;
  title: string;
  priceMin: number;
  available: boolean;
  variants: Array<{ available: boolean; availableQuantity: number }>;
};
type Page = { items: Item[]; nextCursor: string | null };

// title, price, stock, status, category, in the summer collection
const PRODUCTS: Array<[string, number, number, string, 'shirts' | 'clothing' | 'kitchen', boolean]> = [
  ['Red Shirt', 1500, 5, 'active', 'shirts', true],
  ['Blue Shirt', 1500, 0, 'active', 'shirts', false],
  ['Green Shirt', 2500, 2, 'active', 'shirts', true],
  ['Wool Coat', 9900, 1, 'active', 'clothing', false],
  ['Tea Cup', 500, 10, 'active', 'kitchen', false],
  ['Tea Pot', 3500, 0, 'active', 'kitchen', true],
  ['Hidden Draft Shirt', 100, 9, 'draft', 'shirts', true],
  ['Archived Mug', 700, 9, 'archived', 'kitchen', false],
  ['Silk Scarf', 1500, 3, 'active', 'clothing', false],
  ['Spoon', 300, 50, 'active', 'kitchen', false],
  ['Fork', 300, 50, 'active', 'kitchen', false],
  ['Knife', 300, 0, 'active', 'kitchen', false],
];
const ACTIVE = PRODUCTS.filter((p) => p[3] === 'active');

beforeAll(async () => {
  catalog = await startCatalog('cat_store');
  const post = async (path: string, body: unknown) =>
    json<{ id: string }>(catalog.call(path, { method: 'POST', ctx: staff(tenant), body }));
  clothing = (await post('/api/admin/categories', { name: 'Clothing' })).id;
  shirts = (await post('/api/admin/categories', { name: 'Shirts', parentId: clothing })).id;
  const kitchen = (await post('/api/admin/categories', { name: 'Kitchen' })).id;
  summer = (await post('/api/admin/collections', { title: 'Summer' })).id;
  const categoryOf = { shirts, clothing, kitchen };
  for (const [title, price, stock, status, category, inSummer] of PRODUCTS) {
    const sku = title.toUpperCase().replace(/ /g, '-');
    ids[title] = (
      await post('/api/admin/products', {
        title,
        status,
        categoryIds: [categoryOf[category]],
        collectionIds: inSummer ? [summer] : [],
        variants: [variant(`${sku}-A`, price, stock), variant(`${sku}-B`, price + 1000, 0)],
      })
    ).id;
  }
});
afterAll(() => catalog.close());

const list = (query = '') =>
  json<Page>(catalog.call(`/api/store/products${query}`, { ctx: shopper(tenant) }));
const titles = (page: Page) => page.items.map((i) => i.title);

/** Every page of a listing, following nextCursor. */
async function all(query: string, limit: number): Promise<string[]> {
  const seen: string[] = [];
  let cursor: string | null = null;
  do {
    const page: Page = await list(`?${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(page.items.length).toBeLessThanOrEqual(limit);
    seen.push(...titles(page));
    cursor = page.nextCursor;
  } while (cursor);
  return seen;
}

test('only active products are listed, newest first, with their variants', async () => {
  const page = await list();
  expect(titles(page)).toEqual(ACTIVE.map((p) => p[0]).reverse());
  expect(page.nextCursor).toBeNull();
  expect(page.items.find((i) => i.title === 'Red Shirt')).toMatchObject({
    slug: 'red-shirt',
    priceMin: 1500,
    available: true,
    variants: [
      { available: true, availableQuantity: 5 },
      { available: false, availableQuantity: 0 },
    ],
  });
});

test('sorts by price both ways, ties broken by id', async () => {
  const asc = titles(await list('?sort=price_asc'));
  expect(asc.slice(0, 3).sort()).toEqual(['Fork', 'Knife', 'Spoon']);
  expect(asc.slice(3)).toEqual(['Tea Cup', ...asc.slice(4, 7), 'Green Shirt', 'Tea Pot', 'Wool Coat']);
  expect(titles(await list('?sort=price_desc'))).toEqual([...asc].reverse());
});

test.each([
  ['sort=newest', 3],
  ['sort=price_asc', 2],
  ['sort=price_desc', 4],
  ['sort=price_asc&available=true', 2],
  ['category=kitchen&sort=price_desc', 1],
])('paging %s by %i visits every product once', async (query, limit) => {
  const whole = titles(await list(`?${query}`));
  const paged = await all(query, limit);
  expect(paged).toEqual(whole);
  expect(new Set(paged).size).toBe(paged.length);
});

test('filters: text, category with its subcategories (by id or slug), collection, price range, availability', async () => {
  expect(titles(await list('?q=tea')).sort()).toEqual(['Tea Cup', 'Tea Pot']);
  expect(titles(await list('?q=%25')).length).toBe(0);
  expect(titles(await list('?q=&category=&collection=')).length).toBe(ACTIVE.length);
  expect(titles(await list(`?category=${shirts}`)).sort()).toEqual([
    'Blue Shirt',
    'Green Shirt',
    'Red Shirt',
  ]);
  expect(titles(await list('?category=clothing')).sort()).toEqual([
    'Blue Shirt',
    'Green Shirt',
    'Red Shirt',
    'Silk Scarf',
    'Wool Coat',
  ]);
  expect(titles(await list('?category=no-such-category'))).toEqual([]);
  expect(titles(await list(`?collection=${summer}`)).sort()).toEqual(['Green Shirt', 'Red Shirt', 'Tea Pot']);
  expect(titles(await list('?collection=summer&available=true')).sort()).toEqual([
    'Green Shirt',
    'Red Shirt',
  ]);
  expect(titles(await list('?minPrice=1500&maxPrice=2500')).sort()).toEqual([
    'Blue Shirt',
    'Green Shirt',
    'Red Shirt',
    'Silk Scarf',
  ]);
  expect(titles(await list('?available=true&maxPrice=500')).sort()).toEqual(['Fork', 'Spoon', 'Tea Cup']);
  expect(titles(await list('?available=false')).length).toBe(ACTIVE.length);
  expect(titles(await list('?q=shirt&category=clothing&minPrice=2000&sort=price_asc'))).toEqual([
    'Green Shirt',
  ]);
});

test('a product by id or by slug; drafts, archived and unknown ones are 404', async () => {
  const byId = await catalog.call(`/api/store/products/${ids['Green Shirt']}`, { ctx: shopper(tenant) });
  expect(byId.status).toBe(200);
  const product = await json(byId);
  expect(product).toMatchObject({
    id: ids['Green Shirt'],
    slug: 'green-shirt',
    categoryIds: [shirts],
    collectionIds: [summer],
  });
  expect(await json(catalog.call('/api/store/products/green-shirt', { ctx: shopper(tenant) }))).toEqual(
    product,
  );
  for (const key of [ids['Hidden Draft Shirt'], 'hidden-draft-shirt', ids['Archived Mug'], 'no-such-thing']) {
    const res = await catalog.call(`/api/store/products/${key}`, { ctx: shopper(tenant) });
    expect(res.status).toBe(404);
    expect((await json<Problem>(res)).code).toBe('product_not_found');
  }
});

test('bad queries are 400s naming the parameter; a cursor only works with the sort that issued it', async () => {
  const bad = await catalog.call('/api/store/products?limit=500&sort=cheapest&minPrice=1.5&colour=red', {
    ctx: shopper(tenant),
  });
  expect(bad.status).toBe(400);
  expect((await json<Problem>(bad)).errors?.map((e) => e.path).sort()).toEqual([
    'colour',
    'limit',
    'minPrice',
    'sort',
  ]);
  const page = await list('?limit=2');
  const cross = await catalog.call(`/api/store/products?sort=price_asc&cursor=${page.nextCursor}`, {
    ctx: shopper(tenant),
  });
  expect(cross.status).toBe(400);
  expect((await json<Problem>(cross)).code).toBe('invalid_cursor');
});

test('forged cursors are 400 invalid_cursor naming the cursor, never a Postgres error', async () => {
  const forge = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const cases: Array<[string, string]> = [
    ['newest', forge(['newest', '2020-02-30', 'x'])], // the reported one: a date Postgres refuses
    ['newest', forge(['newest', '2020-02-30T00:00:00.000Z', 'prod_x'])],
    ['newest', forge(['newest', '0000-01-01T00:00:00.000Z', 'prod_x'])],
    ['newest', forge(['newest', 'Tue, 01 Jan 2019 00:00:00 GMT', 'prod_x'])],
    ['newest', forge(['newest', '2020-01-01T00:00:00.000Z', 'prod\u0000x'])],
    ['price_asc', forge(['price_asc', 2 ** 31, 'prod_x'])], // beyond int4
    ['price_desc', forge(['price_desc', -(2 ** 31) - 1, 'prod_x'])],
    ['price_asc', forge(['price_asc', 1.5, 'prod_x'])],
    ['price_asc', forge(['price_asc', 10, 'x'.repeat(65)])],
    ['newest', Buffer.from('["newest",').toString('base64url')],
    ['newest', '%%%'],
  ];
  for (const [sort, cursor] of cases) {
    const res = await catalog.call(`/api/store/products?sort=${sort}&cursor=${encodeURIComponent(cursor)}`, {
      ctx: shopper(tenant),
    });
    expect([cursor, res.status]).toEqual([cursor, 400]);
    const problem = await json<Problem>(res);
    expect(problem.code).toBe('invalid_cursor');
    expect(problem.errors?.map((e) => e.path)).toEqual(['cursor']);
  }
  // A NUL byte in a path parameter or a filter never reaches Postgres (which refuses it in text).
  for (const path of ['/api/store/products/%00', '/api/store/products/a%00b', '/api/store/products?q=%00']) {
    const res = await catalog.call(path, { ctx: shopper(tenant) });
    expect([path, res.status]).toEqual([path, 400]);
  }
  const admin = await catalog.call(
    `/api/admin/products?cursor=${forge(['admin', '2020-02-30T00:00:00.000Z', 'prod_x'])}`,
    { ctx: staff(tenant) },
  );
  expect(admin.status).toBe(400);
  const legit = await list('?limit=2');
  expect((await list(`?limit=2&cursor=${legit.nextCursor}`)).items).toHaveLength(2);
});

test('a change is visible on the next request (no stale cache)', async () => {
  const id = ids['Tea Cup'] as string;
  const patch = (body: unknown) =>
    catalog.call(`/api/admin/products/${id}`, { method: 'PATCH', ctx: staff(tenant), body });
  await patch({ variants: [variant('TEA-CUP-A', 450, 0), variant('TEA-CUP-B', 1500, 0)] });
  expect((await list('?sort=price_asc')).items.find((i) => i.id === id)?.priceMin).toBe(450);
  await patch({ status: 'draft' });
  expect((await list()).items.map((i) => i.title)).not.toContain('Tea Cup');
  expect((await catalog.call(`/api/store/products/${id}`, { ctx: shopper(tenant) })).status).toBe(404);
  await patch({ status: 'active' });
  expect((await list()).items.map((i) => i.title)).toContain('Tea Cup');
});
