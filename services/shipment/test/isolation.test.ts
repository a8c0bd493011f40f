import { checkingContract } from '@fleet/testing';
import {
  admin,
  internal,
  json,
  newOrderId,
  newTenant,
  orderFulfilled,
  startShipment,
  type ShipmentFixture,
} from './shipment-fixture';

let fx: ShipmentFixture;
const a = newTenant();
const b = newTenant();
let shipmentA: string;

beforeAll(async () => {
  fx = checkingContract(await startShipment('shp_isolation'), { bodyPosts: true });
  await admin(fx, a, '/api/admin/settings/shipping', { method: 'PUT', body: { carrier: 'parcelpost' } });
  const orderId = newOrderId();
  await fx.deliver(orderFulfilled(a, orderId));
  const page = await json<{ items: Array<{ id: string }> }>(await admin(fx, a, '/api/admin/shipments'));
  shipmentA = page.items[0]!.id;
});
afterAll(() => fx.close());

test("tenant B can neither see nor move tenant A's shipments or settings", async () => {
  const before = { rows: await fx.rows('shipments', a), events: await fx.events(a) };
  expect(await json(await admin(fx, b, '/api/admin/shipments'))).toEqual({ items: [], nextCursor: null });
  expect((await admin(fx, b, `/api/admin/shipments/${shipmentA}`)).status).toBe(404);
  const move = await admin(fx, b, `/api/admin/shipments/${shipmentA}/status`, {
    body: { status: 'IN_TRANSIT' },
  });
  expect([move.status, (await json(move)).code]).toEqual([404, 'shipment_not_found']);
  expect(await json(await admin(fx, b, '/api/admin/settings/shipping'))).toMatchObject({ carrier: 'flat' });
  await admin(fx, b, '/api/admin/settings/shipping', { method: 'PUT', body: { carrier: 'swiftship' } });
  expect(await json(await admin(fx, a, '/api/admin/settings/shipping'))).toMatchObject({
    carrier: 'parcelpost',
  });
  const quote = { units: 1, subtotal: 100, currency: 'USD', country: 'US', shippingFlatRate: 1 };
  expect(await json(await internal(fx, a, '/internal/shipping-quotes', quote))).toMatchObject({
    carrier: 'parcelpost',
  });
  expect(await fx.rows('shipments', a)).toEqual(before.rows);
  expect(await fx.events(a)).toEqual(before.events);
});

test('row-level security: the application role without a tenant sees no rows at all', async () => {
  for (const table of ['shipments', 'shipment_events', 'shipping_settings', 'outbox', 'inbox']) {
    const { rows } = await fx.db.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`);
    expect([table, rows[0]?.n]).toEqual([table, '0']);
  }
  expect((await fx.rows('shipments', a)).length).toBe(1);
});

test('who may call what: staff for admin, services for internal, a store for both', async () => {
  const shopper = await fx.call('/api/admin/shipments', {
    ctx: { tenantId: a, actor: { kind: 'customer' } },
  });
  expect([shopper.status, (await json(shopper)).code]).toEqual([403, 'wrong_role']);
  const quote = { units: 1, subtotal: 100, currency: 'USD', country: 'US', shippingFlatRate: 1 };
  const staffQuote = await admin(fx, a, '/internal/shipping-quotes', { method: 'POST', body: quote });
  expect([staffQuote.status, (await json(staffQuote)).code]).toEqual([403, 'internal_only']);
  const noStore = await fx.call('/api/admin/settings/shipping', {
    ctx: { actor: { kind: 'staff', id: 's' } },
  });
  expect([noStore.status, (await json(noStore)).code]).toEqual([404, 'store_not_found']);
});
