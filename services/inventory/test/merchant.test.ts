import type { Actor, Ctx } from '@fleet/context';
import {
  json,
  newTenant,
  startInventory,
  type InventoryFixture,
  type ProblemBody,
} from './inventory-fixture';

let fx: InventoryFixture;
beforeAll(async () => {
  fx = await startInventory('inv_merchant');
});
afterAll(() => fx.close());

const put = (tenant: string, variantId: string, body: unknown) =>
  fx.admin(tenant, `/api/admin/inventory/${variantId}`, { method: 'PUT', body });

interface Page {
  items: Array<{ variantId: string; available: number }>;
  nextCursor: string | null;
}

test('the merchant sets stock absolutely: created, then updated, each change an event', async () => {
  const tenant = newTenant();
  const created = await put(tenant, 'var_s', { onHand: 12, productId: 'prod_s' });
  expect(created.status).toBe(201);
  expect(await json(created)).toMatchObject({
    variantId: 'var_s',
    productId: 'prod_s',
    locationId: 'loc_default',
    onHand: 12,
    reserved: 0,
    available: 12,
  });
  const updated = await put(tenant, 'var_s', { onHand: 4 });
  expect(updated.status).toBe(200);
  expect(await json(updated)).toMatchObject({ productId: 'prod_s', onHand: 4, available: 4 });
  const changes = await fx.events(tenant, 'inventory.level_changed');
  expect(changes.map((e) => [e.version, e.data])).toEqual([
    [1, { variantId: 'var_s', productId: 'prod_s', available: 12 }],
    [2, { variantId: 'var_s', productId: 'prod_s', available: 4 }],
  ]);
  expect(await fx.owner('locations').where({ tenant_id: tenant })).toHaveLength(1);
});

test('on hand cannot go below what is reserved: 409 and nothing changes', async () => {
  const tenant = newTenant();
  await fx.setStock(tenant, 'var_r', 10);
  await fx.reserve(tenant, { reservationId: 'ord_r', items: [{ variantId: 'var_r', quantity: 4 }] });
  const before = { level: await fx.level(tenant, 'var_r'), events: await fx.events(tenant) };
  const refused = await put(tenant, 'var_r', { onHand: 3 });
  expect(refused.status).toBe(409);
  expect(await json(refused)).toMatchObject({ code: 'below_reserved' });
  expect(await fx.level(tenant, 'var_r')).toEqual(before.level);
  expect(await fx.events(tenant)).toEqual(before.events);
  const exact = await put(tenant, 'var_r', { onHand: 4 });
  expect(await json(exact)).toMatchObject({ onHand: 4, reserved: 4, available: 0 });
});

test('the low-stock list pages in variant order', async () => {
  const tenant = newTenant();
  const stock: Array<[string, number]> = [
    ['var_1', 0],
    ['var_2', 3],
    ['var_3', 5],
    ['var_4', 6],
    ['var_5', 20],
  ];
  for (const [variantId, onHand] of stock) await fx.setStock(tenant, variantId, onHand, 'prod_l');
  await fx.reserve(tenant, { reservationId: 'ord_l', items: [{ variantId: 'var_5', quantity: 16 }] });
  const low = await json<Page>(await fx.admin(tenant, '/api/admin/inventory?lowStock=true'));
  expect(low.items.map((i) => [i.variantId, i.available])).toEqual([
    ['var_1', 0],
    ['var_2', 3],
    ['var_3', 5],
    ['var_5', 4],
  ]);
  const tight = await json<Page>(await fx.admin(tenant, '/api/admin/inventory?lowStock=true&threshold=0'));
  expect(tight.items.map((i) => i.variantId)).toEqual(['var_1']);
  const first = await json<Page>(await fx.admin(tenant, '/api/admin/inventory?limit=2'));
  expect(first.items.map((i) => i.variantId)).toEqual(['var_1', 'var_2']);
  const second = await json<Page>(
    await fx.admin(tenant, `/api/admin/inventory?limit=2&cursor=${first.nextCursor as string}`),
  );
  expect(second.items.map((i) => i.variantId)).toEqual(['var_3', 'var_4']);
  const last = await json<Page>(
    await fx.admin(tenant, `/api/admin/inventory?limit=2&cursor=${second.nextCursor as string}`),
  );
  expect([last.items.map((i) => i.variantId), last.nextCursor]).toEqual([['var_5'], null]);
  const byProduct = await json<Page>(await fx.admin(tenant, '/api/admin/inventory?productId=prod_other'));
  expect(byProduct.items).toEqual([]);
});

test('only store staff reach the merchant endpoints', async () => {
  const tenant = newTenant();
  await fx.setStock(tenant, 'var_g', 1);
  const as = (ctx: Partial<Ctx>) =>
    Promise.all([
      fx.call('/api/admin/inventory', { ctx }),
      fx.call('/api/admin/inventory/var_g', { method: 'PUT', body: { onHand: 9 }, ctx }),
    ]);
  const actors: Actor[] = [
    { kind: 'customer', id: 'cus_1' },
    { kind: 'service', id: 'order' },
    { kind: 'anonymous' },
  ];
  for (const actor of actors) {
    const answers = await as({ tenantId: tenant, actor });
    expect(answers.map((r) => r.status)).toEqual([403, 403]);
  }
  const noStore = await as({ actor: { kind: 'staff', id: 'stf_1' } });
  expect(noStore.map((r) => r.status)).toEqual([404, 404]);
  const unsigned = await fetch(`${fx.url}/api/admin/inventory`);
  expect(unsigned.status).toBe(401);
  // and merchants do not reach the internal API
  const staffInternal = await fx.admin(tenant, '/internal/reservations', {
    body: {
      reservationId: 'ord_x',
      items: [{ variantId: 'var_g', quantity: 1 }],
      expiresAt: new Date().toISOString(),
    },
  });
  expect(staffInternal.status).toBe(403);
  expect(await fx.level(tenant, 'var_g')).toMatchObject({ onHand: 1, reserved: 0 });
});

test('bad input is a 400 naming the fields, and changes nothing', async () => {
  const tenant = newTenant();
  await fx.setStock(tenant, 'var_b', 2);
  const before = await fx.events(tenant);
  const bad = await put(tenant, 'var_b', { onHand: -1, productId: 'no spaces allowed', note: 'x' });
  expect(bad.status).toBe(400);
  expect((await json<ProblemBody>(bad)).errors?.map((e) => e.path).sort()).toEqual([
    'note',
    'onHand',
    'productId',
  ]);
  const fraction = await put(tenant, 'var_b', { onHand: 1.5 });
  expect((await json<ProblemBody>(fraction)).errors?.map((e) => e.path)).toEqual(['onHand']);
  const badQuery = await fx.admin(tenant, '/api/admin/inventory?limit=500&lowStock=maybe&threshold=-2');
  expect((await json<ProblemBody>(badQuery)).errors?.map((e) => e.path).sort()).toEqual([
    'limit',
    'lowStock',
    'threshold',
  ]);
  const badCursor = await fx.admin(tenant, '/api/admin/inventory?cursor=nope');
  expect([badCursor.status, (await json(badCursor)).code]).toEqual([400, 'invalid_cursor']);
  // A forged cursor whose variant id Postgres would refuse (a NUL byte) or is not an id at all.
  for (const v of ['var\u0000b', 'x'.repeat(101), 7]) {
    const cursor = Buffer.from(JSON.stringify({ v })).toString('base64url');
    const forged = await fx.admin(tenant, `/api/admin/inventory?cursor=${cursor}`);
    expect([forged.status, (await json(forged)).code]).toEqual([400, 'invalid_cursor']);
  }
  expect(await fx.level(tenant, 'var_b')).toMatchObject({ onHand: 2, version: 1 });
  expect(await fx.events(tenant)).toEqual(before);
});
