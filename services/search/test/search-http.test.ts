import { doc, newTenant } from './products';
import { startSearch, type SearchFixture } from './search-fixture';

let search: SearchFixture;
const acme = newTenant();
const globex = newTenant();
const shopper = (tenantId: string) => ({ ctx: { tenantId } });

beforeAll(async () => {
  search = await startSearch('search_http');
  const trainers = Array.from({ length: 25 }, (_, i) =>
    doc({
      title: `Running Trainers ${i}`,
      categoryIds: [i % 2 ? 'cat_odd' : 'cat_even'],
      available: i % 5 !== 0,
    }),
  );
  await search.engine.upsert(acme, trainers);
  await search.engine.upsert(globex, [doc({ title: 'Running Trainers by Globex', priceMin: 30000 })]);
});
afterAll(() => search.close());

async function body(res: Response): Promise<Record<string, unknown>> {
  return (await res.json()) as Record<string, unknown>;
}

test('searches the host’s store and answers {hits, facets, estimatedTotal} (20 hits by default)', async () => {
  const res = await search.call('/api/store/search?q=traniers', shopper(acme));
  expect(res.status).toBe(200);
  const result = (await body(res)) as {
    hits: Array<{ title: string }>;
    estimatedTotal: number;
    facets: object;
  };
  expect(result.hits).toHaveLength(20);
  expect(result.estimatedTotal).toBe(25);
  expect(result.facets).toMatchObject({
    category: { cat_odd: 12, cat_even: 13 },
    availability: { in_stock: 20, out_of_stock: 5 },
  });
  expect(result.hits.every((hit) => hit.title.startsWith('Running Trainers'))).toBe(true);
});

test('filters: category (comma-separated or repeated), availability, price bucket; limit and offset', async () => {
  const get = async (query: string) =>
    (await body(await search.call(`/api/store/search?${query}`, shopper(acme)))) as {
      hits: unknown[];
      estimatedTotal: number;
    };
  expect((await get('q=trainers&category=cat_odd')).estimatedTotal).toBe(12);
  expect((await get('q=trainers&category=cat_odd,cat_even')).estimatedTotal).toBe(25);
  expect((await get('q=trainers&category=cat_odd&category=cat_even')).estimatedTotal).toBe(25);
  expect((await get('q=trainers&available=false')).estimatedTotal).toBe(5);
  expect((await get('q=trainers&priceBucket=1000-2500')).estimatedTotal).toBe(25);
  expect((await get('q=trainers&priceBucket=25000%2B')).estimatedTotal).toBe(0);
  expect((await get('q=&limit=100&offset=20')).hits).toHaveLength(5);
});

test('another store never sees these products, with the same words', async () => {
  const result = (await body(
    await search.call('/api/store/search?q=running%20trainers&limit=100', shopper(globex)),
  )) as {
    hits: Array<{ title: string }>;
    estimatedTotal: number;
  };
  expect(result.hits.map((hit) => hit.title)).toEqual(['Running Trainers by Globex']);
  expect(result.estimatedTotal).toBe(1);
});

test('without a store on the host: 404 store_not_found', async () => {
  const res = await search.call('/api/store/search?q=trainers');
  expect(res.status).toBe(404);
  expect(await body(res)).toMatchObject({ code: 'store_not_found' });
});

test('an unsigned request is refused with 401', async () => {
  const res = await search.call('/api/store/search?q=trainers', { unsigned: true });
  expect(res.status).toBe(401);
});

test.each([
  ['q longer than 200 characters', `q=${'a'.repeat(201)}`, 'q'],
  ['limit above 100', 'limit=101', 'limit'],
  ['limit below 1', 'limit=0', 'limit'],
  ['an unknown price bucket', 'priceBucket=cheap', 'priceBucket'],
  ['available that is not a boolean', 'available=yes', 'available'],
  ['a malformed category id', 'category=a%22b', 'category.0'],
  ['an unknown parameter', 'sort=price', 'sort'],
])('400 for %s', async (_name, query, path) => {
  const res = await search.call(`/api/store/search?${query}`, shopper(acme));
  expect(res.status).toBe(400);
  const problem = (await body(res)) as { errors: Array<{ path: string }> };
  expect(problem.errors.map((e) => e.path)).toContain(path);
});
