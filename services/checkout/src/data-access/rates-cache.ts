import { LRUCache } from 'lru-cache';
import type { TenantCtx } from '@fleet/context';
import type { StoreRates } from '@fleet/contracts';
import type { RatesReader } from '../domain/checkout-deps';

export interface RatesCacheOptions {
  /** Tenants kept at most; the least recently used goes first. 0 turns the cache off. */
  maxEntries: number;
  /** Age after which an entry is read again even if no event dropped it. 0 turns the cache off. */
  maxAgeMs: number;
  /** Clock in ms (tests). */
  now?: () => number;
}

/** Store rates per tenant, in process, dropped by `tenant.settings_changed` (see messaging/). */
export interface RatesCache extends RatesReader {
  /** Drops one tenant's rates: the next checkout reads them from the registry. */
  forget(tenantId: string): void;
  /** Drops every tenant's rates (events may have been missed). */
  clear(): void;
  has(tenantId: string): boolean;
  readonly size: number;
}

/**
 * Bounded LRU over the registry's rates, so a checkout costs no registry call while the rates are
 * unchanged. Tenant ids come from signed contexts, but the cache is bounded by entries anyway
 * (DESIGN: a cache that requests can fill is bounded). Concurrent misses of one tenant share one
 * read. A read that was under way when an entry was dropped is answered but not kept: it may
 * have been served before the change committed.
 */
export function createRatesCache(source: RatesReader, options: RatesCacheOptions): RatesCache {
  const { maxEntries, maxAgeMs } = options;
  const now = options.now ?? Date.now;
  const enabled = maxEntries > 0 && maxAgeMs > 0;
  // lru-cache counts an entry stale once its age exceeds `ttl`; ours is stale at `maxAgeMs`.
  const entries = new LRUCache<string, StoreRates>({
    max: Math.max(1, maxEntries),
    ttl: Math.max(1, maxAgeMs - 1),
    ttlResolution: 0,
    perf: { now },
  });
  const inFlight = new Map<string, Promise<StoreRates>>();
  let generation = 0; // moves on every drop; a read started before a drop is not kept

  function keep(tenantId: string, rates: StoreRates, startedIn: number): void {
    if (startedIn === generation) entries.set(tenantId, rates);
  }

  function load(ctx: TenantCtx): Promise<StoreRates> {
    const tenantId = ctx.tenantId;
    const startedIn = generation;
    const pending = source
      .get(ctx)
      .then((rates) => {
        const frozen = Object.freeze({ ...rates });
        keep(tenantId, frozen, startedIn);
        return frozen;
      })
      .finally(() => {
        if (inFlight.get(tenantId) === pending) inFlight.delete(tenantId);
      });
    inFlight.set(tenantId, pending);
    return pending;
  }

  return {
    async get(ctx) {
      if (!enabled) return source.get(ctx);
      return entries.get(ctx.tenantId) ?? inFlight.get(ctx.tenantId) ?? load(ctx);
    },
    forget(tenantId) {
      generation++;
      entries.delete(tenantId);
      inFlight.delete(tenantId);
    },
    clear() {
      generation++;
      entries.clear();
      inFlight.clear();
    },
    has: (tenantId) => entries.has(tenantId),
    get size() {
      return entries.size;
    },
  };
}
