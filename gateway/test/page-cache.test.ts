import { randomUUID } from 'node:crypto';
import { request, type IncomingHttpHeaders } from 'node:http';
import { gunzipSync, gzipSync } from 'node:zlib';
import express from 'express';
import { startHttpServer, type RunningHttpServer } from '@fleet/http';
import { createLogger } from '@fleet/logger';
import { cacheStampKey, createRegistryClient, requestCtx, requireSignedContext } from '@fleet/tenancy';
import { KEY, startGateway, type GatewayFixture } from './gateway-fixture';

/**
 * Storefront pages in the gateway's answer cache (the real route table's `/` rule for store
 * hosts): only HTML the storefront marks shareable, for requests without cookies or a token, per
 * tenant and host, under the catalog, theme and store stamps; never for a suspended store. A
 * stand-in storefront numbers its answers and says what it received.
 */
let f: GatewayFixture;
let storefront: RunningHttpServer;
let hits = 0;
let acme: { id: string; hosts: string[] };
let bolt: { id: string; hosts: string[] };
const padding = 'x'.repeat(2_000);

beforeAll(async () => {
  const app = express();
  app.use(requireSignedContext({ key: KEY, audience: 'storefront' }));
  const page = (req: express.Request, res: express.Response, headers: Record<string, string>) => {
    hits++;
    res.set({ 'content-type': 'text/html; charset=utf-8', vary: 'Accept-Encoding, Cookie', ...headers });
    const html =
      `<p id="n">${hits}</p><p id="t">${requestCtx(res).tenantId}</p>` +
      `<p id="h">${req.headers['x-forwarded-host']}</p><p>${padding}</p>`;
    // As the storefront does: gzip for a client that takes it.
    if (!String(req.headers['accept-encoding'] ?? '').includes('gzip')) return void res.send(html);
    res.set('content-encoding', 'gzip').send(gzipSync(html));
  };
  app.get('/private', (req, res) => page(req, res, { 'cache-control': 'private, no-cache' }));
  app.get('/cookie', (req, res) => page(req, res, { 'cache-control': 'no-cache', 'set-cookie': 'sf_sid=x' }));
  app.get('/unmarked', (req, res) => page(req, res, {}));
  app.get('/json', (_req, res) => {
    hits++;
    res.set('cache-control', 'no-cache').json({ n: hits });
  });
  app.get('/{*rest}', (req, res) => page(req, res, { 'cache-control': 'no-cache', 'x-page-cache': 'MISS' }));
  storefront = await startHttpServer(app, {
    port: 0,
    logger: createLogger({ service: 't', level: 'silent' }),
  });
  f = await startGateway('gw_pagecache', { upstreamUrls: { storefront: storefront.url } });
  acme = await f.provision('acme');
  bolt = await f.provision('bolt');
});
afterAll(async () => {
  await f.close();
  await storefront.close();
});

const read = async (host: string, path: string, headers: Record<string, string> = {}) => {
  const res = await f.get(host, path, { headers });
  const text = res.text;
  return {
    status: res.status,
    cache: res.headers['x-cache'],
    n: Number(/<p id="n">(\d+)</.exec(text)?.[1]),
    text,
    headers: res.headers,
  };
};

test('a page for a visitor without cookies is kept per tenant and host, and gzipped for who takes it', async () => {
  const first = await read('acme.fleet.test', '/collections/all');
  expect([first.status, first.cache]).toEqual([200, 'MISS']);
  expect(first.text).toContain(acme.id);
  const again = await read('acme.fleet.test', '/collections/all');
  expect([again.cache, again.n]).toEqual(['HIT', first.n]);
  expect(again.headers.vary).toBe('Accept-Encoding, Cookie');
  // The storefront's own cache status belonged to the exchange that filled the entry.
  expect([first.headers['x-page-cache'], again.headers['x-page-cache']]).toEqual(['MISS', undefined]);
  expect(Number(again.headers['content-length'])).toBe(Buffer.byteLength(again.text));

  const zipped = await f.get('acme.fleet.test', '/collections/all', {
    headers: { 'accept-encoding': 'gzip' },
  });
  expect([zipped.headers['x-cache'], zipped.headers['content-encoding']]).toEqual(['HIT', 'gzip']);
  // The harness decodes as UTF-8; the bytes themselves are checked by the length.
  expect(Number(zipped.headers['content-length'])).toBeLessThan(Buffer.byteLength(first.text));

  const other = await read('bolt.fleet.test', '/collections/all');
  expect(other.cache).toBe('MISS');
  expect(other.text).toContain(bolt.id);
  expect(other.text).not.toContain(acme.id);
});

test('a page the storefront gzipped for the first client is kept plain and served to each as it takes it', async () => {
  const path = `/products/${randomUUID()}`;
  const fill = await rawGet('acme.fleet.test', path, { 'accept-encoding': 'gzip' });
  expect([fill.headers['x-cache'], fill.headers['content-encoding']]).toEqual(['MISS', 'gzip']);
  const html = gunzipSync(fill.body).toString('utf8');
  expect(html).toContain(acme.id);
  const plain = await rawGet('acme.fleet.test', path, {});
  expect([plain.headers['x-cache'], plain.headers['content-encoding']]).toEqual(['HIT', undefined]);
  expect(plain.body.toString('utf8')).toBe(html);
  expect(Number(plain.headers['content-length'])).toBe(plain.body.length);
  const zipped = await rawGet('acme.fleet.test', path, { 'accept-encoding': 'gzip, br' });
  expect([zipped.headers['x-cache'], zipped.headers['content-encoding']]).toEqual(['HIT', 'gzip']);
  expect(gunzipSync(zipped.body).toString('utf8')).toBe(html);
  expect(Number(zipped.headers['content-length'])).toBe(zipped.body.length);
});

/** The answer's bytes as sent (the test harness decodes them as text). */
function rawGet(
  host: string,
  path: string,
  headers: Record<string, string>,
): Promise<{ headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(`${f.gateway.url}${path}`, { headers: { ...headers, host } }, (answer) => {
      const chunks: Buffer[] = [];
      answer.on('data', (c: Buffer) => chunks.push(c));
      answer.on('end', () => resolve({ headers: answer.headers, body: Buffer.concat(chunks) }));
      answer.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

test('a request with a cookie, and a page not marked shareable, always reach the storefront', async () => {
  await read('acme.fleet.test', '/cart-free');
  const before = hits;
  const withCookie = await read('acme.fleet.test', '/cart-free', { cookie: 'sf_cart=abc' });
  expect(withCookie.cache).toBeUndefined();
  expect(withCookie.n).toBe(before + 1);
  for (const path of ['/private', '/cookie', '/unmarked', '/json']) {
    await f.get('acme.fleet.test', path);
    const second = await f.get('acme.fleet.test', path);
    expect([path, second.headers['x-cache']]).toEqual([path, 'MISS']);
  }
});

test('a renewed catalog, theme or store stamp makes every kept page of that store stale', async () => {
  for (const stamp of ['catalog', 'theme', 'store']) {
    const path = `/stamped-${stamp}`;
    await read('acme.fleet.test', path);
    expect((await read('acme.fleet.test', path)).cache).toBe('HIT');
    await read('bolt.fleet.test', path);
    await f.redis.client.set(cacheStampKey(f.redis.prefix, acme.id, stamp), randomUUID());
    expect([stamp, (await read('acme.fleet.test', path)).cache]).toEqual([stamp, 'MISS']);
    // Another store's pages are not touched.
    expect([stamp, (await read('bolt.fleet.test', path)).cache]).toEqual([stamp, 'HIT']);
  }
});

test('a suspended store never gets a page kept while it was open', async () => {
  const sleepy = await f.provision('sleepy-pages');
  await read('sleepy-pages.fleet.test', '/');
  expect((await read('sleepy-pages.fleet.test', '/')).cache).toBe('HIT');
  const registry = createRegistryClient({ baseUrl: f.registry.url, signingKey: KEY, caller: 'test' });
  await f.resolver.apply(await registry.setStatus(sleepy.id, 'suspend'));
  const page = await read('sleepy-pages.fleet.test', '/');
  expect(page.cache).toBeUndefined();
});
