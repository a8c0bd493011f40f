import type { Logger } from '@fleet/logger';
import type { CacheStamps } from '../data-access/cache-stamps';
import type { CartClient } from '../data-access/cart.client';
import type { CatalogClient } from '../data-access/catalog.client';
import type { CheckoutClient } from '../data-access/checkout.client';
import type { EngagementClient } from '../data-access/engagement.client';
import type { IdentityClient } from '../data-access/identity.client';
import type { OrderClient } from '../data-access/order.client';
import type { PageCache } from '../data-access/page-cache';
import type { PaymentClient } from '../data-access/payment.client';
import type { RegistryClient } from '../data-access/registry.client';
import type { SearchClient } from '../data-access/search.client';
import type { ThemeOverrides } from '../data-access/theme-overrides';
import type { Sealer } from './sealed-value';
import type { Themes } from './themes';

/** Everything the storefront's routes use: the service clients, the themes and the caches. */
export interface StorefrontDeps {
  logger: Logger;
  platformDomain: string;
  sealer: Sealer;
  themes: Themes;
  /** The apex host's pages (sign-up) and the "no store here" page. */
  platformThemes: Themes;
  overrides: ThemeOverrides;
  stamps: CacheStamps;
  pageCache: PageCache;
  catalog: CatalogClient;
  search: SearchClient;
  registry: RegistryClient;
  cart: CartClient;
  checkout: CheckoutClient;
  order: OrderClient;
  identity: IdentityClient;
  payment: PaymentClient;
  /** Reviews, recommendations and wishlists (empty when ENGAGEMENT_URL is unset). */
  engagement: EngagementClient;
}
