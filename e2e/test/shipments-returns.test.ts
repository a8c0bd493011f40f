import { randomUUID } from 'node:crypto';
import { waitFor } from '@fleet/testing';
import {
  frontDoor,
  ok,
  startProcessPlatform,
  type Checkout,
  type ProcessPlatform,
  type Store,
} from './process-platform';

type FrontDoor = ReturnType<typeof frontDoor>;

/**
 * Issue 17's shipments and returns through the front door (the platform as `npm start` runs it,
 * shipment included): the store's carrier quotes checkout's shipping, fulfilment creates the
 * shipment, the merchant's tracking moves the order, and a return is refunded and restocked.
 */
let platform: ProcessPlatform;
let call: FrontDoor['call'];
let signUp: FrontDoor['signUp'];
let asOwner: FrontDoor['asOwner'];
let checkout: FrontDoor['checkout'];
let orderOf: FrontDoor['orderOf'];
let fulfil: FrontDoor['fulfil'];

beforeAll(async () => {
  platform = await startProcessPlatform();
  ({ call, signUp, asOwner, checkout, orderOf, fulfil } = frontDoor(platform));
}, 180_000);
afterAll(async () => {
  await platform?.stop();
});

interface Shipment {
  id: string;
  status: string;
  trackingNumber: string;
  carrier: string;
}

async function stockedVariant(store: Store): Promise<{ variantId: string; productId: string }> {
  const product = ok(
    await asOwner(store, '/api/admin/products', {
      body: {
        title: 'Oak Stool',
        description: 'Three legs.',
        categoryIds: [],
        variants: [
          { sku: `STOOL-${randomUUID().slice(0, 8)}`, title: 'One', price: 4_000, currency: 'USD', stock: 9 },
        ],
      },
    }),
    201,
  ) as { id: string; variants: Array<{ id: string }> };
  return { variantId: product.variants[0]!.id, productId: product.id };
}

const statusIs = (store: Store, c: Checkout, status: string) =>
  waitFor(
    `the order to be ${status}`,
    async () => ((await orderOf(store.host, c)).status === status ? true : undefined),
    {
      timeoutMs: 20_000,
    },
  );

test('carrier quote, shipment from fulfilment, tracking moves the order, a return is refunded and restocked', async () => {
  const store = await signUp(`ship-${randomUUID().slice(0, 8)}`);
  const other = await signUp(`ship-${randomUUID().slice(0, 8)}`);
  ok(
    await asOwner(store, '/api/admin/settings/shipping', { method: 'PUT', body: { carrier: 'parcelpost' } }),
  );
  const { variantId, productId } = await stockedVariant(store);

  const c = await checkout(store.host, variantId, 2); // to India: ParcelPost's world zone
  const order = ok(await asOwner(store, `/api/admin/orders/${c.orderId}`)) as {
    shipping: number;
    subtotal: number;
  };
  expect(order).toMatchObject({ subtotal: 8_000, shipping: 1_900 + 2 * 250 });

  ok(
    await call(store.host, `/api/store/payments/${c.payment.paymentId}/simulate`, {
      body: { outcome: 'succeeded' },
    }),
  );
  await statusIs(store, c, 'PLACED');
  await fulfil(store, c.orderId);
  const shipment = await waitFor(
    'the shipment',
    async () =>
      (ok(await asOwner(store, `/api/admin/shipments?orderId=${c.orderId}`)) as { items: Shipment[] })
        .items[0],
    { timeoutMs: 20_000 },
  );
  expect(shipment).toMatchObject({ carrier: 'parcelpost', status: 'CREATED' });
  expect(shipment.trackingNumber).toMatch(/^PP[0-9]{9}FL$/);

  // another store sees none of it
  expect((await asOwner(other, `/api/admin/shipments/${shipment.id}`)).status).toBe(404);
  expect(ok(await asOwner(other, '/api/admin/shipments'))).toEqual({ items: [], nextCursor: null });

  ok(await asOwner(store, `/api/admin/shipments/${shipment.id}/status`, { body: { status: 'IN_TRANSIT' } }));
  await statusIs(store, c, 'SHIPPED');
  ok(await asOwner(store, `/api/admin/shipments/${shipment.id}/status`, { body: { status: 'DELIVERED' } }));
  await statusIs(store, c, 'DELIVERED');
  const seen = ok(await call(store.host, `/api/store/orders/${c.orderId}?token=${c.orderToken}`)) as {
    shipments: Array<{ trackingNumber: string; status: string; trackingUrl: string }>;
  };
  expect(seen.shipments).toEqual([
    expect.objectContaining({ trackingNumber: shipment.trackingNumber, status: 'DELIVERED' }),
  ]);

  const ret = ok(
    await call(store.host, `/api/store/orders/${c.orderId}/returns?token=${c.orderToken}`, {
      body: { lines: [{ variantId, quantity: 1 }], reason: 'wobbly' },
    }),
    201,
  ) as { id: string };
  expect((await asOwner(other, `/api/admin/returns/${ret.id}/accept`, { body: {} })).status).toBe(404);
  ok(await asOwner(store, `/api/admin/returns/${ret.id}/accept`, { body: {} }));
  ok(await asOwner(store, `/api/admin/returns/${ret.id}/receive`, { body: { restock: true } }));
  const refunded = ok(await asOwner(store, `/api/admin/returns/${ret.id}/refund`, { body: {} })) as {
    refundAmount: number;
    status: string;
  };
  expect(refunded).toMatchObject({ status: 'REFUNDED', refundAmount: 4_000 });
  await statusIs(store, c, 'PARTIALLY_RETURNED');
  await waitFor(
    'the unit back in stock',
    async () => {
      const levels = ok(await asOwner(store, `/api/admin/inventory?productId=${productId}`)) as {
        items: Array<{ onHand: number }>;
      };
      return levels.items[0]?.onHand === 8 ? true : undefined;
    },
    { timeoutMs: 20_000 },
  );
  await waitFor(
    'the refund on the order',
    async () =>
      (ok(await asOwner(store, `/api/admin/orders/${c.orderId}`)) as { refundedAmount: number })
        .refundedAmount === 4_000
        ? true
        : undefined,
    { timeoutMs: 20_000 },
  );
}, 180_000);
