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
