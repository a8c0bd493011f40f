/** Which upstream serves a path on a given door. Longest prefix wins; services add lines here. */
export interface RouteRule {
  door: 'apex' | 'console' | 'store';
  /**
   * The path and everything under it. A `{name}` segment matches any one segment, so
   * `/api/store/products/{id}/reviews` takes that sub-resource from the shorter
   * `/api/store/products` rule (longer rules win, whatever their placeholders).
   */
  prefix: string;
  upstream: string;
  /** Shoppers are refused on suspended stores; merchant admin stays reachable. */
  audience: 'shopper' | 'merchant' | 'platform' | 'public';
  /**
   * Who may call it. `public`: anyone (a bearer token, when sent, must still be valid and for
   * this host); otherwise a valid token with that role, issued for this host's tenant.
   */
  auth: 'public' | 'customer' | 'staff' | 'platform_admin';
  /**
   * Anonymous GET answers may be kept by the gateway while the tenant's cache stamp of this name
   * (or these names: all of them) is unchanged; the service that owns the data renews the stamp
   * after every write that changes them (tenancy's `cacheStampKey`). On a `pages` rule only HTML
   * pages the upstream marks shareable are kept, per host (see cached-forward.ts).
   */
  cache?: string | readonly string[];
  /**
   * Storefront pages: prefix `/` matches every path outside `/api`. Page requests on an unknown
   * host or a suspended store still go to the upstream, flagged in the signed context
   * (`ctx.storeStatus`), so the shop answers with its own 404 or 503 page.
   */
  pages?: true;
}

// One rule per line reads as a table.
// prettier-ignore
export const ROUTES: readonly RouteRule[] = [
  { door: 'apex', prefix: '/api/signup', upstream: 'tenancy', audience: 'public', auth: 'public' },
  { door: 'apex', prefix: '/', upstream: 'storefront', audience: 'public', auth: 'public', pages: true },

  { door: 'console', prefix: '/api/platform/auth', upstream: 'identity', audience: 'platform', auth: 'public' },
  { door: 'console', prefix: '/api/platform/session', upstream: 'identity', audience: 'platform', auth: 'public' },
  { door: 'console', prefix: '/api/platform/me', upstream: 'identity', audience: 'platform', auth: 'platform_admin' },
  { door: 'console', prefix: '/api/platform/tenants', upstream: 'tenancy', audience: 'platform', auth: 'platform_admin' },
  { door: 'console', prefix: '/api/platform/dead-letters', upstream: 'tenancy', audience: 'platform', auth: 'platform_admin' },
  { door: 'console', prefix: '/api/platform/queues', upstream: 'tenancy', audience: 'platform', auth: 'platform_admin' },
  { door: 'console', prefix: '/api/platform/search', upstream: 'search', audience: 'platform', auth: 'platform_admin' },
  // The job dashboard: no token can reach it from a link; tenancy checks its own pass cookie.
  { door: 'console', prefix: '/queues', upstream: 'tenancy', audience: 'platform', auth: 'public' },

  { door: 'store', prefix: '/api/store/info', upstream: 'tenancy', audience: 'shopper', auth: 'public' },
  { door: 'store', prefix: '/api/store/auth', upstream: 'identity', audience: 'shopper', auth: 'public' },
  { door: 'store', prefix: '/api/store/me', upstream: 'identity', audience: 'shopper', auth: 'customer' },
  { door: 'store', prefix: '/api/admin/auth', upstream: 'identity', audience: 'merchant', auth: 'public' },
  { door: 'store', prefix: '/api/admin/session', upstream: 'identity', audience: 'merchant', auth: 'public' },
  { door: 'store', prefix: '/api/admin/me', upstream: 'identity', audience: 'merchant', auth: 'staff' },
  { door: 'store', prefix: '/api/admin/staff', upstream: 'identity', audience: 'merchant', auth: 'staff' },
  // Accepting a staff invitation: the one-time token is the credential.
  { door: 'store', prefix: '/api/admin/invitations', upstream: 'identity', audience: 'merchant', auth: 'public' },
  { door: 'store', prefix: '/api/admin/domains', upstream: 'tenancy', audience: 'merchant', auth: 'staff' },
  { door: 'store', prefix: '/api/admin/settings/store', upstream: 'tenancy', audience: 'merchant', auth: 'staff' },
  { door: 'store', prefix: '/api/admin/settings/rates', upstream: 'tenancy', audience: 'merchant', auth: 'staff' },
  // The owner's export of the store's data (tenancy refuses other staff).
  { door: 'store', prefix: '/api/admin/store/exports', upstream: 'tenancy', audience: 'merchant', auth: 'staff' },
  { door: 'store', prefix: '/api/admin/settings/payments', upstream: 'payment', audience: 'merchant', auth: 'staff' },
  { door: 'store', prefix: '/api/admin/settings/shipping', upstream: 'shipment', audience: 'merchant', auth: 'staff' },
  { door: 'store', prefix: '/api/admin/settings/returns', upstream: 'order', audience: 'merchant', auth: 'staff' },

  { door: 'store', prefix: '/api/store/products', upstream: 'catalog', audience: 'shopper', auth: 'public', cache: 'catalog' },
  { door: 'store', prefix: '/api/store/categories', upstream: 'catalog', audience: 'shopper', auth: 'public', cache: 'catalog' },
  { door: 'store', prefix: '/api/store/collections', upstream: 'catalog', audience: 'shopper', auth: 'public', cache: 'catalog' },
  { door: 'store', prefix: '/api/admin/products', upstream: 'catalog', audience: 'merchant', auth: 'staff' },
  { door: 'store', prefix: '/api/admin/categories', upstream: 'catalog', audience: 'merchant', auth: 'staff' },
  { door: 'store', prefix: '/api/admin/collections', upstream: 'catalog', audience: 'merchant', auth: 'staff' },
  // Engagement: wishlists, and reviews and recommendations under catalog's product paths.
  { door: 'store', prefix: '/api/store/products/{id}/reviews', upstream: 'engagement', audience: 'shopper', auth: 'public' },
  { door: 'store', prefix: '/api/store/products/{id}/recommendations', upstream: 'engagement', audience: 'shopper', auth: 'public' },
  { door: 'store', prefix: '/api/store/me/wishlist', upstream: 'engagement', audience: 'shopper', auth: 'customer' },
  { door: 'store', prefix: '/api/admin/reviews', upstream: 'engagement', audience: 'merchant', auth: 'staff' },
  { door: 'store', prefix: '/api/store/search', upstream: 'search', audience: 'shopper', auth: 'public' },

  { door: 'store', prefix: '/api/store/carts', upstream: 'cart', audience: 'shopper', auth: 'public' },
  { door: 'store', prefix: '/api/store/checkout', upstream: 'checkout', audience: 'shopper', auth: 'public' },
  { door: 'store', prefix: '/api/store/orders', upstream: 'order', audience: 'shopper', auth: 'public' },
  { door: 'store', prefix: '/api/store/me/orders', upstream: 'order', audience: 'shopper', auth: 'customer' },
  { door: 'store', prefix: '/api/admin/orders', upstream: 'order', audience: 'merchant', auth: 'staff' },
  { door: 'store', prefix: '/api/admin/returns', upstream: 'order', audience: 'merchant', auth: 'staff' },
  { door: 'store', prefix: '/api/admin/inventory', upstream: 'inventory', audience: 'merchant', auth: 'staff' },
  { door: 'store', prefix: '/api/admin/shipments', upstream: 'shipment', audience: 'merchant', auth: 'staff' },
  // Payments in flight settle even on a suspended store: webhooks and simulate are not "shopper".
  { door: 'store', prefix: '/api/store/payments', upstream: 'payment', audience: 'public', auth: 'public' },
  { door: 'store', prefix: '/api/webhooks', upstream: 'payment', audience: 'public', auth: 'public' },

  // Catalog pages for visitors without cookies, under the stamps a page is rendered from (docs/security.md).
  { door: 'store', prefix: '/', upstream: 'storefront', audience: 'shopper', auth: 'public', pages: true, cache: ['catalog', 'theme', 'store'] },
  { door: 'store', prefix: '/api/admin/theme', upstream: 'storefront', audience: 'merchant', auth: 'staff' },
  { door: 'store', prefix: '/api/admin/notifications', upstream: 'notification', audience: 'merchant', auth: 'staff' },
];

const isApiPath = (path: string) => path === '/api' || path.startsWith('/api/');

const isPlaceholder = (segment: string) => segment.startsWith('{') && segment.endsWith('}');

/** The path is the prefix or under it; a `{name}` segment of the prefix matches one non-empty segment. */
function underPrefix(prefix: string, path: string): boolean {
  if (!prefix.includes('{')) return path === prefix || path.startsWith(`${prefix}/`);
  const want = prefix.split('/');
  const have = path.split('/');
  if (have.length < want.length) return false;
  return want.every((segment, i) => (isPlaceholder(segment) ? have[i] !== '' : have[i] === segment));
}

export function findRoute(
  rules: readonly RouteRule[],
  door: RouteRule['door'],
  path: string,
): RouteRule | undefined {
  let best: RouteRule | undefined;
  for (const rule of rules) {
    if (rule.door !== door) continue;
    const matches = rule.prefix === '/' ? !isApiPath(path) : underPrefix(rule.prefix, path);
    if (matches && (!best || rule.prefix.length > best.prefix.length)) best = rule;
  }
  return best;
}
