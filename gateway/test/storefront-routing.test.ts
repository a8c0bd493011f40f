import { createRegistryClient } from '@fleet/tenancy';
import { KEY, startGateway, type Echoed, type GatewayFixture } from './gateway-fixture';

type PageEcho = Echoed & { ctx: Echoed['ctx'] & { storeStatus?: string } };

/**
 * Storefront pages: every non-/api path on store hosts and the apex goes to the storefront
 * upstream (here the fixture's echo answering as `storefront`), with the resolved tenant signed; a host that names no store
 * and a suspended store are forwarded too, flagged in the signed context, so the shop renders its
 * own 404 and 503 pages. The API keeps its routes and its problem+json answers.
 */
let f: GatewayFixture;
let acme: { id: string };

beforeAll(async () => {
  f = await startGateway('gw_pages', { storefront: true });
  acme = await f.provision('acme');
});
afterAll(() => f.close());

test('pages on a store host reach the storefront with the store in the signed context', async () => {
  for (const path of ['/', '/products/lamp?variant=v1', '/cart', '/sitemap.xml', '/assets/theme.css']) {
    const res = await f.get('acme.fleet.test', path);
    expect(res.status).toBe(200);
    const body = res.json<PageEcho>();
    expect(body.path).toBe(path);
    expect(body.ctx.tenantId).toBe(acme.id);
    expect(body.ctx.storeStatus).toBeUndefined();
  }
  const post = await f.get('acme.fleet.test', '/cart/add', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'variantId=x&_csrf=y',
  });
  expect(post.json<PageEcho>()).toMatchObject({ method: 'POST', body: 'variantId=x&_csrf=y' });
});

test('the API keeps its own routes: an unknown /api path is still a 404 problem', async () => {
  const res = await f.get('acme.fleet.test', '/api/nothing-here');
  expect(res.status).toBe(404);
  expect(res.headers['content-type']).toContain('application/problem+json');
  expect((await f.get('acme.fleet.test', '/api/store/info')).json()).toMatchObject({ name: 'Store acme' });
});

test('the apex serves its pages (sign-up) from the storefront, with no tenant', async () => {
  const res = await f.get('fleet.test', '/');
  const body = res.json<PageEcho>();
  expect(body.ctx.tenantId).toBeUndefined();
  expect(body.ctx.storeStatus).toBeUndefined();
  expect((await f.get('fleet.test', '/api/nothing')).status).toBe(404);
});

test('a host that names no store: pages go to the storefront flagged unknown; the API answers 404 itself', async () => {
  const page = await f.get('nobody.fleet.test', '/products/x');
  expect(page.json<PageEcho>().ctx).toMatchObject({ storeStatus: 'unknown' });
  expect(page.json<PageEcho>().ctx.tenantId).toBeUndefined();
  const api = await f.get('nobody.fleet.test', '/api/store/info');
  expect(api.status).toBe(404);
  expect(api.json()).toMatchObject({ code: 'store_not_found' });
});

test('a suspended store: pages are flagged suspended for the 503 page; the shopper API is refused', async () => {
  const sleepy = await f.provision('sleepy');
  const registry = createRegistryClient({ baseUrl: f.registry.url, signingKey: KEY, caller: 'test' });
  await f.resolver.apply(await registry.setStatus(sleepy.id, 'suspend'));
  const page = await f.get('sleepy.fleet.test', '/');
  expect(page.json<PageEcho>().ctx).toMatchObject({ tenantId: sleepy.id, storeStatus: 'suspended' });
  expect((await f.get('sleepy.fleet.test', '/api/store/info')).status).toBe(503);
});

test("an inbound x-fleet header cannot pose as the gateway's flag", async () => {
  const res = await f.get('acme.fleet.test', '/', { headers: { 'x-fleet-store-status': 'suspended' } });
  expect(res.json<PageEcho>().ctx.storeStatus).toBeUndefined();
  expect(res.json<PageEcho>().leaked).toEqual([]);
});

test('the theme admin API is for store staff only', async () => {
  const res = await f.get('acme.fleet.test', '/api/admin/theme/templates/product');
  expect(res.status).toBe(401);
});

test('operators’ endpoints are never forwarded to the storefront, on any host', async () => {
  const before = f.echoHits();
  for (const host of ['acme.fleet.test', 'nobody.fleet.test', 'fleet.test']) {
    for (const path of ['/metrics', '/readyz']) {
      const res = await f.get(host, path);
      expect({ host, path, status: res.status }).toEqual({ host, path, status: 404 });
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
  }
  expect(f.echoHits()).toBe(before);
});
