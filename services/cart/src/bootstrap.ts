import type Redis from 'ioredis';
import { createCartStore } from './data-access/cart.store';
import { createCatalogClient } from './data-access/catalog.client';
import { cachedVariantSource } from './data-access/variant-source';
import type { CartDeps } from './domain/cart-deps';

export interface CartDepsOptions {
  redis: Redis;
  redisPrefix: string;
  catalogUrl: string;
  signingKey: string;
  ttlSeconds?: number;
  /** In-process reuse of variant lookups for store requests; 0 disables. Default 3 s. */
  variantCacheMs?: number;
  catalogTimeoutMs?: number;
}

/** Everything the cart use cases need, from plain settings (main.ts, and tests anywhere). */
export function createCartDeps(options: CartDepsOptions): CartDeps & { close(): Promise<void> } {
  const catalog = createCatalogClient({
    baseUrl: options.catalogUrl,
    signingKey: options.signingKey,
    timeoutMs: options.catalogTimeoutMs ?? 2_000,
  });
  return {
    carts: createCartStore({
      redis: options.redis,
      prefix: options.redisPrefix,
      ttlSeconds: options.ttlSeconds ?? 7 * 86_400,
    }),
    variants: cachedVariantSource(catalog, { ttlMs: options.variantCacheMs ?? 3_000 }),
    close: () => catalog.close(),
  };
}
