import { newId } from '@fleet/db';
import { createFairPriority } from '../src';
import { startNotification, type NotificationFixture, type Store } from './notification-fixture';

let fx: NotificationFixture;
let a: Store;
let b: Store;

beforeAll(async () => {
  fx = await startNotification('ntf_fairness', { concurrency: 2 });
  a = await fx.openStore();
  b = await fx.openStore();
});
afterAll(() => fx.close());

/** Queued deliveries as the consumer writes them, then their jobs. */
async function queueMail(tenantId: string, recipient: string, count: number): Promise<void> {
  const rows = Array.from({ length: count }, () => ({
    tenant_id: tenantId,
    id: newId('dlv'),
    event_id: newId('evt'),
    type: 'order_cancelled',
    recipient,
    data: JSON.stringify({ order: { id: 'ord_x', total: 100, currency: 'USD' } }),
  }));
  await fx.owner('deliveries').insert(rows);
  for (const row of rows) await fx.queue.enqueue({ tenantId, deliveryId: row.id });
}

test('virtual tags: a tenant with a backlog goes behind it, a quiet tenant starts at the clock', async () => {
  const fair = createFairPriority(fx.redis.client, `${fx.redis.prefix}fair-unit`);
  const first = [await fair.admit('ten_a'), await fair.admit('ten_a'), await fair.admit('ten_a')];
  expect(first).toEqual([1, 2, 3]);
  expect(await fair.admit('ten_b')).toBe(1);
  await fair.started(2); // the worker started A's second job
  expect(await fair.admit('ten_c')).toBe(3);
  expect(await fair.admit('ten_a')).toBe(4);
});

test("one store's backlog does not hold back another store's e-mail", async () => {
  await queueMail(a.tenantId, 'bulk@a.example', 200);
  const queuedAt = Date.now();
  await queueMail(b.tenantId, 'urgent@b.example', 1);
  const [urgent] = await fx.smtp.waitForMail('urgent@b.example', 1, 60_000);
  const delayMs = urgent!.receivedAt.getTime() - queuedAt;
  // sent among the next few, not after A's 200 (which take far longer than that here)
  const bulkBefore = fx.smtp.to('bulk@a.example').filter((m) => m.receivedAt <= urgent!.receivedAt).length;
  await fx.smtp.waitForMail('bulk@a.example', 200, 150_000);
  const drainMs = Math.max(...fx.smtp.to('bulk@a.example').map((m) => m.receivedAt.getTime())) - queuedAt;
  expect(bulkBefore).toBeLessThan(60);
  expect(delayMs).toBeLessThan(drainMs / 2);
}, 180_000);
