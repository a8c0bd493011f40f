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
const t = newTenant();

beforeAll(async () => {
  fx = checkingContract(await startShipment('shp_lifecycle'), { bodyPosts: true });
});
afterAll(() => fx.close());

interface View {
  id: string;
  orderId: string;
  carrier: string;
  trackingNumber: string;
  trackingUrl: string | null;
  status: string;
  events: Array<{ status: string; source: string }>;
}

async function shipmentOf(tenantId: string, orderId: string): Promise<View> {
  const page = await json<{ items: View[] }>(
    await admin(fx, tenantId, `/api/admin/shipments?orderId=${orderId}`),
  );
  expect(page.items).toHaveLength(1);
  return page.items[0]!;
}

test('the carrier setting defaults to flat and accepts only registered carriers', async () => {
  const first = await json(await admin(fx, t, '/api/admin/settings/shipping'));
  expect(first).toMatchObject({ carrier: 'flat' });
  expect((first.carriers as Array<{ name: string }>).map((c) => c.name)).toEqual([
    'flat',
    'parcelpost',
    'swiftship',
  ]);

  const unknown = await admin(fx, t, '/api/admin/settings/shipping', {
    method: 'PUT',
    body: { carrier: 'dhl' },
  });
  expect([unknown.status, (await json(unknown)).code]).toEqual([422, 'unknown_carrier']);
  const malformed = await admin(fx, t, '/api/admin/settings/shipping', {
    method: 'PUT',
    body: { carrier: 7 },
  });
  expect(malformed.status).toBe(400);
  expect(await json(await admin(fx, t, '/api/admin/settings/shipping'))).toMatchObject({ carrier: 'flat' });
  expect(await fx.rows('shipping_settings', t)).toEqual([]);
});

test('quotes come from the store’s carrier; flat is the store’s own rate', async () => {
  const parcel = { units: 3, subtotal: 4200, currency: 'USD', country: 'DE', shippingFlatRate: 599 };
  const flat = await json(await internal(fx, t, '/internal/shipping-quotes', parcel));
  expect(flat).toEqual({ carrier: 'flat', carrierName: 'Store delivery', amount: 599, currency: 'USD' });

  const other = newTenant();
  await admin(fx, other, '/api/admin/settings/shipping', { method: 'PUT', body: { carrier: 'parcelpost' } });
  const post = await json(await internal(fx, other, '/internal/shipping-quotes', parcel));
  expect(post).toMatchObject({ carrier: 'parcelpost', amount: 1200 + 3 * 150 });
  // the first store's choice is its own
  expect(await json(await internal(fx, t, '/internal/shipping-quotes', parcel))).toMatchObject({
    amount: 599,
  });

  const bad = await internal(fx, t, '/internal/shipping-quotes', { ...parcel, units: 0 });
  expect(bad.status).toBe(400);
});

test('order.fulfilled creates one shipment with the store’s carrier, however often it arrives', async () => {
  const store = newTenant();
  await admin(fx, store, '/api/admin/settings/shipping', { method: 'PUT', body: { carrier: 'swiftship' } });
  const orderId = newOrderId();
  const event = orderFulfilled(store, orderId);
  await fx.deliver(event);
  await fx.deliver(event); // a redelivery
  await fx.deliver(orderFulfilled(store, orderId)); // even a second event of the same order

  const shipment = await shipmentOf(store, orderId);
  expect(shipment).toMatchObject({
    carrier: 'swiftship',
    carrierName: 'SwiftShip Express',
    status: 'CREATED',
  });
  expect(shipment.trackingNumber).toMatch(/^SW[0-9]{12}$/);
  expect(shipment.trackingUrl).toContain(shipment.trackingNumber);
  expect(shipment.events).toEqual([expect.objectContaining({ status: 'CREATED', source: 'system' })]);

  const created = await fx.events(store, 'shipment.created');
  expect(created).toHaveLength(1);
  expect(created[0]).toMatchObject({
    aggregateId: shipment.id,
    version: 1,
    causationId: event.id,
    data: {
      shipmentId: shipment.id,
      orderId,
      carrier: 'swiftship',
      trackingNumber: shipment.trackingNumber,
      status: 'CREATED',
    },
  });
});

test('the merchant drives the lifecycle along the transition table, with tracking events', async () => {
  const orderId = newOrderId();
  await fx.deliver(orderFulfilled(t, orderId));
  const { id } = await shipmentOf(t, orderId);
  const move = (status: string, description?: string) =>
    admin(fx, t, `/api/admin/shipments/${id}/status`, { body: { status, description } });

  const early = await move('DELIVERED');
  expect([early.status, (await json(early)).code]).toEqual([409, 'invalid_transition']);
  expect((await move('SHIPPED')).status).toBe(400);

  const inTransit = await json<View>(await move('IN_TRANSIT', 'Handed to the courier at 9:00'));
  expect(inTransit.status).toBe('IN_TRANSIT');
  const delivered = await json<View>(await move('DELIVERED'));
  expect(delivered.status).toBe('DELIVERED');
  expect(delivered.events.map((e) => [e.status, e.source])).toEqual([
    ['CREATED', 'system'],
    ['IN_TRANSIT', 'merchant'],
    ['DELIVERED', 'merchant'],
  ]);
  expect((await move('LOST')).status).toBe(409);

  const published = (await fx.events(t)).filter((e) => e.aggregateId === id);
  expect(published.map((e) => [e.type, e.version])).toEqual([
    ['shipment.created', 1],
    ['shipment.in_transit', 2],
    ['shipment.delivered', 3],
  ]);
  expect(published[1]!.data).toMatchObject({ status: 'IN_TRANSIT', orderId, carrier: 'flat' });
  expect(await json(await admin(fx, t, `/api/admin/shipments/${id}`))).toEqual(delivered);
});

test('a lost parcel is final; unknown ids and bad filters are clear errors', async () => {
  const orderId = newOrderId();
  await fx.deliver(orderFulfilled(t, orderId));
  const { id } = await shipmentOf(t, orderId);
  const lost = await admin(fx, t, `/api/admin/shipments/${id}/status`, { body: { status: 'LOST' } });
  expect((await json<View>(lost)).status).toBe('LOST');
  const after = await admin(fx, t, `/api/admin/shipments/${id}/status`, { body: { status: 'IN_TRANSIT' } });
  expect(after.status).toBe(409);

  const missing = await admin(fx, t, '/api/admin/shipments/shp_nope');
  expect([missing.status, (await json(missing)).code]).toEqual([404, 'shipment_not_found']);
  expect((await admin(fx, t, '/api/admin/shipments?status=SHIPPED')).status).toBe(400);
  expect((await admin(fx, t, '/api/admin/shipments?cursor=garbage')).status).toBe(400);
});

test('the list pages newest first and filters by status', async () => {
  const store = newTenant();
  const orders = [newOrderId(), newOrderId(), newOrderId()];
  for (const orderId of orders) await fx.deliver(orderFulfilled(store, orderId));
  const first = await json<{ items: View[]; nextCursor: string }>(
    await admin(fx, store, '/api/admin/shipments?limit=2'),
  );
  expect(first.items).toHaveLength(2);
  const second = await json<{ items: View[]; nextCursor: string | null }>(
    await admin(fx, store, `/api/admin/shipments?limit=2&cursor=${first.nextCursor}`),
  );
  expect(second.nextCursor).toBeNull();
  expect([...first.items, ...second.items].map((s) => s.orderId).sort()).toEqual([...orders].sort());
  const created = await json<{ items: View[] }>(
    await admin(fx, store, '/api/admin/shipments?status=CREATED'),
  );
  expect(created.items).toHaveLength(3);
  const delivered = await json<{ items: View[] }>(
    await admin(fx, store, '/api/admin/shipments?status=DELIVERED'),
  );
  expect(delivered.items).toEqual([]);
});
