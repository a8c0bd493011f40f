import { contextTarget, signContext, verifyContext } from '../src';

const key = 'k'.repeat(32);
const ctx = { requestId: 'req-1', tenantId: 'ten_0000000000000000000000000a' };
const target = { audience: 'catalog', method: 'GET', path: '/api/store/products' };

test('a signed context verifies and round-trips', () => {
  expect(verifyContext(signContext(ctx, key, target), key, target)).toEqual({ ok: true, ctx });
});

test('missing, malformed, tampered, wrongly keyed and stale contexts are refused', () => {
  const header = signContext(ctx, key, target);
  const [body, mac] = header.split('.') as [string, string];
  const forged = Buffer.from(
    JSON.stringify({
      ctx: { ...ctx, tenantId: 'ten_other' },
      iat: Date.now(),
      aud: 'catalog',
      m: 'GET',
      p: '/',
    }),
  ).toString('base64url');
  expect(verifyContext(undefined, key, target)).toEqual({ ok: false, reason: 'missing' });
  expect(verifyContext('garbage', key, target)).toEqual({ ok: false, reason: 'malformed' });
  expect(verifyContext(`${forged}.${mac}`, key, target)).toEqual({ ok: false, reason: 'bad_signature' });
  expect(verifyContext(`${body}.${mac.slice(0, -2)}`, key, target)).toEqual({
    ok: false,
    reason: 'bad_signature',
  });
  expect(verifyContext(header, 'x'.repeat(32), target)).toEqual({ ok: false, reason: 'bad_signature' });
  const old = signContext(ctx, key, target, Date.now() - 60_000);
  expect(verifyContext(old, key, target)).toEqual({ ok: false, reason: 'stale' });
  const future = signContext(ctx, key, target, Date.now() + 60_000);
  expect(verifyContext(future, key, target)).toEqual({ ok: false, reason: 'stale' });
});

test('a context signed for one service, method and path is refused for any other', () => {
  const header = signContext(ctx, key, target);
  const refused = { ok: false, reason: 'wrong_target' };
  expect(verifyContext(header, key, { ...target, audience: 'order' })).toEqual(refused);
  expect(verifyContext(header, key, { ...target, method: 'POST' })).toEqual(refused);
  expect(verifyContext(header, key, { ...target, path: '/api/admin/products' })).toEqual(refused);
  expect(verifyContext(header, key, { ...target, path: '/api/store/products/' })).toEqual(refused);
  // The method is compared without regard to case; the query string is not part of the target.
  expect(verifyContext(header, key, { ...target, method: 'get' })).toEqual({ ok: true, ctx });
  expect(contextTarget('catalog', 'GET', '/api/store/products?limit=2')).toEqual(target);
});
