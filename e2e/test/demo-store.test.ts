import { waitFor } from '@fleet/testing';
import { frontDoor, ok, startHostPlatform, type ProcessPlatform } from './process-platform';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { DEMO_OWNER, seedDemoStore } = require('../../scripts/seed') as {
  DEMO_OWNER: { email: string; password: string };
  seedDemoStore(
    env: Record<string, string>,
    log: (line: string) => void,
  ): Promise<{ id: string; hosts: string[] }>;
};

/**
 * What `npm start` gives a fresh machine: the seeded `acme` store, on which a shopper can buy at
 * once through the gateway (offline payments): products -> cart -> checkout -> simulated payment
 * -> PLACED. The platform runs as `npm start` runs it (the host, two workers); the seed is the one
 * `npm start` calls.
 */
let platform: ProcessPlatform;
beforeAll(async () => {
  platform = await startHostPlatform(2);
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

  const { call, checkout, orderOf } = frontDoor(platform);
  const host = `${tenant.hosts[0]}:${platform.urlOf('gateway').split(':').pop()}`;
  const listed = await waitFor('the demo products with their stock', async () => {
    const list = ok(await call(host, '/api/store/products?limit=20')) as Listed;
    return list.items.length === 3 && list.items.every((p) => p.variants[0]?.availableQuantity === 100)
      ? list
      : undefined;
  });
  const variantId = listed.items[0]?.variants[0]?.id as string;
  // The demo store stays in test mode: the storefront shows its banner, its orders are test orders.
  expect(ok(await call(host, '/api/store/info'))).toMatchObject({ testMode: true });

  const order = await checkout(host, variantId, 2);
  expect([order.status, order.payment.provider]).toEqual(['PENDING', 'offline']);
  ok(
    await call(host, `/api/store/payments/${order.payment.paymentId}/simulate`, {
      body: { outcome: 'succeeded' },
    }),
  );
  await waitFor('the order to be PLACED', async () => (await orderOf(host, order)).status === 'PLACED');
  expect(await orderOf(host, order)).toMatchObject({ test: true });

  // The demo owner `npm start` prints signs in to the store's admin (a browser session).
  const session = await call(host, '/api/admin/session', {
    body: DEMO_OWNER,
    headers: { 'x-csrf': '1' },
  });
  expect(session.status).toBe(200);
  expect(String(session.headers['set-cookie'])).toContain('HttpOnly');
}, 60_000);
