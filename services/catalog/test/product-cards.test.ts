import { newTenant, productBody, shopper, staff, startCatalog, type CatalogFixture } from './catalog-fixture';

let fx: CatalogFixture;
const a = newTenant();
const b = newTenant();
const ids: Record<'mug' | 'cup' | 'plate' | 'draft', string> = {} as never;

const service = (tenantId: string) => ({ tenantId, actor: { kind: 'service' as const, id: 'engagement' } });
const created = async (tenantId: string, title: string, extra: Record<string, unknown>) => {
  const res = await fx.call('/api/admin/products', {
    method: 'POST',
    body: productBody(title, extra),
    ctx: staff(tenantId),
  });
  return ((await res.json()) as { id: string }).id;
};
const items = async (res: Response) =>
  ((await res.json()) as { items: Array<{ id: string }> }).items.map((i) => i.id);

beforeAll(async () => {
  fx = await startCatalog('cat_product_cards');
  const category = async (name: string) => {
    const res = await fx.call('/api/admin/categories', { method: 'POST', body: { name }, ctx: staff(a) });
    return ((await res.json()) as { id: string }).id;
  };
  const kitchen = await category('Kitchen');
  const tea = await category('Tea');
  ids.mug = await created(a, 'Mug', { categoryIds: [kitchen, tea] });
  ids.cup = await created(a, 'Cup', { categoryIds: [kitchen, tea] });
  ids.plate = await created(a, 'Plate', { categoryIds: [kitchen] });
  ids.draft = await created(a, 'Draft Bowl', { categoryIds: [kitchen], status: 'draft' });
});
afterAll(() => fx.close());

test('cards: the active products among the ids, for services of the same store only', async () => {
  const cards = (tenantId: string, productIds: string[]) =>
    fx.call('/internal/products/cards', { method: 'POST', body: { productIds }, ctx: service(tenantId) });
  expect((await items(await cards(a, [ids.mug, ids.draft, 'prod_nope']))).sort()).toEqual([ids.mug]);
  expect(await items(await cards(b, [ids.mug, ids.cup]))).toEqual([]);
  const asShopper = await fx.call('/internal/products/cards', {
    method: 'POST',
    body: { productIds: [ids.mug] },
    ctx: shopper(a),
  });
  expect(asShopper.status).toBe(403);
  expect((await cards(a, [])).status).toBe(400);
});

test('similar: active products sharing a category, most shared first; none across stores', async () => {
  const similar = (tenantId: string, id: string, limit = 8) =>
    fx.call(`/internal/products/${id}/similar?limit=${limit}`, { ctx: service(tenantId) });
  expect(await items(await similar(a, ids.mug))).toEqual([ids.cup, ids.plate]);
  expect(await items(await similar(a, ids.mug, 1))).toEqual([ids.cup]);
  expect(await items(await similar(b, ids.mug))).toEqual([]);
  expect((await similar(a, ids.mug, 0)).status).toBe(400);
});
