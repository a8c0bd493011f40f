import {
  json,
  newTenant,
  orderBody,
  placeOrder,
  setStock,
  staff,
  startPlatform,
  type Platform,
} from './support/platform';

let p: Platform;

beforeAll(async () => {
  p = await startPlatform('ord_search');
}, 60_000);
afterAll(async () => {
  await p.close();
});

const admin = (tenant: string, path: string) => p.call(p.order.url, path, { ctx: staff(tenant) });

interface Page {
  items: Array<{ id: string }>;
  nextCursor: string | null;
}

const ids = async (tenant: string, query: string): Promise<string[]> =>
  (await json<Page>(await admin(tenant, `/api/admin/orders?${query}`))).items.map((o) => o.id);

test('merchant finds orders by order number or the start of the e-mail, in pages, in its own store only', async () => {
  const tenant = newTenant();
  const other = newTenant();
  await setStock(p, tenant, 'var_q', 10);
  await setStock(p, other, 'var_q', 10);
  const place = (t: string, email: string) => placeOrder(p, t, orderBody([['var_q', 1]], { email }));
  const ann1 = await place(tenant, 'Ann.Lee@example.com');
  const bob = await place(tenant, 'bob@example.com');
  const ann2 = await place(tenant, 'ann.lee@example.com');
  const underscore = await place(tenant, 'a_b@example.com');
  const elsewhere = await place(other, 'ann.lee@example.com');

  // By e-mail prefix, any case, newest first; paged like the unfiltered list.
  expect(await ids(tenant, 'q=ANN.lee')).toEqual([ann2.orderId, ann1.orderId]);
  const first = await json<Page>(await admin(tenant, '/api/admin/orders?q=ann&limit=1'));
  expect(first.items.map((o) => o.id)).toEqual([ann2.orderId]);
  expect(await ids(tenant, `q=ann&limit=1&cursor=${first.nextCursor}`)).toEqual([ann1.orderId]);
  // By order number, whole, in any case.
  expect(await ids(tenant, `q=${bob.orderId.toUpperCase()}`)).toEqual([bob.orderId]);
  // LIKE's wildcards typed in the box are plain characters.
  expect(await ids(tenant, 'q=a_')).toEqual([underscore.orderId]);
  expect(await ids(tenant, 'q=%25')).toEqual([]);
  // With a status filter; an empty box is no filter.
  expect(await ids(tenant, 'q=bob&status=PLACED')).toEqual([]);
  expect(await ids(tenant, 'q=bob&status=PENDING')).toEqual([bob.orderId]);
  expect(await ids(tenant, 'q=')).toHaveLength(4);

  // Another store's orders are never found, by e-mail or by their number.
  expect(await ids(tenant, `q=${elsewhere.orderId}`)).toEqual([]);
  expect(await ids(other, 'q=ann')).toEqual([elsewhere.orderId]);
  expect(await ids(other, `q=${ann1.orderId}`)).toEqual([]);
});

test('a search too long is a 400 problem naming q', async () => {
  const res = await admin(newTenant(), `/api/admin/orders?q=${'a'.repeat(255)}`);
  expect(res.status).toBe(400);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  const problem = await json<{ errors: Array<{ path: string }> }>(res);
  expect(problem.errors.map((e) => e.path)).toEqual(['q']);
});
