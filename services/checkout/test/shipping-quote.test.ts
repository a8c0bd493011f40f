import { randomUUID } from 'node:crypto';
import { startPlatform, type Platform } from './platform-fixture';
import {
  checkoutBody,
  fillCart,
  guestOf,
  openStore,
  ordersOf,
  postCheckout,
  staffOf,
  stockOf,
  stockProduct,
  type Problem,
} from './shop';

let p: Platform;
beforeAll(async () => {
  p = await startPlatform('chk_shipping');
}, 60_000);
afterAll(() => p.close());

async function chooseCarrier(tenant: string, carrier: string): Promise<void> {
  const res = await p.shipment.call('/api/admin/settings/shipping', {
    method: 'PUT',
    body: { carrier },
    ctx: staffOf(tenant),
  });
  expect(res.status).toBe(200);
}

async function checkout(tenant: string, lines: Array<[string, number]>, country: string) {
  const cartId = await fillCart(p, tenant, lines);
  const body = checkoutBody(cartId);
  const res = await postCheckout(
    p,
    tenant,
    { ...body, shippingAddress: { ...body.shippingAddress, country } },
    randomUUID(),
  );
  expect(res.status).toBe(201);
  const placed = (await res.json()) as { orderId: string; orderToken: string; total: number };
  const order = await p.order.call(`/api/store/orders/${placed.orderId}?token=${placed.orderToken}`, {
    ctx: guestOf(tenant),
  });
  return (await order.json()) as { subtotal: number; shipping: number; tax: number; total: number };
}

test('the store’s carrier quotes the shipping: flat by default, then the chosen carrier’s table', async () => {
  const tenant = await openStore(p, { shippingFlatRate: 650, taxRateBps: 1000 });
  const [mug] = (await stockProduct(p, tenant, [{ price: 1200, stock: 50 }])).variantIds as [string];

  expect(await checkout(tenant, [[mug, 3]], 'US')).toEqual(
    expect.objectContaining({ subtotal: 3600, shipping: 650, tax: 360, total: 3600 + 650 + 360 }),
  );

  await chooseCarrier(tenant, 'parcelpost');
  expect(await checkout(tenant, [[mug, 3]], 'DE')).toEqual(
    expect.objectContaining({ subtotal: 3600, shipping: 1200 + 3 * 150, total: 3600 + 1650 + 360 }),
  );

  await chooseCarrier(tenant, 'swiftship');
  expect(await checkout(tenant, [[mug, 9]], 'US')).toMatchObject({ subtotal: 10_800, shipping: 0 });
  expect(await checkout(tenant, [[mug, 1]], 'JP')).toMatchObject({ shipping: 2400 });
});

test('without an answer from shipment the checkout is a 503 and nothing is ordered or reserved', async () => {
  const tenant = await openStore(p, { shippingFlatRate: 500, taxRateBps: 0 });
  const [mug] = (await stockProduct(p, tenant, [{ price: 1000, stock: 5 }])).variantIds as [string];
  const cartId = await fillCart(p, tenant, [[mug, 1]]);
  const broken = await p.startCheckout({ shipmentUrl: 'http://127.0.0.1:9' });
  const key = randomUUID();
  const down = await postCheckout(p, tenant, checkoutBody(cartId), key, guestOf(tenant), broken);
  expect(down.status).toBe(503);
  expect(((await down.json()) as Problem).code).toBe('shipment_unavailable');
  expect(await ordersOf(p, tenant)).toEqual([]);
  expect(await stockOf(p, tenant, mug)).toMatchObject({ onHand: 5, reserved: 0 });

  const retried = await postCheckout(p, tenant, checkoutBody(cartId), key);
  expect(retried.status).toBe(201);
});
