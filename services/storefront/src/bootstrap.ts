import { join } from 'node:path';
import type Redis from 'ioredis';
import type { Db } from '@fleet/db';
import type { Logger } from '@fleet/logger';
import { createCacheStamps } from './data-access/cache-stamps';
import { createCartClient } from './data-access/cart.client';
import { createCatalogClient } from './data-access/catalog.client';
import { createCheckoutClient } from './data-access/checkout.client';
import { createEngagementClient } from './data-access/engagement.client';
import { createIdentityClient } from './data-access/identity.client';
import { createInternalCaller, type InternalCaller } from './data-access/internal-call';
import { createOrderClient } from './data-access/order.client';
import { PageCache } from './data-access/page-cache';
import { createPaymentClient } from './data-access/payment.client';
import { createRegistryClient } from './data-access/registry.client';
import { createSearchClient } from './data-access/search.client';
import { createThemeOverrides } from './data-access/theme-overrides';
import { createSealer } from './domain/sealed-value';
import type { StorefrontDeps } from './domain/storefront-deps';
import { DEFAULT_THEME_DIR, readThemeFolder } from './domain/theme-files';
import { createThemes } from './domain/themes';

export interface StorefrontWiring {
  logger: Logger;
  db: Db;
  redis: Redis;
  redisPrefix: string;
  signingKey: string;
  platformDomain: string;
  /** Base URL of each service the storefront reads. */
  urls: {
    tenancy: string;
    catalog: string;
    search: string;
    cart: string;
    checkout: string;
    order: string;
    identity: string;
    payment: string;
    /** Optional: without it the product page has no reviews or recommendations, the account no wishlist. */
    engagement?: string;
  };
  timeoutMs?: number;
  pageCacheBytes?: number;
}

/** The storefront's dependencies, wired the same way by start.ts and the tests. */
export function createStorefrontDeps(w: StorefrontWiring): StorefrontDeps & { close(): Promise<void> } {
  const callers: InternalCaller[] = [];
  const caller = (name: Exclude<keyof StorefrontWiring['urls'], 'engagement'>) =>
    callerAt(name, w.urls[name]);
  const callerAt = (name: string, url: string) => {
    const c = createInternalCaller(name, url, {
      signingKey: w.signingKey,
      timeoutMs: w.timeoutMs ?? 5_000,
    });
    callers.push(c);
    return c;
  };
  const overrides = createThemeOverrides(w.db);
  const defaults = readThemeFolder();
  const platformFiles = readThemeFolder(join(DEFAULT_THEME_DIR, '..', 'platform'));
  for (const [path, source] of defaults) if (path.startsWith('assets/')) platformFiles.set(path, source);
  const noOverrides = { list: async () => [], recordError: async () => undefined };
  return {
    logger: w.logger,
    platformDomain: w.platformDomain,
    sealer: createSealer(w.signingKey),
    themes: createThemes(defaults, overrides, w.logger),
    platformThemes: createThemes(platformFiles, noOverrides, w.logger),
    overrides,
    stamps: createCacheStamps(w.redis, w.redisPrefix, (err) =>
      w.logger.warn({ err }, 'cache stamps unreadable'),
    ),
    pageCache: new PageCache(w.pageCacheBytes ?? 32 * 1024 * 1024),
    catalog: createCatalogClient(caller('catalog')),
    search: createSearchClient(caller('search')),
    registry: createRegistryClient(caller('tenancy')),
    cart: createCartClient(caller('cart')),
    checkout: createCheckoutClient(caller('checkout')),
    order: createOrderClient(caller('order')),
    identity: createIdentityClient(caller('identity')),
    payment: createPaymentClient(caller('payment')),
    engagement: createEngagementClient(
      w.urls.engagement ? callerAt('engagement', w.urls.engagement) : undefined,
    ),
    close: async () => {
      await Promise.all(callers.map((c) => c.close()));
    },
  };
}
