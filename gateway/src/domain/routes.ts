/** Which upstream serves a path on a given door. Longest prefix wins; services add lines here. */
export interface RouteRule {
  door: 'apex' | 'console' | 'store';
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
   * is unchanged; the service that owns the data renews the stamp after every write that changes
   * them (tenancy's `cacheStampKey`).
   */
  cache?: string;
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

  { door: 'store', prefix: '/api/store/products', upstream: 'catalog', audience: 'shopper', auth: 'public', cache: 'catalog' },
  { door: 'store', prefix: '/api/store/categories', upstream: 'catalog', audience: 'shopper', auth: 'public', cache: 'catalog' },
  { door: 'store', prefix: '/api/store/collections', upstream: 'catalog', audience: 'shopper', auth: 'public', cache: 'catalog' },
  { door: 'store', prefix: '/api/admin/products', upstream: 'catalog', audience: 'merchant', auth: 'staff' },
  { door: 'store', prefix: '/api/admin/categories', upstream: 'catalog', audience: 'merchant', auth: 'staff' },
  { door: 'store', prefix: '/api/admin/collections', upstream: 'catalog', audience: 'merchant', auth: 'staff' },
  { door: 'store', prefix: '/api/store/search', upstream: 'search', audience: 'shopper', auth: 'public' },

  { door: 'store', prefix: '/api/store/carts', upstream: 'cart', audience: 'shopper', auth: 'public' },
  { door: 'store', prefix: '/api/store/checkout', upstream: 'checkout', audience: 'shopper', auth: 'public' },
  { door: 'store', prefix: '/api/store/orders', upstream: 'order', audience: 'shopper', auth: 'public' },
  { door: 'store', prefix: '/api/store/me/orders', upstream: 'order', audience: 'shopper', auth: 'customer' },
  { door: 'store', prefix: '/api/admin/orders', upstream: 'order', audience: 'merchant', auth: 'staff' },
  { door: 'store', prefix: '/api/admin/inventory', upstream: 'inventory', audience: 'merchant', auth: 'staff' },
  // Payments in flight settle even on a suspended store: webhooks and simulate are not "shopper".
  { door: 'store', prefix: '/api/store/payments', upstream: 'payment', audience: 'public', auth: 'public' },
  { door: 'store', prefix: '/api/webhooks', upstream: 'payment', audience: 'public', auth: 'public' },

  { door: 'store', prefix: '/', upstream: 'storefront', audience: 'shopper', auth: 'public', pages: true },
  { door: 'store', prefix: '/api/admin/theme', upstream: 'storefront', audience: 'merchant', auth: 'staff' },
];

const isApiPath = (path: string) => path === '/api' || path.startsWith('/api/');

export function findRoute(
  rules: readonly RouteRule[],
  door: RouteRule['door'],
  path: string,
): RouteRule | undefined {
  let best: RouteRule | undefined;
  for (const rule of rules) {
    if (rule.door !== door) continue;
    const matches =
      rule.prefix === '/' ? !isApiPath(path) : path === rule.prefix || path.startsWith(`${rule.prefix}/`);
    if (matches && (!best || rule.prefix.length > best.prefix.length)) best = rule;
  }
  return best;
}
