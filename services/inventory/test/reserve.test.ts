import {
  json,
  newTenant,
  startInventory,
  type InventoryFixture,
  type ProblemBody,
  type View,
} from './inventory-fixture';

let fx: InventoryFixture;
beforeAll(async () => {
  fx = await startInventory('inv_reserve');
});
afterAll(() => fx.close());

test('60 concurrent reserves of 1 unit against stock 10: exactly 10 succeed, never below zero', async () => {
  const tenant = newTenant();
  await fx.setStock(tenant, 'var_flash', 10, 'prod_flash');
  const answers = await Promise.all(
    Array.from({ length: 60 }, (_, i) =>
      fx.reserve(tenant, {
        reservationId: `ord_flash_${i}`,
        items: [{ variantId: 'var_flash', quantity: 1 }],
      }),
    ),
  );
  const statuses = answers.map((res) => res.status);
  expect(statuses.filter((s) => s === 201)).toHaveLength(10);
  expect(statuses.filter((s) => s === 422)).toHaveLength(50);
  const refused = await json<ProblemBody>(answers[statuses.indexOf(422)] as Response);
  expect(refused).toMatchObject({
    code: 'out_of_stock',
    details: [{ variantId: 'var_flash', requested: 1, available: 0 }],
  });
  expect(await fx.level(tenant, 'var_flash')).toMatchObject({ onHand: 10, reserved: 10 });
  expect(await fx.owner('reservations').where({ tenant_id: tenant }).count()).toEqual([{ count: '10' }]);
  const levelEvents = await fx.events(tenant, 'inventory.level_changed');
  const available = levelEvents.map((e) => (e.data as { available: number }).available);
  expect(Math.min(...available)).toBe(0);
  expect(available.slice(-1)).toEqual([0]);
});

test('all or nothing: a short second line leaves the first unreserved and lists what is short', async () => {
  const tenant = newTenant();
  await fx.setStock(tenant, 'var_a', 5);
  await fx.setStock(tenant, 'var_b', 1);
  const before = await fx.events(tenant);
  const res = await fx.reserve(tenant, {
    reservationId: 'ord_short',
    items: [
      { variantId: 'var_a', quantity: 2 },
      { variantId: 'var_b', quantity: 3 },
      { variantId: 'var_ghost', quantity: 1 },
    ],
  });
  expect(res.status).toBe(422);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  const problem = await json<ProblemBody>(res);
  expect(problem.details).toEqual([
    { variantId: 'var_b', requested: 3, available: 1 },
    { variantId: 'var_ghost', requested: 1, available: 0 },
  ]);
  expect(problem.errors?.map((e) => e.path)).toEqual(['items.1', 'items.2']);
  expect(await fx.level(tenant, 'var_a')).toMatchObject({ onHand: 5, reserved: 0 });
  expect(await fx.level(tenant, 'var_b')).toMatchObject({ onHand: 1, reserved: 0 });
  expect(await fx.owner('reservations').where({ tenant_id: tenant })).toEqual([]);
  expect(await fx.events(tenant)).toEqual(before);
});

test('5 concurrent identical reserves make one reservation and reserve the stock once', async () => {
  const tenant = newTenant();
  await fx.setStock(tenant, 'var_x', 10);
  await fx.setStock(tenant, 'var_y', 10);
  const body = {
    reservationId: 'ord_twice',
    items: [
      { variantId: 'var_y', quantity: 1 },
      { variantId: 'var_x', quantity: 2 },
    ],
  };
  const answers = await Promise.all(Array.from({ length: 5 }, () => fx.reserve(tenant, body)));
  expect(answers.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 201]);
  const views = await Promise.all(answers.map((r) => json<View>(r)));
  for (const view of views) expect(view).toEqual(views[0]);
  expect(views[0]).toMatchObject({
    reservationId: 'ord_twice',
    status: 'reserved',
    items: [
      { variantId: 'var_x', quantity: 2 },
      { variantId: 'var_y', quantity: 1 },
    ],
  });
  expect(await fx.level(tenant, 'var_x')).toMatchObject({ reserved: 2 });
  expect(await fx.level(tenant, 'var_y')).toMatchObject({ reserved: 1 });
  expect(await fx.events(tenant, 'inventory.reserved')).toHaveLength(1);

  const other = await fx.reserve(tenant, { ...body, items: [{ variantId: 'var_x', quantity: 3 }] });
  expect(other.status).toBe(409);
  expect(await json(other)).toMatchObject({ code: 'reservation_mismatch' });
});

test('lines of one variant are merged; the events carry what changed', async () => {
  const tenant = newTenant();
  await fx.setStock(tenant, 'var_m', 8, 'prod_m');
  const expiresAt = new Date(Date.now() + 600_000).toISOString();
  const res = await fx.reserve(tenant, {
    reservationId: 'ord_merge',
    expiresAt,
    items: [
      { variantId: 'var_m', quantity: 1 },
      { variantId: 'var_m', quantity: 2 },
    ],
  });
  expect(res.status).toBe(201);
  expect(await json(res)).toEqual({
    reservationId: 'ord_merge',
    status: 'reserved',
    expiresAt,
    items: [{ variantId: 'var_m', quantity: 3 }],
  });
  const [reserved] = await fx.events(tenant, 'inventory.reserved');
  expect(reserved).toMatchObject({
    tenantId: tenant,
    aggregateId: 'ord_merge',
    version: 1,
    data: { reservationId: 'ord_merge', items: [{ variantId: 'var_m', quantity: 3 }] },
  });
  const changes = await fx.events(tenant, 'inventory.level_changed');
  expect(changes.at(-1)).toMatchObject({
    aggregateId: 'var_m',
    version: (await fx.level(tenant, 'var_m'))?.version,
    data: { variantId: 'var_m', productId: 'prod_m', available: 5 },
  });
});

test('bad input is a 400 naming every field, and changes nothing', async () => {
  const tenant = newTenant();
  await fx.setStock(tenant, 'var_ok', 3);
  const before = await fx.events(tenant);
  const res = await fx.internal(tenant, '/internal/reservations', {
    body: {
      reservationId: 'has spaces!',
      items: [{ variantId: 'var_ok', quantity: 0 }, { variantId: 'var_ok' }],
      expiresAt: 'tomorrow',
      coupon: 'FREE',
    },
  });
  expect(res.status).toBe(400);
  const problem = await json<ProblemBody>(res);
  expect(problem.code).toBe('validation_failed');
  expect(problem.errors?.map((e) => e.path).sort()).toEqual(
    ['coupon', 'expiresAt', 'items.0.quantity', 'items.1.quantity', 'reservationId'].sort(),
  );
  const empty = await fx.internal(tenant, '/internal/reservations', {
    body: { reservationId: 'ord_empty', items: [], expiresAt: new Date().toISOString() },
  });
  expect(((await json<ProblemBody>(empty)).errors ?? []).map((e) => e.path)).toEqual(['items']);
  expect(await fx.level(tenant, 'var_ok')).toMatchObject({ onHand: 3, reserved: 0 });
  expect(await fx.owner('reservations').where({ tenant_id: tenant })).toEqual([]);
  expect(await fx.events(tenant)).toEqual(before);
});
