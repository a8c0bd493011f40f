import {
  json,
  newTenant,
  productBody,
  staff,
  startCatalog,
  variant,
  type CatalogFixture,
  type Problem,
} from './catalog-fixture';

let catalog: CatalogFixture;
const tenant = newTenant();
beforeAll(async () => {
  catalog = await startCatalog('cat_validation');
});
afterAll(() => catalog.close());

const counts = async () => ({
  products: (await catalog.owner('products').count<{ count: string }[]>('* as count'))[0]?.count,
  outbox: (await catalog.owner('outbox').count<{ count: string }[]>('* as count'))[0]?.count,
});
const post = (body: unknown) =>
  catalog.call('/api/admin/products', { method: 'POST', ctx: staff(tenant), body });

test.each([
  [
    'a price that is not an integer',
    productBody('P', { variants: [variant('A', 19.99)] }),
    ['variants.0.price'],
  ],
  ['a negative price', productBody('P', { variants: [variant('A', -1)] }), ['variants.0.price']],
  [
    'an unknown currency',
    productBody('P', { variants: [{ ...variant('A'), currency: 'XXX' }] }),
    ['variants.0.currency'],
  ],
  [
    'a lower-case currency',
    productBody('P', { variants: [{ ...variant('A'), currency: 'usd' }] }),
    ['variants.0.currency'],
  ],
  [
    'two currencies in one product',
    productBody('P', { variants: [variant('A'), { ...variant('B'), currency: 'EUR' }] }),
    ['variants.1.currency'],
  ],
  ['a missing title', { ...productBody('P'), title: undefined }, ['title']],
  ['no variants', productBody('P', { variants: [] }), ['variants']],
  ['a repeated SKU', productBody('P', { variants: [variant('A'), variant('A')] }), ['variants.1.sku']],
  [
    'a missing stock',
    productBody('P', { variants: [{ ...variant('A'), stock: undefined }] }),
    ['variants.0.stock'],
  ],
  ['an unknown field', productBody('P', { colour: 'red' }), ['colour']],
  ['a bad slug and status', productBody('P', { slug: 'Not A Slug', status: 'live' }), ['slug', 'status']],
  ['a non-http image', productBody('P', { images: ['javascript:alert(1)'] }), ['images.0']],
  [
    'an option that is not the product’s',
    productBody('P', { options: ['Size'], variants: [variant('A', 100, 1, { options: { Colour: 'red' } })] }),
    ['variants.0.options.Colour'],
  ],
  ['a malformed category id', productBody('P', { categoryIds: ['shoes'] }), ['categoryIds.0']],
])('%s is a 400 naming the field, and nothing is written', async (_name, body, paths) => {
  const before = await counts();
  const res = await post(body);
  expect(res.status).toBe(400);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  const problem = await json<Problem>(res);
  expect(problem.code).toBe('validation_failed');
  expect(problem.errors?.map((e) => e.path).sort()).toEqual(paths.sort());
  expect(await counts()).toEqual(before);
});

test('an unknown category of the right shape is a 400 naming it', async () => {
  const res = await post(productBody('P', { categoryIds: ['cat_00000000000000000000000000'] }));
  expect(res.status).toBe(400);
  expect((await json<Problem>(res)).errors).toEqual([
    { path: 'categoryIds.0', message: "is not one of this store's categories" },
  ]);
});

test('malformed JSON is a 400 malformed_json and writes nothing', async () => {
  const before = await counts();
  const res = await catalog.call('/api/admin/products', {
    method: 'POST',
    ctx: staff(tenant),
    raw: '{"title": "x",',
  });
  expect(res.status).toBe(400);
  expect((await json<Problem>(res)).code).toBe('malformed_json');
  expect(await counts()).toEqual(before);
});

test('JPY and KWD prices are integers in their own minor units', async () => {
  const res = await post(
    productBody('Yen', {
      variants: [{ ...variant('YEN-1', 1500), currency: 'JPY', prices: [{ currency: 'KWD', amount: 3125 }] }],
    }),
  );
  expect(res.status).toBe(201);
  expect(await json(res)).toMatchObject({
    currency: 'JPY',
    priceMin: 1500,
    variants: [{ prices: [{ currency: 'KWD', amount: 3125 }] }],
  });
});

test('PATCH validates too: an empty body, an unknown key and a bad id', async () => {
  const created = await json<{ id: string }>(post(productBody('Patchable')));
  const patch = (id: string, body: unknown) =>
    catalog.call(`/api/admin/products/${id}`, { method: 'PATCH', ctx: staff(tenant), body });
  expect((await patch(created.id, {})).status).toBe(400);
  expect(
    (await json<Problem>(patch(created.id, { title: 'x', price: 5 }))).errors?.map((e) => e.path),
  ).toEqual(['price']);
  expect((await patch('nope', { title: 'x' })).status).toBe(400);
  expect((await patch('prod_00000000000000000000000000', { title: 'x' })).status).toBe(404);
});
