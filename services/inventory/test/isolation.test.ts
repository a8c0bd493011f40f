import { json, newTenant, startInventory, type InventoryFixture, type View } from './inventory-fixture';

let fx: InventoryFixture;
const a = newTenant();
const b = newTenant();

beforeAll(async () => {
  fx = await startInventory('inv_isolation');
  await fx.setStock(a, 'var_a', 10, 'prod_a');
  for (const id of ['ord_a1', 'ord_a2']) {
    await fx.reserve(a, { reservationId: id, items: [{ variantId: 'var_a', quantity: 2 }] });
  }
  await fx.internal(a, '/internal/reservations/ord_a2/commit', { method: 'POST' });
});
afterAll(() => fx.close());

test("tenant B can neither read nor move tenant A's reservations", async () => {
  const before = { level: await fx.level(a, 'var_a'), events: await fx.events(a) };
  expect((await fx.internal(b, '/internal/reservations/ord_a1')).status).toBe(404);
  expect((await fx.internal(b, '/internal/reservations/ord_a1/commit', { method: 'POST' })).status).toBe(404);
  expect((await fx.internal(b, '/internal/reservations/ord_a2/restock', { method: 'POST' })).status).toBe(
    404,
  );
  // B's release of an id it does not know is B's own tombstone: A's reservation is untouched
  const release = await fx.internal(b, '/internal/reservations/ord_a1/release', { method: 'POST' });
  expect(await json<View>(release)).toMatchObject({ status: 'released', items: [] });
  expect(await json<View>(await fx.internal(a, '/internal/reservations/ord_a1'))).toMatchObject({
    status: 'reserved',
    items: [{ variantId: 'var_a', quantity: 2 }],
  });
  expect(await fx.level(a, 'var_a')).toEqual(before.level);
  expect(await fx.events(a)).toEqual(before.events);
});

test("tenant B sees none of tenant A's stock and cannot reserve it", async () => {
  const short = await fx.reserve(b, {
    reservationId: 'ord_b1',
    items: [{ variantId: 'var_a', quantity: 1 }],
  });
  expect(await json(short)).toMatchObject({
    code: 'out_of_stock',
    details: [{ variantId: 'var_a', available: 0 }],
  });
  expect(await json(await fx.admin(b, '/api/admin/inventory'))).toEqual({ items: [], nextCursor: null });
  expect(await json(await fx.internal(b, '/internal/stock-levels?variantIds=var_a'))).toEqual({ items: [] });
  // the same variant id in B is B's own level
  await fx.setStock(b, 'var_a', 1);
  expect(await fx.level(a, 'var_a')).toMatchObject({ onHand: 8, reserved: 2 });
  const levels = await json<{ items: unknown[] }>(
    await fx.internal(a, '/internal/stock-levels?variantIds=var_a,var_z'),
  );
  expect(levels.items).toEqual([
    expect.objectContaining({ variantId: 'var_a', onHand: 8, reserved: 2, available: 6 }),
  ]);
});

test('row-level security: the application role without a tenant sees no rows at all', async () => {
  for (const table of ['stock_levels', 'reservations', 'reservation_items', 'locations', 'outbox']) {
    const { rows } = await fx.db.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`);
    expect([table, rows[0]?.n]).toEqual([table, '0']);
  }
  const owned = await fx.owner('reservations').count();
  expect(Number((owned[0] as { count: string }).count)).toBeGreaterThan(0);
});

test('internal endpoints need a service caller and a tenant', async () => {
  const shopper = await fx.call('/internal/reservations/ord_a1', {
    ctx: { tenantId: a, actor: { kind: 'customer' } },
  });
  expect([shopper.status, (await json(shopper)).code]).toEqual([403, 'internal_only']);
  const noTenant = await fx.call('/internal/reservations/ord_a1');
  expect([noTenant.status, (await json(noTenant)).code]).toEqual([404, 'store_not_found']);
});
