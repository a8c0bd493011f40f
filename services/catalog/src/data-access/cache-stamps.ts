import { randomUUID } from 'node:crypto';
import type Redis from 'ioredis';
import type { Logger } from '@fleet/logger';
import { CACHE_STAMP_TTL_SECONDS, cacheStampKey } from '@fleet/tenancy';

/** The stamp name of every storefront answer catalog gives (products, categories, collections). */
export const CATALOG_STAMP = 'catalog';

export interface CacheStamps {
  /** After a committed write: answers cached before it are never served again. */
  renew(tenantId: string): Promise<void>;
}

/**
 * Renews the tenant's `catalog` stamp with a new random token. A failure is logged, not thrown:
 * the write itself stands, and the gateway's backstop age bounds how long an old answer lives.
 */
export function createCacheStamps(redis: Redis, prefix: string, logger: Logger): CacheStamps {
  return {
    async renew(tenantId) {
      const key = cacheStampKey(prefix, tenantId, CATALOG_STAMP);
      await redis.set(key, randomUUID(), 'EX', CACHE_STAMP_TTL_SECONDS).catch((err: unknown) => {
        logger.warn({ err, tenantId }, 'catalog cache stamp not renewed; cached answers age out');
      });
    },
  };
}
