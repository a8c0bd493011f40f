// The merchant admin and the platform console, served by the gateway from memory: the admin at
// /admin on store hosts only, the console at / on the console host; API routes keep working.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { createLogger } from '@fleet/logger';
import { loadWebApps } from '../src/data-access/web-app-loader';
import { findRoute, ROUTES } from '../src/domain/routes';
import { webAppFileFor } from '../src/domain/web-apps';
import { startGateway, type GatewayFixture } from './gateway-fixture';

const web = mkdtempSync(join(tmpdir(), 'fleet-web-'));
const SCRIPT = `console.log(${JSON.stringify('x'.repeat(2000))});`;
function app(name: string, base: string) {
  mkdirSync(join(web, name, 'dist', 'assets'), { recursive: true });
  writeFileSync(
    join(web, name, 'dist', 'index.html'),
    `<!doctype html><title>${name}</title><script src="${base}assets/app-1a2b.js"></script>`,
  );
  writeFileSync(join(web, name, 'dist', 'assets', 'app-1a2b.js'), SCRIPT);
}
app('admin', '/admin/');
app('console', '/');
const apps = loadWebApps(web, createLogger({ service: 'test', level: 'silent' }));

let f: GatewayFixture;
beforeAll(async () => {
  f = await startGateway('gw_web_apps', { gateway: { webApps: apps } });
  await f.provision('acme');
});
afterAll(async () => {
  await f.close();
  rmSync(web, { recursive: true, force: true });
});

test('routing: admin paths on store hosts, everything outside /api and /queues on the console', () => {
  const store = (path: string) => webAppFileFor(apps, 'store', path)?.file;
  const console = (path: string) => webAppFileFor(apps, 'console', path)?.file;
  expect(store('/admin')).toBe('/index.html');
  expect(store('/admin/')).toBe('/index.html');
  expect(store('/admin/orders/ord_1')).toBe('/index.html');
  expect(store('/admin/assets/app-1a2b.js')).toBe('/assets/app-1a2b.js');
  expect(store('/admin/assets/gone-0000.js')).toBe('missing');
  // Files are looked up in memory: a path can name nothing outside the built app.
  expect(store('/admin/../../etc/passwd')).toBe('/index.html');
  expect(store('/admin/../../etc/passwd.txt')).toBe('missing');
  expect(store('/administrator')).toBeUndefined();
  expect(store('/')).toBeUndefined();
  expect(store('/api/admin/products')).toBeUndefined();
  expect(console('/')).toBe('/index.html');
  expect(console('/tenants/ten_1')).toBe('/index.html');
  expect(console('/api/platform/tenants')).toBeUndefined();
  expect(console('/queues')).toBeUndefined();
  // The job dashboard goes to tenancy (which checks its own pass cookie), on the console only.
  expect(findRoute(ROUTES, 'console', '/queues/api/queues')).toMatchObject({
    upstream: 'tenancy',
    auth: 'public',
  });
  expect(findRoute(ROUTES, 'console', '/api/platform/dead-letters/replay')).toMatchObject({
    upstream: 'tenancy',
    auth: 'platform_admin',
  });
  expect(findRoute(ROUTES, 'store', '/queues/')).toMatchObject({ upstream: 'storefront', pages: true });
  expect(webAppFileFor(apps, 'apex', '/admin')).toBeUndefined();
});

test('the admin is served on a store host: index revalidated with a strict CSP, hashed assets cached a year and compressed', async () => {
  const page = await f.get('acme.fleet.test', '/admin/products?status=draft');
  expect(page.status).toBe(200);
  expect(page.headers['content-type']).toContain('text/html');
  expect(page.headers['cache-control']).toBe('no-cache');
  expect(page.headers['content-security-policy']).toContain("script-src 'self'");
  expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(page.headers['x-content-type-options']).toBe('nosniff');
  expect(page.text).toContain('<title>admin</title>');

  const script = await f.get('acme.fleet.test', '/admin/assets/app-1a2b.js', {
    headers: { 'accept-encoding': 'gzip' },
  });
  expect(script.status).toBe(200);
  expect(script.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  expect(script.headers['content-encoding']).toBe('gzip');
  const again = await f.get('acme.fleet.test', '/admin/assets/app-1a2b.js', {
    headers: { 'if-none-match': String(script.headers.etag) },
  });
  expect(again.status).toBe(304);

  const missing = await f.get('acme.fleet.test', '/admin/assets/nope-0000.js');
  expect(missing.status).toBe(404);
  expect(missing.text).not.toContain('app-1a2b'); // never the index page in place of a script
  const post = await f.get('acme.fleet.test', '/admin', { method: 'POST' });
  expect(post.status).toBe(404);
});

test('compressed bytes are the file', async () => {
  const { request } = await import('node:http');
  const body = await new Promise<Buffer>((resolve, reject) => {
    const url = new URL('/admin/assets/app-1a2b.js', f.gateway.url);
    request(url, { headers: { host: 'acme.fleet.test', 'accept-encoding': 'gzip' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve(Buffer.concat(chunks)));
    })
      .on('error', reject)
      .end();
  });
  expect(gunzipSync(body).toString()).toBe(SCRIPT);
});

test('an unknown store host gets no admin; the apex gets none; API routes still answer', async () => {
  expect((await f.get('nobody.fleet.test', '/admin')).status).toBe(404);
  const apex = await f.get('fleet.test', '/admin');
  expect(apex.text).not.toContain('<title>admin</title>');
  const api = await f.get('acme.fleet.test', '/api/store/echo');
  expect(api.status).toBe(200);
  expect(api.json()).toMatchObject({ path: '/api/store/echo' });
});

test('the console is served at / on the console host, never on a store host', async () => {
  const page = await f.get('console.fleet.test', '/tenants');
  expect(page.status).toBe(200);
  expect(page.text).toContain('<title>console</title>');
  const store = await f.get('acme.fleet.test', '/tenants');
  expect(store.text).not.toContain('<title>console</title>');
  const api = await f.get('console.fleet.test', '/api/platform/echo');
  expect(api.json()).toMatchObject({ path: '/api/platform/echo' });
});
