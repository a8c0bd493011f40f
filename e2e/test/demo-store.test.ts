import { randomUUID } from 'node:crypto';
import { waitFor } from '@fleet/testing';
import { frontDoor, ok, startProcessPlatform, type ProcessPlatform } from './process-platform';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { seedDemoStore } = require('../../scripts/seed') as {
  seedDemoStore(
    env: Record<string, string>,
    log: (line: string) => void,
  ): Promise<{ id: string; hosts: string[] }>;
};

/**
 * What `npm start` gives a fresh machine: the seeded `acme` store, on which a shopper can buy at
 * once through the gateway (offline payments): products -> cart -> checkout -> simulated payment
 * -> PLACED. The platform runs as `npm start` runs it; the seed is the one `npm start` calls.
 */
let platform: ProcessPlatform;
beforeAll(async () => {
  platform = await startProcessPlatform();
}, 120_000);
afterAll(async () => {
  await platform?.stop();
});

interface Listed {
  items: Array<{ id: string; title: string; variants: Array<{ id: string; availableQuantity: number }> }>;
}

test('the seeded demo store sells through the whole buying path, and seeding twice adds nothing', async () => {
  const env = platform.env('gateway');
  const lines: string[] = [];
  const tenant = await seedDemoStore(env, (line) => lines.push(line));
  expect((await seedDemoStore(env, (line) => lines.push(line))).id).toBe(tenant.id);
  expect(lines[0]).toMatch(/with 3 products$/);
  expect(lines[1]).not.toMatch(/products/);

  const { call } = frontDoor(platform);
  const host = `${tenant.hosts[0]}:${platform.urlOf('gateway').split(':').pop()}`;
  const listed = await waitFor('the demo products with their stock', async () => {
    const list = ok(await call(host, '/api/store/products?limit=20')) as Listed;
    return list.items.length === 3 && list.items.every((p) => p.variants[0]?.availableQuantity === 100)
      ? list
      : undefined;
  });
  const variantId = listed.items[0]?.variants[0]?.id as string;

  const cart = ok(await call(host, '/api/store/carts', { method: 'POST' }), 201) as { id: string };
  ok(await call(host, `/api/store/carts/${cart.id}/items`, { body: { variantId, quantity: 2 } }));
  const order = ok(
    await call(host, '/api/store/checkout', {
      body: {
        cartId: cart.id,
        email: 'shopper@example.com',
        shippingAddress: {
          name: 'Ada',
          line1: '1 Main St',
          city: 'Springfield',
          postalCode: '12345',
          country: 'US',
        },
      },
      headers: { 'idempotency-key': randomUUID() },
    }),
    201,
  ) as {
    orderId: string;
    orderToken: string;
    status: string;
    payment: { provider: string; paymentId: string };
  };
  expect([order.status, order.payment.provider]).toEqual(['PENDING', 'offline']);
  ok(
    await call(host, `/api/store/payments/${order.payment.paymentId}/simulate`, {
      body: { outcome: 'succeeded' },
    }),
  );
  await waitFor('the order to be PLACED', async () => {
    const seen = ok(await call(host, `/api/store/orders/${order.orderId}?token=${order.orderToken}`)) as {
      status: string;
    };
    return seen.status === 'PLACED';
  });
}, 60_000);
