import { randomUUID } from 'node:crypto';
import type Redis from 'ioredis';
import { CACHE_STAMP_TTL_SECONDS, cacheStampKey } from '@fleet/tenancy';

/** The stamp of everything a storefront page shows from the store's settings (name, theme, payment mode). */
export const STORE_STAMP = 'store';

/**
 * Renews the tenant's `store` stamp after a committed settings change: the storefront reloads the
 * store's info and the gateway's kept pages of the store are never served again. A failure is not
 * thrown (the change stands); the caches' backstop ages bound how long an old page lives.
 */
export async function renewStoreStamp(
  deps: { redis?: Redis; redisPrefix?: string },
  tenantId: string,
): Promise<void> {
  if (!deps.redis) return;
  const key = cacheStampKey(deps.redisPrefix ?? '', tenantId, STORE_STAMP);
  await deps.redis.set(key, randomUUID(), 'EX', CACHE_STAMP_TTL_SECONDS).catch(() => undefined);
}
