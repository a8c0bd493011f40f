import { startHttpServer, type RunningHttpServer } from '@fleet/http';
import { createLogger } from '@fleet/logger';
import { findRoute, ROUTES } from '../src/domain/routes';
import { echoApp, startGateway, type Echoed, type GatewayFixture } from './gateway-fixture';

const STORE = 'store' as const;
const upstreamOf = (path: string) => findRoute(ROUTES, STORE, path)?.upstream;

test('a {name} segment matches one segment: reviews and recommendations leave catalog', () => {
  expect(upstreamOf('/api/store/products/prod_1/reviews')).toBe('engagement');
  expect(upstreamOf('/api/store/products/a-slug/recommendations')).toBe('engagement');
  expect(upstreamOf('/api/store/products/prod_1/reviews/more')).toBe('engagement');
  // everything else under products stays with catalog
  expect(upstreamOf('/api/store/products')).toBe('catalog');
  expect(upstreamOf('/api/store/products/prod_1')).toBe('catalog');
  expect(upstreamOf('/api/store/products/reviews')).toBe('catalog');
  expect(upstreamOf('/api/store/products//reviews')).toBe('catalog');
  expect(upstreamOf('/api/store/products/prod_1/reviewsx')).toBe('catalog');
  expect(upstreamOf('/api/store/products/prod_1/variants')).toBe('catalog');
  // the wishlist is engagement's, the rest of /me identity's and order's
  expect(upstreamOf('/api/store/me/wishlist')).toBe('engagement');
  expect(upstreamOf('/api/store/me/wishlist/prod_1')).toBe('engagement');
  expect(upstreamOf('/api/store/me')).toBe('identity');
  expect(upstreamOf('/api/store/me/orders')).toBe('order');
  expect(upstreamOf('/api/admin/reviews/rev_1/hide')).toBe('engagement');
  expect(findRoute(ROUTES, 'apex', '/api/store/products/p/reviews')).toBeUndefined();
});

describe('through the gateway', () => {
  const quiet = createLogger({ service: 't', level: 'silent' });
  let f: GatewayFixture;
  let catalog: RunningHttpServer;
  let engagement: RunningHttpServer;
  let acme: { id: string };

  beforeAll(async () => {
    catalog = await startHttpServer(echoApp('catalog'), { port: 0, logger: quiet });
    engagement = await startHttpServer(echoApp('engagement'), { port: 0, logger: quiet });
    f = await startGateway('gw_engagement', {
      upstreamUrls: { catalog: catalog.url, engagement: engagement.url },
      routes: [...ROUTES],
    });
    acme = await f.provision('acme');
  });
  afterAll(async () => {
    await f.close();
    await catalog.close();
    await engagement.close();
  });

  test('each path reaches the service that owns it, with a context signed for that service', async () => {
    const reviews = await f.get('acme.fleet.test', '/api/store/products/prod_1/reviews?limit=5');
    expect(reviews.status).toBe(200);
    expect(reviews.json<Echoed>()).toMatchObject({
      path: '/api/store/products/prod_1/reviews?limit=5',
      ctx: { tenantId: acme.id, actor: { kind: 'anonymous' } },
    });
    expect(reviews.headers['x-cache']).toBeUndefined();
    const recs = await f.get('acme.fleet.test', '/api/store/products/prod_1/recommendations');
    expect(recs.status).toBe(200);
    const product = await f.get('acme.fleet.test', '/api/store/products/prod_1');
    expect(product.status).toBe(200);
    expect(product.json<Echoed>()).toMatchObject({ path: '/api/store/products/prod_1' });
  });

  test('a customer token is carried to a review; the wishlist requires one', async () => {
    const token = await f.issuer.customer(acme.id);
    const posted = await f.get('acme.fleet.test', '/api/store/products/prod_1/reviews', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: '{"rating":5}',
    });
    expect(posted.status).toBe(200);
    expect(posted.json<Echoed>()).toMatchObject({
      method: 'POST',
      ctx: { actor: { kind: 'customer', id: 'cus_1' } },
    });
    expect((await f.get('acme.fleet.test', '/api/store/me/wishlist')).status).toBe(401);
    const mine = await f.get('acme.fleet.test', '/api/store/me/wishlist', {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(mine.json<Echoed>()).toMatchObject({ ctx: { actor: { kind: 'customer' } } });
    // moderation is for staff only
    const asCustomer = await f.get('acme.fleet.test', '/api/admin/reviews', {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(asCustomer.status).toBe(403);
  });
});
