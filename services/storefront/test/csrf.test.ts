import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { createSealer } from '../src/domain/sealed-value';
import { formBody, requireCsrf } from '../src/http/forms';
import { loadSession } from '../src/http/session';

/**
 * The form-post defence on its own, over real HTTP (the e2e suite runs it through the gateway):
 * a post a browser marks as cross-origin is refused whatever it carries; a post no browser header
 * vouches for needs the session's token when there is a session; a GET mints no cookie.
 */
const sealer = createSealer('csrf-test-signing-key-0123456789abcdef');
const STORE = 'ten_a';
let server: Server;
let base: string;

beforeAll(async () => {
  const app = express();
  app.use((req, res, next) => {
    res.locals.shop = { session: loadSession(req, res, sealer, STORE) };
    next();
  });
  app.get('/page', (_req, res) => res.json({ token: res.locals.shop.session.csrfToken }));
  app.post('/cart/add', formBody, requireCsrf, (_req, res) => {
    res.locals.shop.session.setCart({ id: 'crt_1', count: 1 });
    res.status(303).setHeader('location', '/cart').end();
  });
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

const HOST = 'acme.fleet.test';
const post = (headers: Record<string, string>, body = 'variantId=v1') =>
  fetch(`${base}/cart/add`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-host': HOST, ...headers },
    body,
  });

test('a GET mints no cookie and gives a visitor no token', async () => {
  const res = await fetch(`${base}/page`, { headers: { 'x-forwarded-host': HOST } });
  expect(res.headers.get('set-cookie')).toBeNull();
  expect(await res.json()).toEqual({ token: '' });
});

test.each([
  [{ 'sec-fetch-site': 'cross-site' }],
  [{ 'sec-fetch-site': 'same-site', origin: 'http://bolt.fleet.test' }],
  [{ 'sec-fetch-site': 'same-site' }],
  [{ origin: 'http://evil.example' }],
  [{ origin: 'http://bolt.fleet.test' }],
  [{ origin: 'null' }],
  [{ origin: 'not a url' }],
])('a post marked cross-origin is refused and changes nothing: %j', async (headers) => {
  const res = await post(headers);
  expect(res.status).toBe(403);
  expect(res.headers.get('set-cookie')).toBeNull();
});

test('a post from this origin passes without a token, and starts the session', async () => {
  const sameOrigin: Array<Record<string, string>> = [
    { 'sec-fetch-site': 'same-origin' },
    { 'sec-fetch-site': 'none' },
    { origin: `http://${HOST}` },
  ];
  for (const headers of sameOrigin) {
    const res = await post(headers);
    expect(res.status).toBe(303);
    expect(res.headers.get('set-cookie')).toMatch(
      /sf_sid=[A-Za-z0-9_-]{22,}; Path=\/; HttpOnly; SameSite=Lax/,
    );
  }
});

test('with a session, a post no browser header vouches for needs that session token', async () => {
  const sid = 'a'.repeat(24);
  const cookie = `sf_sid=${sid}`;
  const token = sealer.mac('csrf', STORE, sid);
  expect((await post({ cookie })).status).toBe(403);
  expect(
    (await post({ cookie }, `variantId=v1&_csrf=${sealer.mac('csrf', STORE, 'b'.repeat(24))}`)).status,
  ).toBe(403);
  expect((await post({ cookie }, `variantId=v1&_csrf=${sealer.mac('csrf', 'ten_b', sid)}`)).status).toBe(403);
  expect((await post({ cookie }, `variantId=v1&_csrf=${token}`)).status).toBe(303);
  // Without a session there is nothing to forge against: no token needed.
  expect((await post({})).status).toBe(303);
  // A browser's cross-origin mark wins over a right token.
  expect((await post({ cookie, 'sec-fetch-site': 'cross-site' }, `variantId=v1&_csrf=${token}`)).status).toBe(
    403,
  );
});
