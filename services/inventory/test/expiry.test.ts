import { createLogger } from '@fleet/logger';
import { createTestRedis, waitFor, type TestRedis } from '@fleet/testing';
import {
  RESERVATION_SWEEP_QUEUE,
  startReservationSweeper,
  sweepExpiredReservations,
  type ReservationSweeper,
} from '../src';
import { json, newTenant, startInventory, type InventoryFixture, type View } from './inventory-fixture';

let fx: InventoryFixture;
let redis: TestRedis;
beforeAll(async () => {
  fx = await startInventory('inv_expiry');
  redis = await createTestRedis('inv_expiry');
});
afterAll(async () => {
  await fx.close();
  await redis.cleanup();
});

const soon = (ms: number) => new Date(Date.now() + ms).toISOString();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const reserve = async (tenant: string, id: string, expiresAt: string, quantity = 1) => {
  const res = await fx.reserve(tenant, {
    reservationId: id,
    items: [{ variantId: 'var_e', quantity }],
    expiresAt,
  });
  expect(res.status).toBe(201);
};
const status = async (tenant: string, id: string) =>
  (await json<View>(await fx.internal(tenant, `/internal/reservations/${id}`))).status;

test('the sweep expires what is due, gives its stock back and tells the order saga', async () => {
  const tenant = newTenant();
  await fx.setStock(tenant, 'var_e', 5, 'prod_e');
  await reserve(tenant, 'ord_due', soon(100), 2);
  await reserve(tenant, 'ord_later', soon(600_000), 1);
  await sleep(150);
  expect(await sweepExpiredReservations(fx.sweepDeps)).toEqual({ expired: 1 });
  expect([await status(tenant, 'ord_due'), await status(tenant, 'ord_later')]).toEqual([
    'expired',
    'reserved',
  ]);
  expect(await fx.level(tenant, 'var_e')).toMatchObject({ onHand: 5, reserved: 1 });
  expect(await fx.events(tenant, 'inventory.reservation_expired')).toEqual([
    expect.objectContaining({
      aggregateId: 'ord_due',
      version: 2,
      data: { reservationId: 'ord_due', items: [{ variantId: 'var_e', quantity: 2 }] },
    }),
  ]);
  expect((await fx.events(tenant, 'inventory.level_changed')).at(-1)?.data).toEqual({
    variantId: 'var_e',
    productId: 'prod_e',
    available: 4,
  });
  expect(await sweepExpiredReservations(fx.sweepDeps)).toEqual({ expired: 0 });

  const commit = await fx.internal(tenant, '/internal/reservations/ord_due/commit', { method: 'POST' });
  expect([commit.status, (await json(commit)).code]).toEqual([409, 'reservation_not_active']);
  const release = await fx.internal(tenant, '/internal/reservations/ord_due/release', { method: 'POST' });
  expect([release.status, (await json(release)).status]).toEqual([200, 'expired']);
  const again = await fx.reserve(tenant, {
    reservationId: 'ord_due',
    items: [{ variantId: 'var_e', quantity: 2 }],
  });
  expect([again.status, (await json(again)).code]).toEqual([409, 'reservation_expired']);
  expect(await fx.level(tenant, 'var_e')).toMatchObject({ onHand: 5, reserved: 1 });
});

test('two sweeps at once expire each reservation of every tenant exactly once', async () => {
  const tenants = [newTenant(), newTenant()];
  for (const tenant of tenants) {
    await fx.setStock(tenant, 'var_e', 100);
    await Promise.all(Array.from({ length: 20 }, (_, i) => reserve(tenant, `ord_many_${i}`, soon(50))));
  }
  await sleep(100);
  const runs = await Promise.all([
    sweepExpiredReservations(fx.sweepDeps, { batchSize: 7 }),
    sweepExpiredReservations(fx.sweepDeps, { batchSize: 7 }),
  ]);
  expect(runs[0].expired + runs[1].expired).toBe(40);
  for (const tenant of tenants) {
    expect(await fx.level(tenant, 'var_e')).toMatchObject({ onHand: 100, reserved: 0 });
    const expired = await fx.events(tenant, 'inventory.reservation_expired');
    expect(new Set(expired.map((e) => e.aggregateId)).size).toBe(20);
    expect(expired).toHaveLength(20);
  }
});

test('the BullMQ sweeper runs on its own, and two instances expire a reservation once', async () => {
  const tenant = newTenant();
  await fx.setStock(tenant, 'var_e', 3);
  const sweepers: ReservationSweeper[] = [];
  for (let i = 0; i < 2; i++) {
    sweepers.push(
      await startReservationSweeper({
        ...fx.sweepDeps,
        logger: createLogger({ service: 'sweeper-test', level: 'silent' }),
        redisUrl: redis.url,
        redisPrefix: redis.prefix,
        everyMs: 100,
      }),
    );
  }
  try {
    expect(sweepers[0]?.queue.name).toBe(RESERVATION_SWEEP_QUEUE);
    expect(await sweepers[0]?.queue.getJobSchedulersCount()).toBe(1);
    await reserve(tenant, 'ord_bull', soon(200), 3);
    await waitFor(
      'the sweeper to expire the reservation',
      async () => (await status(tenant, 'ord_bull')) === 'expired',
    );
    await sleep(300); // more runs of both instances change nothing
    expect(await fx.level(tenant, 'var_e')).toMatchObject({ onHand: 3, reserved: 0 });
    expect(await fx.events(tenant, 'inventory.reservation_expired')).toHaveLength(1);
    expect(await redis.client.keys(`${redis.prefix}${RESERVATION_SWEEP_QUEUE}:*`)).not.toHaveLength(0);
  } finally {
    await Promise.all(sweepers.map((s) => s.stop()));
  }
});
