import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import {
  createApp as createCatalogApp,
  createCacheStamps as createCatalogStamps,
  migrations as catalogMigrations,
  relayTables as catalogRelayTables,
} from '@fleet/catalog';
import type { Actor } from '@fleet/context';
import { createDb, newId, type Db } from '@fleet/db';
import { startHttpServer, type RunningHttpServer } from '@fleet/http';
import { createLogger } from '@fleet/logger';
import { CONTEXT_HEADER, contextTarget, signContext } from '@fleet/tenancy';
import { createTestDatabase, createTestRedis, type TestDatabase, type TestRedis } from '@fleet/testing';
import { createStorefrontDeps, migrations, relayTables } from '../src';
import type { StorefrontDeps } from '../src/domain/storefront-deps';
import { themeSettings } from '../src/domain/theme-settings';
import { catalogRoutes } from '../src/http/catalog.routes';
import { seoRoutes } from '../src/http/seo.routes';
import { loadSession } from '../src/http/session';
import type { Shop } from '../src/http/shop';

/**
 * The home's featured collection and `/collections/{handle}` over HTTP, against the real catalog
 * in-process (its own database, its `catalog` stamp in Redis as in production). The shopper's
 * request stands in for what the gateway and tenancy give the storefront: the tenant (header
 * `x-test-tenant`) and the store's theme settings (`themes`).
 */
const SIGNING_KEY = 'test-signing-key-0123456789abcdef';
const NOWHERE = 'http://127.0.0.1:9';
const logger = createLogger({ service: 'storefront-test', level: 'silent' });
const themes = new Map<string, Record<string, unknown>>();

let redis: TestRedis;
let catalogData: TestDatabase;
let storefrontData: TestDatabase;
let catalogDb: Db;
let storefrontDb: Db;
let catalog: RunningHttpServer;
let deps: StorefrontDeps & { close(): Promise<void> };
let server: Server;
let base: string;

beforeAll(async () => {
  redis = await createTestRedis('sf_collections');
  catalogData = await createTestDatabase('sf_coll_catalog', {
    migrations: catalogMigrations,
    relayTables: catalogRelayTables,
  });
  storefrontData = await createTestDatabase('sf_coll', { migrations, relayTables });
  catalogDb = createDb({ url: catalogData.appUrl, max: 5 });
  storefrontDb = createDb({ url: storefrontData.appUrl, max: 2 });
  const stamps = createCatalogStamps(redis.client, redis.prefix, logger);
  catalog = await startHttpServer(
    createCatalogApp({ db: catalogDb, logger, stamps, signingKey: SIGNING_KEY, readiness: {} }),
    { port: 0, logger },
  );
  deps = createStorefrontDeps({
    logger,
    db: storefrontDb,
    redis: redis.client,
    redisPrefix: redis.prefix,
    signingKey: SIGNING_KEY,
    platformDomain: 'fleet.test',
    urls: {
      catalog: catalog.url,
      tenancy: NOWHERE,
      search: NOWHERE,
      cart: NOWHERE,
      checkout: NOWHERE,
      order: NOWHERE,
      identity: NOWHERE,
      payment: NOWHERE,
    },
  });
  const schema = JSON.parse(deps.themes.defaults.get('config/settings_schema.json') ?? '[]') as unknown;
  const app = express();
  app.use(async (req, res, next) => {
    const tenantId = String(req.headers['x-test-tenant']);
    const theme = themes.get(tenantId) ?? {};
    const actor: Actor = { kind: 'anonymous' };
    res.locals.shop = {
      tenant: { requestId: 'test', tenantId, actor },
      call: { requestId: 'test', tenantId, actor },
      session: loadSession(req, res, deps.sealer, tenantId),
      info: { name: 'Lumen', currency: 'USD', theme, payment: { provider: 'offline' } },
      settings: themeSettings(schema, theme),
      origin: 'http://lumen.fleet.test',
      testMode: true,
      stamps: await deps.stamps.read(tenantId),
      infoVersion: JSON.stringify(theme),
    } satisfies Shop;
    next();
  });
  app.use(catalogRoutes(deps));
  app.use(seoRoutes(deps));
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 60_000);

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await deps?.close();
  await catalog?.close();
  await catalogDb?.close();
  await storefrontDb?.close();
  await catalogData?.drop();
  await storefrontData?.drop();
  await redis?.cleanup();
});

const page = async (tenantId: string, path: string) => {
  const res = await fetch(`${base}${path}`, { headers: { 'x-test-tenant': tenantId } });
  return { status: res.status, cache: res.headers.get('x-page-cache'), text: await res.text() };
};

/** As the store's owner, through catalog's admin API. */
async function admin<T = { id: string; slug: string }>(
  tenantId: string,
  method: string,
  path: string,
  body: unknown,
): Promise<T> {
  const ctx = {
    requestId: 'test',
    tenantId,
    actor: { kind: 'staff', id: 'stf_1', roles: ['owner'] } as Actor,
  };
  const res = await fetch(`${catalog.url}${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      [CONTEXT_HEADER]: signContext(ctx, SIGNING_KEY, contextTarget('catalog', method, path)),
    },
    body: JSON.stringify(body),
  });
  if (res.status >= 300) throw new Error(`${method} ${path} answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as T;
}

const product = (tenantId: string, title: string, price: number, extra: object = {}) =>
  admin(tenantId, 'POST', '/api/admin/products', {
    title,
    variants: [
      { sku: title.toUpperCase().replace(/\W+/g, '-'), title: 'Default', price, currency: 'USD', stock: 5 },
    ],
    ...extra,
  });
const collection = (tenantId: string, title: string, slug?: string) =>
  admin(tenantId, 'POST', '/api/admin/collections', { title, ...(slug ? { slug } : {}) });
const card = (slug: string) => `href="/products/${slug}"`;
/** The home's featured section: its heading, its "View all" link and the cards under it. */
const featured = (html: string) => html.slice(html.indexOf('<h2 id="featured-title"'));

test('the home features the store’s first collection, else the newest products; a setting picks another', async () => {
  const store = newId('ten');
  const lamp = await product(store, 'Brass Lamp', 4_500);
  const rug = await product(store, 'Wool Rug', 9_900);
  let home = await page(store, '/');
  expect(featured(home.text)).toContain('Featured products</h2>');
  expect(featured(home.text)).toContain(
    '<a href="/collections/all" aria-describedby="featured-title">View all</a>',
  );
  expect(featured(home.text)).toContain(card(lamp.slug));

  // Catalog renews its stamp after the write: the home cached just before is renewed.
  const picks = await collection(store, 'Staff picks', 'staff-picks');
  await admin(store, 'PATCH', `/api/admin/products/${rug.id}`, { collectionIds: [picks.id] });
  home = await page(store, '/');
  expect(home.cache).toBe('MISS');
  expect(featured(home.text)).toContain('<h2 id="featured-title">Staff picks</h2>');
  expect(featured(home.text)).toContain(
    '<a href="/collections/staff-picks" aria-describedby="featured-title">View all</a>',
  );
  expect(featured(home.text)).toContain(card(rug.slug));
  expect(featured(home.text)).not.toContain(card(lamp.slug));
  expect(home.text).toContain('<li><a href="/collections/staff-picks">Staff picks</a></li>');
  expect((await page(store, '/')).cache).toBe('HIT');

  // The merchant names another collection by its handle; a handle naming none keeps the first.
  const gifts = await collection(store, 'Gifts under $50', 'gifts');
  await admin(store, 'PATCH', `/api/admin/products/${lamp.id}`, { collectionIds: [gifts.id] });
  themes.set(store, { featuredCollection: 'gifts' });
  home = await page(store, '/');
  expect(featured(home.text)).toContain('<h2 id="featured-title">Gifts under $50</h2>');
  expect(featured(home.text)).toContain(card(lamp.slug));
  expect(featured(home.text)).not.toContain(card(rug.slug));
  themes.set(store, { featuredCollection: 'no-such-collection' });
  expect(featured((await page(store, '/')).text)).toContain('<h2 id="featured-title">Staff picks</h2>');

  // A featured collection with no product (its only one moved out) gives way to the newest products.
  await admin(store, 'PATCH', `/api/admin/products/${rug.id}`, { collectionIds: [] });
  themes.set(store, {});
  home = await page(store, '/');
  expect(featured(home.text)).toContain('Featured products</h2>');
  expect(featured(home.text)).toContain(card(rug.slug));
}, 30_000);

test('/collections/{handle} lists a collection’s products with filters, title, description and canonical URL', async () => {
  const store = newId('ten');
  const picks = await collection(store, 'Staff picks', 'staff-picks');
  await admin(store, 'PATCH', `/api/admin/collections/${picks.id}`, {
    description: 'What the team uses every day.',
  });
  const kettle = await product(store, 'Copper Kettle', 7_900, { collectionIds: [picks.id] });
  const mug = await product(store, 'Stone Mug', 1_900, { collectionIds: [picks.id] });
  const spoon = await product(store, 'Oak Spoon', 900);
  const list = await page(store, '/collections/staff-picks');
  expect(list.status).toBe(200);
  expect(list.text).toContain('<h1>Staff picks</h1>');
  expect(list.text).toContain('<title>Staff picks | Lumen</title>');
  expect(list.text).toContain('content="What the team uses every day."');
  expect(list.text).toContain(
    '<link rel="canonical" href="http://lumen.fleet.test/collections/staff-picks">',
  );
  expect(list.text).toContain(card(kettle.slug));
  expect(list.text).toContain(card(mug.slug));
  expect(list.text).not.toContain(card(spoon.slug));
  const cheap = await page(store, '/collections/staff-picks?max=20&sort=price_asc');
  expect(cheap.text).toContain(card(mug.slug));
  expect(cheap.text).not.toContain(card(kettle.slug));
  expect(cheap.text).toContain('action="/collections/staff-picks"');
  expect(cheap.text).toContain('<meta name="robots" content="noindex, follow">');

  // Renamed: the cached page is renewed with the catalog stamp.
  await admin(store, 'PATCH', `/api/admin/collections/${picks.id}`, { title: 'Team favourites' });
  expect((await page(store, '/collections/staff-picks')).text).toContain('<h1>Team favourites</h1>');

  // Another store asking for the same handle gets its own 404 page.
  const other = newId('ten');
  await product(other, 'Copper Kettle', 7_900);
  const foreign = await page(other, '/collections/staff-picks');
  expect(foreign.status).toBe(404);
  expect(foreign.text).toContain('Collection not found');
  expect(foreign.text).not.toContain(card(kettle.slug));
  expect((await page(store, '/collections/nothing-here')).status).toBe(404);
}, 30_000);

test('a category and a collection sharing a handle: the category wins, the collection gets no page', async () => {
  const store = newId('ten');
  const category = await admin(store, 'POST', '/api/admin/categories', {
    name: 'Lighting',
    slug: 'lighting',
  });
  const shadowed = await collection(store, 'Lighting picks', 'lighting');
  const open = await collection(store, 'Gifts', 'gifts');
  const lamp = await product(store, 'Brass Lamp', 4_500, { categoryIds: [category.id] });
  const candle = await product(store, 'Beeswax Candle', 1_200, { collectionIds: [shadowed.id, open.id] });
  const lighting = await page(store, '/collections/lighting');
  expect(lighting.text).toContain('<h1>Lighting</h1>');
  expect(lighting.text).toContain(card(lamp.slug));
  expect(lighting.text).not.toContain(card(candle.slug));
  // The home features the first collection that has a page, and links no shadowed one.
  const home = await page(store, '/');
  expect(featured(home.text)).toContain('<h2 id="featured-title">Gifts</h2>');
  expect(home.text).not.toContain('Lighting picks');
  const sitemap = await page(store, '/sitemap.xml');
  expect(sitemap.text).toContain('<loc>http://lumen.fleet.test/collections/gifts</loc>');
  expect(sitemap.text.match(/\/collections\/lighting</g)).toHaveLength(1);
}, 30_000);
