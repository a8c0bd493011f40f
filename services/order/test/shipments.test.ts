import type { ShipmentEventData, ShipmentStatus } from '@fleet/contracts';
import { createEnvelope, type EventEnvelope } from '@fleet/messaging';
import { checkingContract, waitFor } from '@fleet/testing';
import {
  guest,
  json,
  newTenant,
  orderBody,
  placeOrder,
  setStock,
  settled,
  simulate,
  staff,
  startPlatform,
  statusHistory,
  type CreatedOrder,
  type Platform,
} from './support/platform';

let p: Platform;

beforeAll(async () => {
  p = await startPlatform('ord_shipments');
}, 60_000);
afterAll(() => p.close());

const SHIPMENT_TYPES: Record<ShipmentStatus, string> = {
  CREATED: 'shipment.created',
  IN_TRANSIT: 'shipment.in_transit',
  DELIVERED: 'shipment.delivered',
  RETURNED: 'shipment.returned',
  LOST: 'shipment.lost',
};

/** What the shipment service publishes, as it publishes it (version = the shipment's). */
function shipmentEvent(
  tenantId: string,
  orderId: string,
  status: ShipmentStatus,
  version: number,
): EventEnvelope<ShipmentEventData> {
  return createEnvelope(
    { requestId: 'shipment-test', tenantId },
    {
      type: SHIPMENT_TYPES[status],
      aggregateId: `shp_${orderId}`,
      version,
      data: {
        shipmentId: `shp_${orderId}`,
        orderId,
        carrier: 'parcelpost',
        carrierName: 'ParcelPost',
        trackingNumber: 'PP473124829FL',
        trackingUrl: 'https://track.parcelpost.example/PP473124829FL',
        status,
        occurredAt: new Date(Date.now() + version).toISOString(),
      },
    },
  );
}

async function fulfilledOrder(tenant: string): Promise<CreatedOrder> {
  await setStock(p, tenant, 'var_s', 5);
  const order = await placeOrder(p, tenant, orderBody([['var_s', 1]]));
  await simulate(p, tenant, order.payment.paymentId, 'succeeded');
  await settled(p, tenant, order.orderId, 'PLACED');
  const res = await p.call(p.order.url, `/api/admin/orders/${order.orderId}/fulfill`, {
    ctx: staff(tenant),
    method: 'POST',
  });
  expect(res.status).toBe(200);
  return order;
}

const orderStatus = async (tenant: string, orderId: string) =>
  (await p.orderOwner('orders').where({ tenant_id: tenant, id: orderId }).first('status'))?.status as string;

test('the order follows its shipment: in transit -> SHIPPED, delivered -> DELIVERED, each event once', async () => {
  const tenant = newTenant();
  const order = await fulfilledOrder(tenant);
  const created = shipmentEvent(tenant, order.orderId, 'CREATED', 1);
  const inTransit = shipmentEvent(tenant, order.orderId, 'IN_TRANSIT', 2);
  await p.order.broker.publish(created);
  await p.order.broker.publish(inTransit);
  await p.order.broker.publish(inTransit); // a redelivery
  await waitFor('the order to ship', async () => (await orderStatus(tenant, order.orderId)) === 'SHIPPED');

  const shipped = await p.orderOwner('outbox').where({ tenant_id: tenant, type: 'order.shipped' });
  expect(shipped).toHaveLength(1);
  expect(shipped[0].envelope.data).toMatchObject({
    orderId: order.orderId,
    status: 'SHIPPED',
    carrier: 'ParcelPost',
    trackingNumber: 'PP473124829FL',
    trackingUrl: 'https://track.parcelpost.example/PP473124829FL',
  });

  await p.order.broker.publish(shipmentEvent(tenant, order.orderId, 'DELIVERED', 3));
  await waitFor('delivery', async () => (await orderStatus(tenant, order.orderId)) === 'DELIVERED');
  expect(await statusHistory(p, tenant, order.orderId)).toEqual([
    'PENDING',
    'PLACED',
    'FULFILLED',
    'SHIPPED',
    'DELIVERED',
  ]);
  expect(await p.orderOwner('outbox').where({ tenant_id: tenant, type: 'order.delivered' })).toHaveLength(1);

  const fx = checkingContract({ call: (path: string) => p.call(p.order.url, path, { ctx: guest(tenant) }) });
  const view = await json<{ shipments: unknown[] }>(
    await fx.call(`/api/store/orders/${order.orderId}?token=${order.orderToken}`),
  );
  expect(view.shipments).toEqual([
    {
      id: `shp_${order.orderId}`,
      carrier: 'parcelpost',
      carrierName: 'ParcelPost',
      trackingNumber: 'PP473124829FL',
      trackingUrl: 'https://track.parcelpost.example/PP473124829FL',
      status: 'DELIVERED',
      events: [
        { status: 'CREATED', at: created.data.occurredAt },
        { status: 'IN_TRANSIT', at: inTransit.data.occurredAt },
        { status: 'DELIVERED', at: expect.any(String) },
      ],
    },
  ]);
  const merchant = checkingContract({
    call: (path: string) => p.call(p.order.url, path, { ctx: staff(tenant) }),
  });
  const detail = await json<{ shipments: Array<{ status: string }> }>(
    await merchant.call(`/api/admin/orders/${order.orderId}`),
  );
  expect(detail.shipments.map((s) => s.status)).toEqual(['DELIVERED']);
});

test('delivered before in transit arrives: the order passes through SHIPPED; the late event changes nothing', async () => {
  const tenant = newTenant();
  const order = await fulfilledOrder(tenant);
  await p.order.broker.publish(shipmentEvent(tenant, order.orderId, 'DELIVERED', 3));
  await waitFor('delivery', async () => (await orderStatus(tenant, order.orderId)) === 'DELIVERED');
  await p.order.broker.publish(shipmentEvent(tenant, order.orderId, 'IN_TRANSIT', 2));
  await waitFor(
    'the late event to be applied',
    async () =>
      (await p.orderOwner('inbox').where({ tenant_id: tenant, consumer: 'order.shipments' })).length === 2,
  );
  expect(await orderStatus(tenant, order.orderId)).toBe('DELIVERED');
  const row = await p.orderOwner('order_shipments').where({ tenant_id: tenant }).first();
  expect(row).toMatchObject({ status: 'DELIVERED', version: 3 });
  expect(await statusHistory(p, tenant, order.orderId)).toEqual([
    'PENDING',
    'PLACED',
    'FULFILLED',
    'SHIPPED',
    'DELIVERED',
  ]);
});

test('the merchant’s /ship and /deliver still work; shipment events then leave the order as it is', async () => {
  const tenant = newTenant();
  const order = await fulfilledOrder(tenant);
  const ship = await p.call(p.order.url, `/api/admin/orders/${order.orderId}/ship`, {
    ctx: staff(tenant),
    body: { carrier: 'DHL', trackingNumber: '1Z999' },
  });
  expect(await json(ship)).toMatchObject({ status: 'SHIPPED', carrier: 'DHL' });
  await p.order.broker.publish(shipmentEvent(tenant, order.orderId, 'IN_TRANSIT', 2));
  await waitFor(
    'the event to be applied',
    async () => (await p.orderOwner('order_shipments').where({ tenant_id: tenant })).length === 1,
  );
  expect(await p.orderOwner('outbox').where({ tenant_id: tenant, type: 'order.shipped' })).toHaveLength(1);
  const deliver = await p.call(p.order.url, `/api/admin/orders/${order.orderId}/deliver`, {
    ctx: staff(tenant),
    method: 'POST',
  });
  expect(await json(deliver)).toMatchObject({ status: 'DELIVERED' });
});

test("another store's shipment events never touch this store's order", async () => {
  const tenant = newTenant();
  const other = newTenant();
  const order = await fulfilledOrder(tenant);
  await p.order.broker.publish(shipmentEvent(other, order.orderId, 'DELIVERED', 3));
  await waitFor(
    'the event to be consumed',
    async () =>
      (await p.orderOwner('inbox').where({ tenant_id: other, consumer: 'order.shipments' })).length === 1,
  );
  expect(await orderStatus(tenant, order.orderId)).toBe('FULFILLED');
  expect(await p.orderOwner('order_shipments').where({ tenant_id: tenant })).toEqual([]);
  const view = await json<{ shipments: unknown[] }>(
    await p.call(p.order.url, `/api/store/orders/${order.orderId}?token=${order.orderToken}`, {
      ctx: guest(tenant),
    }),
  );
  expect(view.shipments).toEqual([]);
});
