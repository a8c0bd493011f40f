import type { ProductView } from '../src/domain/products/product-view';
import {
  json,
  newTenant,
  outbox,
  productBody,
  shopper,
  staff,
  startCatalog,
  type CatalogFixture,
  type Problem,
} from './catalog-fixture';

let catalog: CatalogFixture;
const tenant = newTenant();
const as = staff(tenant);
beforeAll(async () => {
  catalog = await startCatalog('cat_taxonomy');
});
afterAll(() => catalog.close());

type Category = { id: string; slug: string; name: string; parentId: string | null; position: number };
type Node = Category & { children: Node[] };
const post = <T>(path: string, body: unknown) =>
  json<T>(catalog.call(path, { method: 'POST', ctx: as, body }));
const patch = (path: string, body: unknown) => catalog.call(path, { method: 'PATCH', ctx: as, body });

test('categories form a tree that the storefront reads in one piece, siblings by position', async () => {
  const home = await post<Category>('/api/admin/categories', { name: 'Home & Garden', position: 2 });
  expect(home).toMatchObject({ slug: 'home-garden', parentId: null, position: 2 });
  const kitchen = await post<Category>('/api/admin/categories', {
    name: 'Kitchen',
    parentId: home.id,
    position: 1,
  });
  const garden = await post<Category>('/api/admin/categories', {
    name: 'Garden',
    parentId: home.id,
    position: 0,
  });
  const books = await post<Category>('/api/admin/categories', { name: 'Books', slug: 'books', position: 1 });
  const tree = await json<{ items: Node[]; nextCursor: null }>(
    catalog.call('/api/store/categories', { ctx: shopper(tenant) }),
  );
  expect(tree.items.map((n) => [n.name, n.children.map((c) => c.name)])).toEqual([
    ['Books', []],
    ['Home & Garden', ['Garden', 'Kitchen']],
  ]);
  const page = await json<{ items: Category[]; nextCursor: string }>(
    catalog.call('/api/admin/categories?limit=3', { ctx: as }),
  );
  const rest = await json<{ items: Category[]; nextCursor: null }>(
    catalog.call(`/api/admin/categories?limit=3&cursor=${page.nextCursor}`, { ctx: as }),
  );
  expect([...page.items, ...rest.items].map((c) => c.id)).toEqual([home.id, kitchen.id, garden.id, books.id]);
  expect(rest.nextCursor).toBeNull();
});

test('moving a category under itself or its subtree is refused; elsewhere it is fine', async () => {
  const a = await post<Category>('/api/admin/categories', { name: 'A' });
  const b = await post<Category>('/api/admin/categories', { name: 'B', parentId: a.id });
  const c = await post<Category>('/api/admin/categories', { name: 'C', parentId: b.id });
  for (const parentId of [a.id, c.id]) {
    const res = await patch(`/api/admin/categories/${a.id}`, { parentId });
    expect(res.status).toBe(422);
    expect(await json<Problem>(res)).toMatchObject({
      code: 'category_cycle',
      errors: [{ path: 'parentId' }],
    });
  }
  expect(await json(patch(`/api/admin/categories/${c.id}`, { parentId: null, name: 'C top' }))).toMatchObject(
    { parentId: null, name: 'C top' },
  );
  expect(await json(patch(`/api/admin/categories/${a.id}`, { parentId: c.id }))).toMatchObject({
    parentId: c.id,
  });
  const unknown = await patch(`/api/admin/categories/${b.id}`, {
    parentId: 'cat_00000000000000000000000000',
  });
  expect([unknown.status, (await json<Problem>(unknown)).errors?.[0]?.path]).toEqual([400, 'parentId']);
});

test('a category with subcategories cannot be deleted; deleting a leaf republishes its products', async () => {
  const parent = await post<Category>('/api/admin/categories', { name: 'Parent' });
  const leaf = await post<Category>('/api/admin/categories', { name: 'Leaf', parentId: parent.id });
  const product = await post<ProductView>(
    '/api/admin/products',
    productBody('Linked', { categoryIds: [leaf.id, parent.id] }),
  );
  const blocked = await catalog.call(`/api/admin/categories/${parent.id}`, { method: 'DELETE', ctx: as });
  expect([blocked.status, (await json<Problem>(blocked)).code]).toEqual([409, 'category_has_children']);
  expect((await catalog.call(`/api/admin/categories/${leaf.id}`, { method: 'DELETE', ctx: as })).status).toBe(
    204,
  );
  const after = await json<ProductView>(catalog.call(`/api/admin/products/${product.id}`, { ctx: as }));
  expect(after).toMatchObject({ categoryIds: [parent.id], version: 2 });
  const events = await outbox(catalog, { aggregate_id: product.id });
  expect(events.map((e) => [e.type, e.version])).toEqual([
    ['product.created', 1],
    ['product.updated', 2],
  ]);
  expect(events[1]?.envelope.data).toMatchObject({ product: { categoryIds: [parent.id] } });
  expect((await catalog.call(`/api/admin/categories/${leaf.id}`, { method: 'DELETE', ctx: as })).status).toBe(
    404,
  );
});

test('category slugs: generated and deduplicated, a taken explicit one is 409', async () => {
  const one = await post<Category>('/api/admin/categories', { name: 'Toys' });
  const two = await post<Category>('/api/admin/categories', { name: 'Toys' });
  expect([one.slug, two.slug]).toEqual(['toys', 'toys-2']);
  const res = await catalog.call('/api/admin/categories', {
    method: 'POST',
    ctx: as,
    body: { name: 'X', slug: 'toys' },
  });
  expect(res.status).toBe(409);
  expect((await patch(`/api/admin/categories/${two.id}`, { slug: 'toys' })).status).toBe(409);
});

test('collections: create, list (admin and store), rename, delete (products republished)', async () => {
  const summer = await post<{ id: string; slug: string }>('/api/admin/collections', {
    title: 'Summer Sale',
    description: 'Hot',
  });
  expect(summer.slug).toBe('summer-sale');
  const product = await post<ProductView>(
    '/api/admin/products',
    productBody('Sunhat', { collectionIds: [summer.id] }),
  );
  expect(product.collectionIds).toEqual([summer.id]);
  expect(await json(patch(`/api/admin/collections/${summer.id}`, { title: 'Summer' }))).toMatchObject({
    title: 'Summer',
    slug: 'summer-sale',
  });
  const store = await json<{ items: Array<{ id: string; title: string }> }>(
    catalog.call('/api/store/collections', { ctx: shopper(tenant) }),
  );
  expect(store.items.map((c) => c.title)).toEqual(['Summer']);
  expect(
    (await json<{ items: unknown[] }>(catalog.call('/api/admin/collections', { ctx: as }))).items,
  ).toHaveLength(1);
  expect(
    (await catalog.call(`/api/admin/collections/${summer.id}`, { method: 'DELETE', ctx: as })).status,
  ).toBe(204);
  expect(await json(catalog.call(`/api/admin/products/${product.id}`, { ctx: as }))).toMatchObject({
    collectionIds: [],
    version: 2,
  });
  expect((await patch(`/api/admin/collections/${summer.id}`, { title: 'Gone' })).status).toBe(404);
  expect(
    (await catalog.call('/api/admin/collections', { method: 'POST', ctx: as, body: { title: '' } })).status,
  ).toBe(400);
});
