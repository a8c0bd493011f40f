import type { ProductView } from '../src/domain/products/product-view';
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
beforeAll(async () => {
  catalog = await startCatalog('cat_slugs');
});
afterAll(() => catalog.close());

const create = (tenantId: string, body: unknown) =>
  catalog.call('/api/admin/products', { method: 'POST', ctx: staff(tenantId), body });

test('slugs come from the title and are deduplicated with -2, -3 within a store', async () => {
  const t = newTenant();
  const slugs: string[] = [];
  for (let i = 1; i <= 3; i++) {
    slugs.push(
      (
        await json<ProductView>(
          create(t, productBody('Crème Brûlée Pot!', { variants: [variant(`POT-${i}`)] })),
        )
      ).slug,
    );
  }
  expect(slugs).toEqual(['creme-brulee-pot', 'creme-brulee-pot-2', 'creme-brulee-pot-3']);
  const odd = await json<ProductView>(create(t, productBody('日本', { variants: [variant('JP-1')] })));
  expect(odd.slug).toBe('product');
});

test('concurrent creates of one title get distinct slugs', async () => {
  const t = newTenant();
  const answers = await Promise.all(
    Array.from({ length: 6 }, (_, i) =>
      json<ProductView>(create(t, productBody('Rush Item', { variants: [variant(`RUSH-${i}`)] }))),
    ),
  );
  expect(new Set(answers.map((p) => p.slug)).size).toBe(6);
});

test('an explicit slug that is taken is a 409; a free one is used as given', async () => {
  const t = newTenant();
  expect((await json<ProductView>(create(t, productBody('Anything', { slug: 'my-slug' })))).slug).toBe(
    'my-slug',
  );
  const res = await create(t, productBody('Other', { slug: 'my-slug', variants: [variant('OTHER-1')] }));
  expect(res.status).toBe(409);
  expect(await json<Problem>(res)).toMatchObject({ code: 'slug_taken', errors: [{ path: 'slug' }] });
});

test('a SKU of another product of the store is a 409 naming the variant; nothing is written', async () => {
  const t = newTenant();
  await create(t, productBody('First', { variants: [variant('DUP-1')] }));
  const res = await create(t, productBody('Second', { variants: [variant('FREE-1'), variant('DUP-1')] }));
  expect(res.status).toBe(409);
  expect(await json<Problem>(res)).toMatchObject({ code: 'sku_taken', errors: [{ path: 'variants.1.sku' }] });
  expect(await catalog.owner('products').where({ tenant_id: t })).toHaveLength(1);
});

test('another store may use the same slug and SKUs', async () => {
  const [a, b] = [newTenant(), newTenant()];
  const body = productBody('Shared Name', { slug: 'shared', variants: [variant('SHARED-SKU')] });
  expect((await create(a, body)).status).toBe(201);
  expect((await create(b, body)).status).toBe(201);
});

test('PATCH to a slug another product has is a 409', async () => {
  const t = newTenant();
  await create(t, productBody('One', { slug: 'one' }));
  const two = await json<ProductView>(create(t, productBody('Two', { slug: 'two' })));
  const res = await catalog.call(`/api/admin/products/${two.id}`, {
    method: 'PATCH',
    ctx: staff(t),
    body: { slug: 'one' },
  });
  expect(res.status).toBe(409);
  expect((await json<Problem>(res)).code).toBe('slug_taken');
});
