import { signContext, verifyContext } from '../src';

const key = 'k'.repeat(32);
const ctx = { requestId: 'req-1', tenantId: 'ten_0000000000000000000000000a' };

test('a signed context verifies and round-trips', () => {
  expect(verifyContext(signContext(ctx, key), key)).toEqual({ ok: true, ctx });
});

test('missing, malformed, tampered, wrongly keyed and stale contexts are refused', () => {
  const header = signContext(ctx, key);
  const [body, mac] = header.split('.') as [string, string];
  const forged = Buffer.from(
    JSON.stringify({ ctx: { ...ctx, tenantId: 'ten_other' }, iat: Date.now() }),
  ).toString('base64url');
  expect(verifyContext(undefined, key)).toEqual({ ok: false, reason: 'missing' });
  expect(verifyContext('garbage', key)).toEqual({ ok: false, reason: 'malformed' });
  expect(verifyContext(`${forged}.${mac}`, key)).toEqual({ ok: false, reason: 'bad_signature' });
  expect(verifyContext(`${body}.${mac.slice(0, -2)}`, key)).toEqual({ ok: false, reason: 'bad_signature' });
  expect(verifyContext(header, 'x'.repeat(32))).toEqual({ ok: false, reason: 'bad_signature' });
  const old = signContext(ctx, key, Date.now() - 60_000);
  expect(verifyContext(old, key)).toEqual({ ok: false, reason: 'stale' });
  const future = signContext(ctx, key, Date.now() + 60_000);
  expect(verifyContext(future, key)).toEqual({ ok: false, reason: 'stale' });
});
