import { cachedTokenVerifier } from '../src/data-access/cached-token-verifier';
import type { TokenVerifier, VerifyResult } from '../src/domain/token-verifier';

function countingVerifier(expiresAt: () => number): TokenVerifier & { calls: number } {
  const verifier = {
    calls: 0,
    async verify(token: string): Promise<VerifyResult> {
      verifier.calls++;
      if (token === 'bad') return { ok: false, reason: 'bad' };
      return {
        ok: true,
        principal: {
          kind: 'customer',
          id: token,
          roles: ['customer'],
          tenantId: 't',
          expiresAt: expiresAt(),
        },
      };
    },
  };
  return verifier;
}

test('a verified token is reused until min(exp, 60 s); refused tokens are checked every time', async () => {
  let now = 1_000_000;
  const inner = countingVerifier(() => now + 3_600_000);
  const cached = cachedTokenVerifier(inner, { now: () => now });
  await cached.verify('a');
  await cached.verify('a');
  expect(inner.calls).toBe(1);
  now += 59_000;
  await cached.verify('a');
  expect(inner.calls).toBe(1);
  now += 2_000;
  await cached.verify('a');
  expect(inner.calls).toBe(2);
  await cached.verify('bad');
  await cached.verify('bad');
  expect(inner.calls).toBe(4);
});

test('a token is never trusted past its own expiry', async () => {
  let now = 1_000_000;
  const inner = countingVerifier(() => now + 5_000);
  const cached = cachedTokenVerifier(inner, { now: () => now });
  await cached.verify('short');
  now += 5_001;
  await cached.verify('short');
  expect(inner.calls).toBe(2);
});

test('the cache is bounded and concurrent first uses share one verification', async () => {
  const inner = countingVerifier(() => Date.now() + 60_000);
  const cached = cachedTokenVerifier(inner, { maxEntries: 2 });
  await Promise.all([cached.verify('x'), cached.verify('x'), cached.verify('x')]);
  expect(inner.calls).toBe(1);
  await cached.verify('y');
  await cached.verify('z'); // evicts x, the least recently used
  await cached.verify('x');
  expect(inner.calls).toBe(4);
});
