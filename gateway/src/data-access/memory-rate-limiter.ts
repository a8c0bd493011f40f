import type { RateLimit } from '../domain/plan-limits';
import type { RateDecision } from './rate-limiter';

/**
 * Rate limits kept in this process's memory, for checks that must cost no Redis call: the share
 * of a store's budget one client may use, and requests for hosts not known in-process (before
 * any lookup). Same shape as the Redis limits: `perSecond` per 1-second window, plus a burst
 * allowance of `burst - perSecond` per burst window once that is spent. Per process: with G
 * gateway processes a client may get up to G times its limit, which is why these limits are
 * fairness and flood guards below the shared, exact per-tenant limit, never instead of it.
 */
export interface MemoryRateLimiter {
  consume(key: string, limit: RateLimit): RateDecision;
  /** Keys held now (bounded by `maxKeys`). */
  size(): number;
}

interface Bucket {
  secondStart: number;
  second: number;
  burstStart: number;
  burst: number;
}

export interface MemoryRateLimiterOptions {
  burstWindowSeconds: number;
  /** Bounded: keys come from clients. The oldest key is dropped (its counts forgotten) when full. */
  maxKeys?: number;
  now?: () => number;
}

const ALLOWED: RateDecision = { allowed: true };

export function createMemoryRateLimiter(options: MemoryRateLimiterOptions): MemoryRateLimiter {
  const buckets = new Map<string, Bucket>();
  const maxKeys = options.maxKeys ?? 50_000;
  const burstWindowMs = options.burstWindowSeconds * 1000;
  const now = options.now ?? Date.now;
  return {
    consume(key, limit) {
      const t = now();
      let b = buckets.get(key);
      if (!b) {
        if (buckets.size >= maxKeys) buckets.delete(buckets.keys().next().value as string);
        b = { secondStart: t, second: 0, burstStart: t, burst: 0 };
        buckets.set(key, b);
      }
      if (t - b.secondStart >= 1000) {
        b.secondStart = t;
        b.second = 0;
      }
      if (b.second < limit.perSecond) {
        b.second += 1;
        return ALLOWED;
      }
      if (t - b.burstStart >= burstWindowMs) {
        b.burstStart = t;
        b.burst = 0;
      }
      if (b.burst < limit.burst - limit.perSecond) {
        b.burst += 1;
        return ALLOWED;
      }
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((b.secondStart + 1000 - t) / 1000)) };
    },
    size: () => buckets.size,
  };
}
