import { randomUUID } from 'node:crypto';
import type Redis from 'ioredis';
import { CACHE_STAMP_TTL_SECONDS, cacheStampKey, readCacheStamps } from '@fleet/tenancy';

/**
 * The stamps a rendered page depends on: the catalog's (renewed by catalog), the theme's (ours)
 * and the store's settings' (renewed by tenancy). The gateway keeps anonymous pages under the same
 * three (its route rule for pages).
 */
export interface PageStamps {
  catalog: string;
  theme: string;
  store: string;
}

const NAMES = ['catalog', 'theme', 'store'] as const;

export interface CacheStamps {
  /** The tenant's page stamps (minted when missing); null when Redis cannot say. */
  read(tenantId: string): Promise<PageStamps | null>;
  /** A new theme stamp after an override changed: every page and engine of the tenant is stale. */
  renewTheme(tenantId: string): Promise<void>;
}

/**
 * The same per-tenant stamps the gateway's response cache checks (tenancy's `cacheStampKey`):
 * catalog renews `catalog` after every write that changes storefront answers, the storefront
 * renews `theme` after every override change.
 */
export function createCacheStamps(
  redis: Redis,
  prefix: string,
  onError?: (err: unknown) => void,
): CacheStamps {
  return {
    async read(tenantId) {
      try {
        const values = await readCacheStamps(redis, prefix, tenantId, NAMES);
        if (!values) return null;
        const [catalog, theme, store] = values as [string, string, string];
        return { catalog, theme, store };
      } catch (err) {
        onError?.(err);
        return null;
      }
    },
    async renewTheme(tenantId) {
      await redis.set(cacheStampKey(prefix, tenantId, 'theme'), randomUUID(), 'EX', CACHE_STAMP_TTL_SECONDS);
    },
  };
}
