import { randomUUID } from 'node:crypto';
import type Redis from 'ioredis';
import { CACHE_STAMP_TTL_SECONDS, cacheStampKey } from '@fleet/tenancy';

/** The stamps a rendered page depends on: the catalog's (renewed by catalog) and the theme's (ours). */
export interface PageStamps {
  catalog: string;
  theme: string;
}

export interface CacheStamps {
  /** Both stamps of the tenant (minted when missing); null when Redis cannot say. */
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
  const keys = (tenantId: string) => [
    cacheStampKey(prefix, tenantId, 'catalog'),
    cacheStampKey(prefix, tenantId, 'theme'),
  ];
  return {
    async read(tenantId) {
      const [catalogKey, themeKey] = keys(tenantId) as [string, string];
      try {
        let [catalog, theme] = await redis.mget(catalogKey, themeKey);
        if (catalog === null || theme === null) {
          const fresh = randomUUID();
          await Promise.all([
            catalog === null && redis.set(catalogKey, fresh, 'EX', CACHE_STAMP_TTL_SECONDS, 'NX'),
            theme === null && redis.set(themeKey, fresh, 'EX', CACHE_STAMP_TTL_SECONDS, 'NX'),
          ]);
          [catalog, theme] = await redis.mget(catalogKey, themeKey);
        }
        return catalog && theme ? { catalog, theme } : null;
      } catch (err) {
        onError?.(err);
        return null;
      }
    },
    async renewTheme(tenantId) {
      await redis.set(keys(tenantId)[1] as string, randomUUID(), 'EX', CACHE_STAMP_TTL_SECONDS);
    },
  };
}
