import { json, newTenant, startInventory, type InventoryFixture, type View } from './inventory-fixture';

let fx: InventoryFixture;
let tenant: string;
beforeAll(async () => {
  fx = await startInventory('inv_lifecycle');
});
afterAll(() => fx.close());
beforeEach(async () => {
  tenant = newTenant();
  await fx.setStock(tenant, 'var_a', 10, 'prod_a');
});

const post = (path: string) => fx.internal(tenant, path, { method: 'POST' });
const reserveA = async (id: string, quantity = 2) => {
  const res = await fx.reserve(tenant, { reservationId: id, items: [{ variantId: 'var_a', quantity }] });
  expect(res.status).toBe(201);
};

test('commit sells the held units once; a repeat answers the same', async () => {
  await reserveA('ord_c');
  const first = await post('/internal/reservations/ord_c/commit');
  expect(first.status).toBe(200);
  const view = await json<View>(first);
  expect(view).toMatchObject({ status: 'committed', items: [{ variantId: 'var_a', quantity: 2 }] });
  const again = await post('/internal/reservations/ord_c/commit');
  expect([again.status, await json(again)]).toEqual([200, view]);
  expect(await fx.level(tenant, 'var_a')).toMatchObject({ onHand: 8, reserved: 0 });
  expect(await fx.events(tenant, 'inventory.committed')).toEqual([
    expect.objectContaining({
      aggregateId: 'ord_c',
      version: 2,
      data: { reservationId: 'ord_c', items: view.items },
    }),
  ]);
  // available did not change, so no level event beyond the reserve's
  expect(await fx.events(tenant, 'inventory.level_changed')).toHaveLength(2);
  expect(await json(await fx.internal(tenant, '/internal/reservations/ord_c'))).toEqual(view);
});

test('release gives the units back once; a repeat answers the same', async () => {
  await reserveA('ord_r', 3);
  const first = await post('/internal/reservations/ord_r/release');
  const view = await json<View>(first);
  expect([first.status, view.status]).toEqual([200, 'released']);
  const again = await post('/internal/reservations/ord_r/release');
  expect([again.status, await json(again)]).toEqual([200, view]);
  expect(await fx.level(tenant, 'var_a')).toMatchObject({ onHand: 10, reserved: 0 });
  expect(await fx.events(tenant, 'inventory.released')).toHaveLength(1);
  const changes = await fx.events(tenant, 'inventory.level_changed');
  expect(changes.map((e) => (e.data as { available: number }).available)).toEqual([10, 7, 10]);
});

test('illegal moves are 409 and change nothing; unknown ids are 404', async () => {
  await reserveA('ord_sold');
  await post('/internal/reservations/ord_sold/commit');
  await reserveA('ord_back');
  await post('/internal/reservations/ord_back/release');
  const before = { level: await fx.level(tenant, 'var_a'), events: await fx.events(tenant) };

  const cases: Array<[string, number, string]> = [
    ['/internal/reservations/ord_back/commit', 409, 'reservation_not_active'],
    ['/internal/reservations/ord_sold/release', 409, 'reservation_committed'],
    ['/internal/reservations/ord_back/restock', 409, 'reservation_not_committed'],
    ['/internal/reservations/ord_nobody/commit', 404, 'reservation_not_found'],
    ['/internal/reservations/ord_nobody/restock', 404, 'reservation_not_found'],
  ];
  for (const [path, status, code] of cases) {
    const res = await post(path);
    expect([path, res.status, (await json(res)).code]).toEqual([path, status, code]);
  }
  const missing = await fx.internal(tenant, '/internal/reservations/ord_nobody');
  expect(missing.status).toBe(404);
  const sameId = await fx.reserve(tenant, {
    reservationId: 'ord_sold',
    items: [{ variantId: 'var_a', quantity: 2 }],
  });
  expect(sameId.status).toBe(200); // a retried reserve of a sold reservation finds it
  expect(await fx.level(tenant, 'var_a')).toEqual(before.level);
  expect(await fx.events(tenant)).toEqual(before.events);
});

test('restock puts sold units back on the shelf once; then nothing else moves it', async () => {
  await reserveA('ord_ret', 4);
  await post('/internal/reservations/ord_ret/commit');
  expect(await fx.level(tenant, 'var_a')).toMatchObject({ onHand: 6, reserved: 0 });
  const first = await post('/internal/reservations/ord_ret/restock');
  const view = await json<View>(first);
  expect([first.status, view.status]).toEqual([200, 'restocked']);
  const again = await post('/internal/reservations/ord_ret/restock');
  expect([again.status, await json(again)]).toEqual([200, view]);
  expect(await fx.level(tenant, 'var_a')).toMatchObject({ onHand: 10, reserved: 0 });
  expect(await fx.events(tenant, 'inventory.restocked')).toHaveLength(1);
  expect((await fx.events(tenant, 'inventory.level_changed')).at(-1)?.data).toMatchObject({ available: 10 });
  expect((await post('/internal/reservations/ord_ret/commit')).status).toBe(409);
  expect((await post('/internal/reservations/ord_ret/release')).status).toBe(409);
  await reserveA('ord_open');
  expect(await json(await post('/internal/reservations/ord_open/restock'))).toMatchObject({
    code: 'reservation_not_committed',
  });
});

test('a release before the reserve leaves a tombstone: the late reserve is refused', async () => {
  const released = await post('/internal/reservations/ord_late/release');
  expect(released.status).toBe(200);
  expect(await json(released)).toMatchObject({ reservationId: 'ord_late', status: 'released', items: [] });
  expect(await fx.events(tenant, 'inventory.released')).toEqual([
    expect.objectContaining({ data: { reservationId: 'ord_late', items: [] } }),
  ]);
  const late = await fx.reserve(tenant, {
    reservationId: 'ord_late',
    items: [{ variantId: 'var_a', quantity: 1 }],
  });
  expect(late.status).toBe(409);
  expect(await json(late)).toMatchObject({ code: 'reservation_released' });
  expect(await fx.level(tenant, 'var_a')).toMatchObject({ onHand: 10, reserved: 0 });
});

test('racing reserve and release of one id always end with nothing held', async () => {
  const outcomes = await Promise.all(
    Array.from({ length: 12 }, async (_, i) => {
      const id = `ord_race_${i}`;
      const [reserve, release] = await Promise.all([
        fx.reserve(tenant, { reservationId: id, items: [{ variantId: 'var_a', quantity: 1 }] }),
        post(`/internal/reservations/${id}/release`),
      ]);
      return [reserve.status, release.status];
    }),
  );
  for (const [reserve, release] of outcomes) {
    expect([201, 409]).toContain(reserve);
    expect(release).toBe(200);
  }
  expect(await fx.level(tenant, 'var_a')).toMatchObject({ onHand: 10, reserved: 0 });
  const statuses = await fx.owner('reservations').where({ tenant_id: tenant }).pluck('status');
  expect(new Set(statuses)).toEqual(new Set(['released']));
});
