import {
  level,
  newTenant,
  orderBody,
  passUnpaidTimeout,
  placeOrder,
  reservation,
  settled,
  setStock,
  startPlatform,
  type Platform,
} from './support/platform';

/**
 * Issue 13 item 9, on the whole saga: order's recovery job and inventory's expiry sweep are BullMQ
 * schedules in Redis. With the services running, every key of this platform is deleted (what a
 * FLUSHDB does; Redis is shared, so only this file's prefix): a stuck saga is still recovered and
 * an expired reservation still released within their deadlines, with no restart.
 */
let p: Platform;
beforeAll(async () => {
  p = await startPlatform('ord_flush');
}, 60_000);
afterAll(async () => {
  await p.close();
});

const past = () => new Date(Date.now() - 1_000);

test('after Redis loses every key, a stuck saga is recovered and an expired reservation released', async () => {
  const tenant = newTenant();
  await setStock(p, tenant, 'var_s', 5);
  await setStock(p, tenant, 'var_r', 5);
  const stuck = await placeOrder(p, tenant, orderBody([['var_s', 2]]));
  const expiring = await placeOrder(p, tenant, orderBody([['var_r', 3]]));

  expect(await p.redis.deleteKeys()).toBeGreaterThan(0); // both schedules are gone

  // The order's unpaid timeout passes (only the recovery job acts on it)…
  await passUnpaidTimeout(p, tenant, stuck.orderId);
  // …and the other order's reservation passes its expiry (only inventory's sweep acts on it).
  await p.inventory
    .owner('reservations')
    .where({ tenant_id: tenant, id: expiring.orderId })
    .update({ expires_at: past() });

  await settled(p, tenant, stuck.orderId, 'CANCELLED', 15_000);
  await settled(p, tenant, expiring.orderId, 'CANCELLED', 15_000);
  expect((await reservation(p, tenant, stuck.orderId))?.status).toBe('released');
  expect((await reservation(p, tenant, expiring.orderId))?.status).toBe('expired');
  expect(await level(p, tenant, 'var_s')).toEqual({ onHand: 5, reserved: 0 });
  expect(await level(p, tenant, 'var_r')).toEqual({ onHand: 5, reserved: 0 });
});
