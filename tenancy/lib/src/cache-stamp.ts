import { randomUUID } from 'node:crypto';
import type Redis from 'ioredis';

/**
 * Cache stamps: a random token per tenant and kind of answer (`catalog`), renewed by the owning
 * service after every committed write that changes such answers. The gateway keeps an answer
 * with the stamp it read before asking the upstream and serves it again only while the stamp is
 * unchanged, so a write is visible on the next request after it returned, on every gateway.
 * Tokens are random, never counters: a stamp lost with Redis comes back as a new token, never as
 * an old one. The hash tag keeps a tenant's keys on one Redis Cluster slot.
 */
export function cacheStampKey(prefix: string, tenantId: string, name: string): string {
  return `${prefix}{t:${tenantId}}:stamp:${name}`;
}

/** A stamp nobody renewed for this long expires (the next reader mints a new one). */
export const CACHE_STAMP_TTL_SECONDS = 7 * 24 * 3600;

/**
 * The tenant's stamps of these names, in order, in one Redis read; a missing one is minted (a
 * random token, set only if still absent, so concurrent readers agree). Null when one is still
 * missing after that; Redis errors are thrown.
 */
export async function readCacheStamps(
  redis: Redis,
  prefix: string,
  tenantId: string,
  names: readonly string[],
): Promise<string[] | null> {
  const keys = names.map((name) => cacheStampKey(prefix, tenantId, name));
  let values = await redis.mget(...keys);
  if (values.includes(null)) {
    await Promise.all(
      keys.map(
        (key, i) => values[i] === null && redis.set(key, randomUUID(), 'EX', CACHE_STAMP_TTL_SECONDS, 'NX'),
      ),
    );
    values = await redis.mget(...keys);
  }
  return values.every((v): v is string => v !== null) ? values : null;
}
