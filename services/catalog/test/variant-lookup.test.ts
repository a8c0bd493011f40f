import type { VariantLookupResponse } from '@fleet/contracts';
import type { ProductView } from '../src/domain/products/product-view';
import {
  json,
  newTenant,
  productBody,
  staff,
  startCatalog,
  variant,
  type CatalogFixture,
} from './catalog-fixture';

let catalog: CatalogFixture;
beforeAll(async () => {
  catalog = await startCatalog('cat_lookup');
});
afterAll(() => catalog.close());

const lookup = (tenantId: string, variantIds: unknown, actor: 'service' | 'staff' = 'service') =>
  catalog.call('/internal/variants/lookup', {
    method: 'POST',
    ctx: actor === 'service' ? { tenantId, actor: { kind: 'service', id: 'cart' } } : staff(tenantId),
    body: { variantIds },
  });

test("carts and checkout look variants up by id: prices from catalog, another store's ids absent", async () => {
  const [a, b] = [newTenant(), newTenant()];
  const create = (tenantId: string, body: unknown) =>
    json<ProductView>(catalog.call('/api/admin/products', { method: 'POST', ctx: staff(tenantId), body }));
  const lamp = await create(
    a,
    productBody('Desk Lamp', {
      images: ['https://cdn.example.com/lamp.png'],
      variants: [variant('LAMP-1', 4200, 3)],
    }),
  );
  const draft = await create(
    a,
    productBody('Prototype', { status: 'draft', variants: [variant('PROTO-1', 100, 0)] }),
  );
  const foreign = await create(b, productBody('Foreign', { variants: [variant('FOREIGN-1')] }));
  const ids = [
    lamp.variants[0]?.id,
    draft.variants[0]?.id,
    foreign.variants[0]?.id,
    'var_00000000000000000000000000',
  ];
  const res = await json<VariantLookupResponse>(lookup(a, [...ids, ids[0]]));
  expect(res.items).toHaveLength(2);
  expect(res.items.find((i) => i.sku === 'LAMP-1')).toEqual({
    variantId: lamp.variants[0]?.id,
    productId: lamp.id,
    productTitle: 'Desk Lamp',
    productSlug: 'desk-lamp',
    title: 'Variant LAMP-1',
    sku: 'LAMP-1',
    price: 4200,
    currency: 'USD',
    available: 3,
    purchasable: true,
    image: 'https://cdn.example.com/lamp.png',
  });
  expect(res.items.find((i) => i.sku === 'PROTO-1')).toMatchObject({
    purchasable: false,
    available: 0,
    image: null,
  });
  expect((await lookup(a, ids, 'staff')).status).toBe(403);
  expect((await lookup(a, [])).status).toBe(400);
});
