import type Redis from 'ioredis';
import { readCacheStamps } from '@fleet/tenancy';
import { BoundedTtlCache } from './bounded-ttl-cache';

/** One upstream answer kept for replay, valid while its tenant's stamp is `stamp`. */
export interface CachedAnswer {
  stamp: string;
  status: number;
  headers: ReadonlyArray<readonly [string, string | string[]]>;
  body: Buffer;
  /** A page: served gzipped to clients that take it; `gzip` is made on the first such hit. */
  compressible?: boolean;
  gzip?: Buffer;
  storedAt: number;
}

export interface ResponseCache {
  /**
   * The tenant's current stamp of that name, minted when there is none; null when Redis cannot
   * say, and then nothing is served from or put into the cache.
   */
  stamp(tenantId: string, name: string): Promise<string | null>;
  /** Several stamps of the tenant at once (one Redis read), joined; null as for `stamp`. */
  stamps(tenantId: string, names: readonly string[]): Promise<string | null>;
  /** The answer under `key` when it was stored under this very stamp and is not too old. */
  get(key: string, stamp: string): CachedAnswer | undefined;
  /** Keeps an answer (stamped with the time now). */
  set(key: string, answer: Omit<CachedAnswer, 'storedAt'>): void;
  /** The largest body worth keeping; callers stop collecting beyond it. */
  readonly maxEntryBytes: number;
}

export interface ResponseCacheOptions {
  redis: Redis;
  /** REDIS_PREFIX. */
  prefix: string;
  /** Bounds: the keys are URLs, which anyone can vary. */
  maxBytes?: number;
  maxEntries?: number;
  maxEntryBytes?: number;
  /**
   * A backstop only: answers are invalidated by stamps. If a service could not renew a stamp
   * after a write (Redis unreachable just then), an answer is stale for at most this long.
   */
  maxAgeMs?: number;
  now?: () => number;
  onError?(err: unknown): void;
}

/**
 * Upstream answers in memory (the gateway's LRU, bounded by entries and body bytes), each
 * checked against its tenant's stamp in Redis (tenancy's `cacheStampKey`) before it is served.
 */
export function createResponseCache(options: ResponseCacheOptions): ResponseCache {
  const maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
  const maxEntries = options.maxEntries ?? 10_000;
  const maxEntryBytes = Math.min(options.maxEntryBytes ?? 1024 * 1024, maxBytes);
  const maxAgeMs = options.maxAgeMs ?? 30_000;
  const now = options.now ?? Date.now;
  const entries = new BoundedTtlCache<CachedAnswer>(maxEntries, now, {
    maxWeight: maxBytes,
    // A page's gzip, made later, is counted up front (never more than the body).
    weigh: (answer) => answer.body.length * (answer.compressible ? 2 : 1),
  });

  const stamps = async (tenantId: string, names: readonly string[]): Promise<string | null> => {
    try {
      const values = await readCacheStamps(options.redis, options.prefix, tenantId, names);
      return values && values.join('|');
    } catch (err) {
      options.onError?.(err);
      return null;
    }
  };

  return {
    maxEntryBytes,
    stamp: (tenantId, name) => stamps(tenantId, [name]),
    stamps,
    get(key, stamp) {
      const answer = entries.get(key);
      if (answer?.stamp === stamp) return answer;
      if (answer) entries.delete(key);
      return undefined;
    },
    set(key, fresh) {
      if (fresh.body.length > maxEntryBytes) return;
      const storedAt = now();
      entries.set(key, { ...fresh, storedAt }, storedAt + maxAgeMs);
    },
  };
}
