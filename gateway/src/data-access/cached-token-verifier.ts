import { createHash } from 'node:crypto';
import type { TokenVerifier, VerifyResult } from '../domain/token-verifier';
import { BoundedTtlCache } from './bounded-ttl-cache';

export interface TokenCacheOptions {
  /** Default 10,000 tokens. */
  maxEntries?: number;
  /** A verified token is trusted this long at most (and never past its expiry). Default 60 s. */
  maxAgeMs?: number;
  now?: () => number;
}

/**
 * Remembers verified tokens (by SHA-256, so no token sits in memory) until min(exp, 60 s), so hot
 * paths do not re-verify a signature on every request; concurrent first uses share one check.
 * Refused tokens are not cached: they are cheap to refuse again and would only fill the cache.
 */
export function cachedTokenVerifier(inner: TokenVerifier, options: TokenCacheOptions = {}): TokenVerifier {
  const now = options.now ?? Date.now;
  const maxAgeMs = options.maxAgeMs ?? 60_000;
  const verified = new BoundedTtlCache<VerifyResult>(options.maxEntries ?? 10_000, now);
  const inFlight = new Map<string, Promise<VerifyResult>>();

  async function verifyAndRemember(key: string, token: string): Promise<VerifyResult> {
    const result = await inner.verify(token);
    if (result.ok) verified.set(key, result, Math.min(result.principal.expiresAt, now() + maxAgeMs));
    return result;
  }

  return {
    verify(token) {
      const key = createHash('sha256').update(token).digest('base64url');
      const hit = verified.get(key);
      if (hit) return Promise.resolve(hit);
      let pending = inFlight.get(key);
      if (!pending) {
        pending = verifyAndRemember(key, token).finally(() => inFlight.delete(key));
        inFlight.set(key, pending);
      }
      return pending;
    },
  };
}
