import { randomUUID } from 'node:crypto';
import { waitFor } from '@fleet/testing';
import { frontDoor, ok, startHostPlatform, type ProcessPlatform } from './process-platform';
import { Shopper } from './storefront-support';

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
  items: Array<{
    id: string;
    slug: string;
    title: string;
    variants: Array<{ id: string; availableQuantity: number }>;
  }>;
}

test('the seeded demo store sells through the whole buying path, and seeding twice adds nothing', async () => {
  const env = platform.env('gateway');
  const lines: string[] = [];
  const tenant = await seedDemoStore(env, (line) => lines.push(line));
  expect((await seedDemoStore(env, (line) => lines.push(line))).id).toBe(tenant.id);
  expect(lines[0]).toMatch(/with 4 products$/);
  expect(lines[1]).not.toMatch(/products/);

  const { call, checkout, orderOf, gateway, signUp } = frontDoor(platform);
  const host = `${tenant.hosts[0]}:${platform.urlOf('gateway').split(':').pop()}`;
  const listed = await waitFor('the demo products with their stock', async () => {
    const list = ok(await call(host, '/api/store/products?limit=20')) as Listed;
    const stocked = list.items.flatMap((p) => p.variants).filter((v) => v.availableQuantity === 100);
    return list.items.length === 4 && stocked.length === 5 ? list : undefined;
  });
  const variantId = listed.items.flatMap((p) => p.variants).find((v) => v.availableQuantity === 100)
    ?.id as string;

  // The storefront shows the demo's categories, its collection and its variant picker (a size sold out).
  const shopper = new Shopper(gateway, host);
  const textiles = await shopper.get('/collections/textiles');
  expect(textiles.status).toBe(200);
  expect(textiles.text).toContain('Linen Shirt');
  expect(textiles.text).toContain('Wool Throw');
  expect(textiles.text).not.toContain('Walnut Desk');
  // The home features the "Staff picks" collection; its page lists exactly its three products, and
  // another store asking for that handle gets its own 404 page.
  const picks = ['Brass Lamp', 'Walnut Desk', 'Wool Throw'];
  const cards = (html: string) =>
    [...html.matchAll(/<h[23] class="card-title"><a href="[^"]+">([^<]+)<\/a>/g)].map((m) => m[1]).sort();
  const home = await shopper.get('/');
  const featured = home.text.slice(home.text.indexOf('<h2 id="featured-title"'));
  expect(featured).toContain('<h2 id="featured-title">Staff picks</h2>');
  expect(featured).toContain(
    '<a href="/collections/staff-picks" aria-describedby="featured-title">View all</a>',
  );
  expect(cards(featured)).toEqual(picks);
  const staffPicks = await shopper.get('/collections/staff-picks');
  expect(staffPicks.status).toBe(200);
  expect(staffPicks.text).toContain('<h1>Staff picks</h1>');
  expect(cards(staffPicks.text)).toEqual(picks);
  const other = await signUp(`demo-other-${randomUUID().slice(0, 6)}`);
  const foreign = await new Shopper(gateway, other.host).get('/collections/staff-picks');
  expect(foreign.status).toBe(404);
  expect(foreign.text).toContain('Collection not found');
  expect(foreign.text).not.toContain('Walnut Desk');

  const shirt = listed.items.find((p) => p.title === 'Linen Shirt');
  const picker = await shopper.get(`/products/${shirt?.slug}`);
  expect(picker.text.match(/<input type="radio" name="variantId"/g)).toHaveLength(3);
  expect(picker.text).toContain('$75.00');
  expect(picker.text).toContain('sold out');
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
}, 90_000);
