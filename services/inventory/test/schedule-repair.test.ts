import { createLogger } from '@fleet/logger';
import { createTestRedis, startTcpProxy, waitFor, type TcpProxy, type TestRedis } from '@fleet/testing';
import { RESERVATION_SWEEP_QUEUE, startReservationSweeper, type ReservationSweeper } from '../src';
import { json, newTenant, startInventory, type InventoryFixture, type View } from './inventory-fixture';

/**
 * Issue 13 item 9: the expiry schedule lived only in Redis, declared once at boot. A FLUSHDB or a
 * restart of a Redis without persistence removed it, and no reservation ever expired again until
 * the service restarted. Redis is shared with other test files: the flush is the deletion of this
 * file's keys only, the restart a TCP proxy that is cut while the keys are deleted.
 */
let fx: InventoryFixture;
let redis: TestRedis;
let proxy: TcpProxy;
beforeAll(async () => {
  fx = await startInventory('inv_repair');
  redis = await createTestRedis('inv_repair');
  proxy = await startTcpProxy(redis.url);
});
afterAll(async () => {
  await proxy.close();
  await fx.close();
  await redis.cleanup();
});

const soon = (ms: number) => new Date(Date.now() + ms).toISOString();
const status = async (tenant: string, id: string) =>
  (await json<View>(await fx.internal(tenant, `/internal/reservations/${id}`))).status;

async function withSweeper(redisUrl: string, body: (s: ReservationSweeper) => Promise<void>) {
  const sweeper = await startReservationSweeper({
    ...fx.sweepDeps,
    logger: createLogger({ service: 'sweeper-test', level: 'silent' }),
    redisUrl,
    redisPrefix: redis.prefix,
    everyMs: 100,
    repairEveryMs: 300,
  });
  try {
    await body(sweeper);
  } finally {
    await sweeper.stop();
  }
}

async function expiresOnItsOwn(tenant: string, id: string): Promise<void> {
  await fx.setStock(tenant, `var_${id}`, 2);
  const res = await fx.reserve(tenant, {
    reservationId: id,
    items: [{ variantId: `var_${id}`, quantity: 2 }],
    expiresAt: soon(200),
  });
  expect(res.status).toBe(201);
  await waitFor(
    'the schedule to expire the reservation',
    async () => (await status(tenant, id)) === 'expired',
    {
      timeoutMs: 8_000,
      intervalMs: 50,
    },
  );
  expect(await fx.level(tenant, `var_${id}`)).toMatchObject({ onHand: 2, reserved: 0 });
}

test('after every key of the queue is deleted (FLUSHDB), reservations still expire, with no restart', async () => {
  await withSweeper(redis.url, async (sweeper) => {
    const tenant = newTenant();
    await expiresOnItsOwn(tenant, 'ord_before');
    const schedule = `${redis.prefix}${RESERVATION_SWEEP_QUEUE}:*`;
    expect(await redis.client.keys(schedule)).not.toHaveLength(0);
    expect(await redis.deleteKeys()).toBeGreaterThan(0);
    await expiresOnItsOwn(tenant, 'ord_after');
    expect(await sweeper.queue.getJobScheduler('sweep-expired-reservations')).toBeDefined();
  });
});

test('after Redis goes away and comes back empty (a restart), reservations still expire', async () => {
  await withSweeper(proxy.url, async () => {
    const tenant = newTenant();
    await expiresOnItsOwn(tenant, 'ord_up');
    await proxy.cut(); // Redis is down for this sweeper…
    await redis.deleteKeys(); // …and comes back without its data
    await new Promise((resolve) => setTimeout(resolve, 500)); // the watchdog fails meanwhile
    await proxy.restore();
    await expiresOnItsOwn(tenant, 'ord_restarted');
  });
});

test('ensureScheduled declares a lost schedule once and is a no-op while it exists', async () => {
  await withSweeper(redis.url, async (sweeper) => {
    expect(await sweeper.ensureScheduled()).toBe(false);
    await redis.deleteKeys();
    // The watchdog may beat us to it; either way exactly one scheduler exists afterwards.
    await sweeper.ensureScheduled();
    expect(await sweeper.ensureScheduled()).toBe(false);
    expect(await sweeper.queue.getJobSchedulersCount()).toBe(1);
  });
});
