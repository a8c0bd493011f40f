import { randomUUID } from 'node:crypto';
import { createDb } from '@fleet/db';
import { createRegistryClient } from '@fleet/tenancy';
import { requestAs, waitFor } from '@fleet/testing';
import { frontDoor, ok, startHostPlatform, type ProcessPlatform, type Store } from './process-platform';
import { seedProduct, Shopper, type SeededProduct } from './storefront-support';

/**
 * The storefront through the gateway, the platform as `npm start` runs it (the host): pages,
 * isolation between stores, CSRF, the 404 and 503 pages, template overrides, the page cache and
 * SEO. The browser journeys are in storefront-browser.test.ts.
 */
let platform: ProcessPlatform;
let fd: ReturnType<typeof frontDoor>;
let a: Store;
let b: Store;
let lamp: SeededProduct;
let chair: SeededProduct;

beforeAll(async () => {
  platform = await startHostPlatform(1);
  fd = frontDoor(platform);
  // One after the other: two password hashes at once outlast tenancy's 5 s wait for identity
  // on a loaded 2-core machine (about 4.3 s each at load 20).
  a = await fd.signUp('pages-a');
  b = await fd.signUp('pages-b');
  [lamp, chair] = await Promise.all([
    seedProduct(platform, a, 'Aurora Lantern'),
    seedProduct(platform, b, 'Borealis Chair'),
  ]);
}, 180_000);
afterAll(async () => {
  await platform?.stop();
}, 120_000);

const shopper = (store: Store) => new Shopper(fd.gateway, store.host);
const owner = (store: Store) => ({ authorization: `Bearer ${store.token}` });

test("each store shows its own products, never another store's", async () => {
  const [homeA, homeB] = await Promise.all([shopper(a).get('/'), shopper(b).get('/')]);
  expect(homeA.status).toBe(200);
  expect(homeA.text).toContain('Aurora Lantern');
  expect(homeA.text).not.toContain('Borealis Chair');
  expect(homeB.text).toContain('Borealis Chair');
  expect(homeB.text).not.toContain('Aurora Lantern');
  const foreign = await shopper(b).get(`/products/${lamp.slug}`);
  expect(foreign.status).toBe(404);
  expect(foreign.text).toContain('Product not found');
  const byId = await shopper(b).get(`/products/${lamp.id}`);
  expect(byId.status).toBe(404);
  const search = await shopper(b).get('/search?q=aurora');
  expect(search.text).not.toContain('Aurora Lantern');
});

test('the product page: variants as radios, compare-at price, schema.org JSON-LD, canonical URL on the store host', async () => {
  const page = await shopper(a).get(`/products/${lamp.slug}?variant=${lamp.variants[1]?.id}`);
  expect(page.status).toBe(200);
  expect(page.text).toContain(`<link rel="canonical" href="http://${a.host}/products/${lamp.slug}">`);
  expect(page.text).toMatch(/<input type="radio" name="variantId" value="[^"]+"[^>]* checked/);
  expect(page.text).toContain('$59.00');
  expect(page.text).toContain('$75.00');
  const ld = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(page.text)?.[1] ?? '{}');
  expect(ld).toMatchObject({ '@type': 'Product', name: 'Aurora Lantern' });
  expect(ld.offers).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ '@type': 'Offer', price: '59.00', priceCurrency: 'USD' }),
    ]),
  );
});

test('robots.txt and sitemap.xml per store, on its own host', async () => {
  const robots = await shopper(a).get('/robots.txt');
  expect(robots.text).toContain(`Sitemap: http://${a.host}/sitemap.xml`);
  const sitemap = await shopper(a).get('/sitemap.xml');
  expect(sitemap.headers['content-type']).toContain('application/xml');
  expect(sitemap.text).toContain(`http://${a.host}/products/${lamp.slug}`);
  expect(sitemap.text).not.toContain(chair.slug);
});

test('a category page filters by price and availability and sorts; a bad price is explained', async () => {
  const s = shopper(a);
  const card = `href="/products/${lamp.slug}"`;
  const all = await s.get('/collections/all?sort=price_desc');
  expect(all.text).toContain(card);
  const cheap = await s.get('/collections/all?max=10');
  expect(cheap.text).not.toContain(card);
  const inStock = await s.get('/collections/all?min=30&available=true');
  expect(inStock.text).toContain(card);
  expect(cheap.text).toContain('No products match these filters.');
  const bad = await s.get('/collections/all?min=abc');
  expect(bad.status).toBe(200);
  expect(bad.text).toContain('Enter prices as numbers');
  expect((await s.get('/collections/no-such-category')).status).toBe(404);
});

test('a category page pages by cursor: next and first page links, no product twice, paged URLs noindex; a garbled cursor shows the first page', async () => {
  const c = await fd.signUp('pages-c');
  const count = 14;
  for (let i = 0; i < count; i++) {
    const n = String(i).padStart(2, '0');
    ok(
      await fd.call(c.host, '/api/admin/products', {
        headers: owner(c),
        body: {
          title: `Paging item ${n}`,
          description: 'One of many.',
          variants: [
            { sku: `PAGE-${n}`, title: 'Default', price: 1_000 + i * 100, currency: 'USD', stock: 5 },
          ],
        },
      }),
      201,
    );
  }
  const s = shopper(c);
  const slugs = (html: string) =>
    [...html.matchAll(/href="\/products\/(paging-item-\d+)"/g)].map((m) => m[1]);
  const link = (html: string, rel: string) =>
    new RegExp(
      `href="([^"]+)"${rel === 'next' ? ' rel="next"' : ''}>${rel === 'next' ? 'Next page' : 'First page'}<`,
    )
      .exec(html)?.[1]
      ?.replaceAll('&amp;', '&');

  const first = await s.get('/collections/all?sort=price_asc');
  expect(first.status).toBe(200);
  const firstSlugs = slugs(first.text);
  expect(firstSlugs).toEqual(
    Array.from({ length: 12 }, (_, i) => `paging-item-${String(i).padStart(2, '0')}`),
  );
  expect(link(first.text, 'first')).toBeUndefined();
  const next = link(first.text, 'next') as string;
  expect(next).toMatch(/^\/collections\/all\?sort=price_asc&cursor=[\w-]+$/);

  const second = await s.get(next);
  expect(second.status).toBe(200);
  expect(slugs(second.text)).toEqual(['paging-item-12', 'paging-item-13']);
  expect(link(second.text, 'next')).toBeUndefined();
  expect(link(second.text, 'first')).toBe('/collections/all?sort=price_asc');
  expect(second.text).toContain('<meta name="robots" content="noindex, follow">');
  expect(second.text).toContain(`<link rel="canonical" href="http://${c.host}/collections/all">`);

  // Another store's host with this cursor shows that store's products only.
  const elsewhere = await shopper(a).get(next);
  expect(elsewhere.status).toBe(200);
  expect(slugs(elsewhere.text)).toEqual([]);

  // A cursor catalog refuses is a stale link: the first page, no price error.
  for (const bad of ['garbled', `${next.split('cursor=')[1]}x`]) {
    const stale = await s.get(`/collections/all?sort=price_asc&cursor=${bad}`);
    expect(stale.status).toBe(200);
    expect(slugs(stale.text)).toEqual(firstSlugs);
    expect(stale.text).not.toContain('Enter prices as numbers');
    expect(stale.text).toContain('<meta name="robots" content="noindex, follow">');
  }
}, 120_000);

test('a form post a browser marks as cross-origin is refused, another store on the platform included', async () => {
  const variantId = lamp.variants[0]?.id as string;
  const s = shopper(a);
  const page = await s.get(`/products/${lamp.slug}`);
  // A visitor's page is the same for everyone: no token in it, no cookie minted by a GET.
  expect(page.headers['set-cookie']).toBeUndefined();
  expect(s.csrf()).toBe('');
  const forgeries: Array<Record<string, string>> = [
    { 'sec-fetch-site': 'cross-site' },
    { 'sec-fetch-site': 'same-site', origin: `http://${b.host}` },
    { origin: 'http://evil.example' },
    { origin: `http://${b.host}` },
    { origin: 'null' },
  ];
  for (const headers of forgeries) {
    const forged = await s.post('/cart/add', { variantId, quantity: '1' }, headers);
    expect([headers, forged.status]).toEqual([headers, 403]);
    expect(forged.headers['set-cookie']).toBeUndefined();
  }
  expect(s.cookie('sf_cart')).toBeUndefined();
  // The same post from this origin, as a browser sends it, needs no token.
  const browser = await shopper(a).post(
    '/cart/add',
    { variantId, quantity: '1' },
    {
      'sec-fetch-site': 'same-origin',
      origin: `http://${a.host}`,
    },
  );
  expect([browser.status, browser.headers.location]).toEqual([303, '/cart']);
  const byOrigin = await shopper(a).post(
    '/cart/add',
    { variantId, quantity: '1' },
    { origin: `http://${a.host}` },
  );
  expect(byOrigin.status).toBe(303);
});

test("a shopper with a session must send its own session's CSRF token when no browser header vouches for the post", async () => {
  const s = shopper(a);
  await s.get(`/products/${lamp.slug}`);
  const variantId = lamp.variants[0]?.id as string;
  // The first post of a visitor without cookies starts the session (and the cart).
  const first = await s.post('/cart/add', { variantId, quantity: '1' });
  expect([first.status, first.headers.location]).toEqual([303, '/cart']);
  expect(s.cookie('sf_sid')).toBeDefined();
  await s.get(`/products/${lamp.slug}`);
  expect(s.csrf()).not.toBe('');
  const none = await s.post('/cart/add', { _csrf: '', variantId, quantity: '1' });
  expect(none.status).toBe(403);
  const other = shopper(a);
  await other.post('/cart/add', { variantId, quantity: '1' });
  await other.get(`/products/${lamp.slug}`);
  expect(other.csrf()).not.toBe('');
  const stolen = await s.post('/cart/add', { _csrf: other.csrf(), variantId, quantity: '1' });
  expect(stolen.status).toBe(403);
  // And a cross-origin post is refused even with the right token.
  await s.get(`/products/${lamp.slug}`);
  const crossWithToken = await s.post(
    '/cart/add',
    { variantId, quantity: '1' },
    { 'sec-fetch-site': 'cross-site' },
  );
  expect(crossWithToken.status).toBe(403);
  expect((await s.get('/cart')).text).toContain('$39.00');
  await s.get(`/products/${lamp.slug}`);
  const good = await s.post('/cart/add', { variantId, quantity: '1' });
  expect([good.status, good.headers.location]).toEqual([303, '/cart']);
  const setCookie = ([] as string[])
    .concat(good.headers['set-cookie'] ?? [])
    .find((c) => c.startsWith('sf_cart='));
  expect(setCookie).toMatch(/; Path=\/; HttpOnly; SameSite=Lax/);
  expect(setCookie).not.toMatch(/Domain=/i);
  const cart = await s.get('/cart');
  expect(cart.text).toContain('Aurora Lantern');
  expect(cart.text).toContain('$78.00');
  // A cookie from one store means nothing on another.
  const cookies = s.cookie('sf_cart') as string;
  const thief = shopper(b);
  await thief.get('/');
  (thief as unknown as { cookies: Map<string, string> }).cookies.set('sf_cart', cookies);
  expect((await thief.get('/cart')).text).toContain('Your cart is empty.');
});

test('a host with no store and a missing page get friendly 404 pages', async () => {
  const unknown = await new Shopper(fd.gateway, `nobody-${randomUUID().slice(0, 6)}.localhost`).get('/');
  expect(unknown.status).toBe(404);
  expect(unknown.headers['content-type']).toContain('text/html');
  expect(unknown.text).toContain('There is no store here');
  const missing = await shopper(a).get('/no/such/page');
  expect(missing.status).toBe(404);
  expect(missing.text).toContain('Page not found');
});

test('template overrides: validated on save, shown at once, never breaking the shop, one store only', async () => {
  const path = '/api/admin/theme/templates/index';
  const broken = await fd.call(a.host, path, {
    method: 'PUT',
    headers: owner(a),
    body: { source: '{% if %}' },
  });
  expect(broken.status).toBe(422);
  expect(broken.json()).toMatchObject({ code: 'template_invalid' });
  const unknownFilter = await fd.call(a.host, path, {
    method: 'PUT',
    headers: owner(a),
    body: { source: '{{ shop.name | exec }}' },
  });
  expect(unknownFilter.status).toBe(422);
  // An API path with no template name is an API miss, answered as problem+json, not a page.
  const nameless = await fd.call(a.host, '/api/admin/theme/templates/', {
    method: 'PUT',
    headers: owner(a),
    body: { source: 'x' },
  });
  expect(nameless.status).toBe(404);
  expect(nameless.headers['content-type']).toContain('application/problem+json');
  const shopperToken = await fd.call(b.host, path, { method: 'PUT', body: { source: 'x' } });
  expect(shopperToken.status).toBe(401);
  const crossStore = await fd.call(b.host, path, { method: 'PUT', headers: owner(a), body: { source: 'x' } });
  expect(crossStore.status).toBe(403);

  const marker = `Only-in-A-${randomUUID().slice(0, 8)}`;
  ok(
    await fd.call(a.host, path, { method: 'PUT', headers: owner(a), body: { source: `<h1>${marker}</h1>` } }),
  );
  expect((await shopper(a).get('/')).text).toContain(marker);
  expect((await shopper(b).get('/')).text).not.toContain(marker);
  expect(ok(await fd.call(a.host, path, { headers: owner(a) }))).toMatchObject({
    overridden: true,
    lastError: null,
  });
  expect(ok(await fd.call(b.host, path, { headers: owner(b) }))).toMatchObject({ overridden: false });

  const removed = await fd.call(a.host, path, { method: 'DELETE', headers: owner(a) });
  expect(removed.status).toBe(204);
  expect((await shopper(a).get('/')).text).not.toContain(marker);
});

test('an override that fails for shoppers (saved before a theme change) falls back to the default, and the admin sees why', async () => {
  const store = await fd.signUp(`pages-c-${randomUUID().slice(0, 4)}`);
  const tenant = await tenantOf(store);
  const db = createDb({ url: platform.databaseUrl('storefront') });
  try {
    await db.query('INSERT INTO theme_templates (tenant_id, file, source) VALUES ($1, $2, $3)', [
      tenant,
      'templates/index.liquid',
      "{% render 'snippet-removed-in-an-update' %}",
    ]);
  } finally {
    await db.close();
  }
  const home = await shopper(store).get('/');
  expect(home.status).toBe(200);
  expect(home.text).toContain('Featured products');
  const read = await waitFor('the render error on the override', async () => {
    const body = ok(
      await fd.call(store.host, '/api/admin/theme/templates/index', { headers: owner(store) }),
    ) as {
      lastError: string | null;
    };
    return body.lastError ? body : undefined;
  });
  expect(read.lastError).toContain('snippet-removed-in-an-update');
});

test('catalog pages are cached per store and follow the catalog stamp', async () => {
  const path = `/products/${lamp.slug}`;
  // A visitor without cookies: the gateway keeps the page (and gzips it once).
  await shopper(a).get(path);
  const again = await shopper(a).get(path);
  expect(again.headers['x-cache']).toBe('HIT');
  expect(again.headers['cache-control']).toBe('no-cache');
  expect(again.text).toContain('Aurora Lantern');
  const zipped = await requestAs(a.host, `${fd.gateway}${path}`, { headers: { 'accept-encoding': 'gzip' } });
  expect([zipped.headers['x-cache'], zipped.headers['content-encoding']]).toEqual(['HIT', 'gzip']);
  // A shopper with a cart: the storefront's own page cache, the count filled in.
  const s = shopper(a);
  await s.post('/cart/add', { variantId: lamp.variants[0]?.id as string, quantity: '3' });
  await s.get(path);
  const mine = await s.get(path);
  // A request with a cookie is not looked up in the gateway's cache at all.
  expect([mine.headers['x-cache'], mine.headers['x-page-cache']]).toEqual([undefined, 'HIT']);
  expect(mine.headers['cache-control']).toBe('private, no-cache');
  expect(mine.text).toContain('aria-label="items in cart">3<');
  // The same path on another store is that store's page.
  expect((await shopper(b).get(path)).status).toBe(404);
  ok(
    await fd.call(a.host, `/api/admin/products/${lamp.id}`, {
      method: 'PATCH',
      headers: owner(a),
      body: { title: 'Aurora Lantern Deluxe' },
    }),
  );
  // The shopper's first: the visitor's render would fill the storefront's cache for both.
  const withCart = await s.get(path);
  const anonymous = await shopper(a).get(path);
  expect([anonymous.headers['x-cache'], withCart.headers['x-page-cache']]).toEqual(['MISS', 'MISS']);
  expect(anonymous.text).toContain('Aurora Lantern Deluxe');
  expect(withCart.text).toContain('Aurora Lantern Deluxe');
  // A settings change (tenancy renews the store stamp) shows on the next request as well.
  const name = `Store A ${randomUUID().slice(0, 6)}`;
  ok(
    await fd.call(a.host, '/api/admin/settings/store', {
      method: 'PATCH',
      headers: owner(a),
      body: { name },
    }),
  );
  expect((await shopper(a).get(path)).text).toContain(name);
});

test('a suspended store shows the unavailable page with 503', async () => {
  const store = await fd.signUp(`pages-s-${randomUUID().slice(0, 4)}`);
  const env = platform.env('gateway');
  const registry = createRegistryClient({
    baseUrl: env.TENANCY_URL as string,
    signingKey: env.INTERNAL_SIGNING_KEY as string,
    caller: 'test',
  });
  await registry.setStatus(await tenantOf(store), 'suspend');
  const page = await waitFor('the 503 page', async () => {
    const res = await shopper(store).get('/');
    return res.status === 503 ? res : undefined;
  });
  expect(page.headers['content-type']).toContain('text/html');
  expect(page.text).toContain('temporarily unavailable');
});

test("a merchant's collection: featured on the home and listed at its handle at once, through both page caches; one store only", async () => {
  const featured = (html: string) => html.slice(html.indexOf('<h2 id="featured-title"'));
  await shopper(a).get('/');
  expect(featured((await shopper(a).get('/')).text)).toContain('Featured products</h2>');
  const lights = ok(
    await fd.call(a.host, '/api/admin/collections', { headers: owner(a), body: { title: 'Night lights' } }),
    201,
  ) as { id: string; slug: string };
  ok(
    await fd.call(a.host, `/api/admin/products/${lamp.id}`, {
      method: 'PATCH',
      headers: owner(a),
      body: { collectionIds: [lights.id] },
    }),
  );
  const home = await shopper(a).get('/');
  expect(home.headers['x-cache']).toBe('MISS');
  expect(featured(home.text)).toContain('<h2 id="featured-title">Night lights</h2>');
  expect(featured(home.text)).toContain(`href="/products/${lamp.slug}"`);
  const list = await shopper(a).get(`/collections/${lights.slug}`);
  expect(list.text).toContain('<h1>Night lights</h1>');
  expect(list.text).toContain(`href="/products/${lamp.slug}"`);
  expect((await shopper(b).get(`/collections/${lights.slug}`)).status).toBe(404);

  // The merchant features another collection (a store setting): the home follows the store stamp.
  const second = ok(
    await fd.call(a.host, '/api/admin/collections', { headers: owner(a), body: { title: 'Gift ideas' } }),
    201,
  ) as { id: string; slug: string };
  ok(
    await fd.call(a.host, `/api/admin/products/${lamp.id}`, {
      method: 'PATCH',
      headers: owner(a),
      body: { collectionIds: [lights.id, second.id] },
    }),
  );
  ok(
    await fd.call(a.host, '/api/admin/settings/store', {
      method: 'PATCH',
      headers: owner(a),
      body: { theme: { featuredCollection: second.slug } },
    }),
  );
  expect(featured((await shopper(a).get('/')).text)).toContain('<h2 id="featured-title">Gift ideas</h2>');
});

async function tenantOf(store: Store): Promise<string> {
  const env = platform.env('gateway');
  const registry = createRegistryClient({
    baseUrl: env.TENANCY_URL as string,
    signingKey: env.INTERNAL_SIGNING_KEY as string,
    caller: 'test',
  });
  const snapshot = await registry.fetchByHost(store.host.split(':')[0] as string);
  if (!snapshot) throw new Error(`no tenant at ${store.host}`);
  return snapshot.id;
}
