import type { StoreData } from '../attack-fixture';

export type Door = 'store' | 'apex' | 'console';
export type Caller = 'anonymous' | 'customer' | 'staff' | 'platform';

/**
 * One public operation as API.md and the gateway's route table (gateway/src/domain/routes.ts)
 * list it, with values that get past the first checks (so the fuzz reaches deeper code) next to
 * which the hostile ones are drawn.
 */
export interface PublicRoute {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** With `:name` for each path parameter. */
  path: string;
  door: Door;
  as: Caller;
  params?: Record<string, readonly string[]>;
  query?: Record<string, readonly string[]>;
  body?: Record<string, readonly unknown[]>;
  headers?: Record<string, readonly string[]>;
}

export interface FuzzIds {
  /** The store under attack (its owner's and a customer's tokens are used). */
  a: StoreData;
  /** Another store: its ids are tried on store A's host; its data must not change. */
  b: StoreData;
  /** A tenant with nothing in it, the only one platform-admin writes may name. */
  spareTenantId: string;
}

const address = { name: 'Ada', line1: '1 Main St', city: 'Pune', postalCode: '411001', country: 'IN' };
const LIMITS = ['1', '20', '100'];
const CURSORS: string[] = [];
/** A message id no dead letter has (real ones are event ids, `evt_…`). */
const FAKE_MESSAGE = 'fuzz-no-such-message';
const NO_TENANT = 'ten_00000000000000000000000000';
const NO_EXPORT = 'exp_00000000000000000000000000';

/** Every public operation behind the gateway, by door and caller. */
export function publicRoutes({ a, b, spareTenantId }: FuzzIds): PublicRoute[] {
  const both = <K extends keyof StoreData>(k: K) => [String(a[k]), String(b[k])];
  const product = both('productId');
  const list = (extra: Record<string, readonly string[]> = {}) => ({
    limit: LIMITS,
    cursor: CURSORS,
    ...extra,
  });
  const auth = (prefix: string, door: Door): PublicRoute[] => [
    {
      method: 'POST',
      path: `${prefix}/login`,
      door,
      as: 'anonymous',
      body: { email: ['a@b.co'], password: ['x'] },
    },
    { method: 'POST', path: `${prefix}/refresh`, door, as: 'anonymous', body: { refreshToken: ['rtk_x'] } },
    { method: 'POST', path: `${prefix}/logout`, door, as: 'anonymous', body: { refreshToken: ['rtk_x'] } },
  ];
  /** Password reset and e-mail verification: requests always 202, confirms with one-time tokens. */
  const accountTokens = (prefix: string): PublicRoute[] => [
    {
      method: 'POST',
      path: `${prefix}/password-reset`,
      door: 'store',
      as: 'anonymous',
      body: { email: ['a@b.co'] },
    },
    {
      method: 'POST',
      path: `${prefix}/password-reset/confirm`,
      door: 'store',
      as: 'anonymous',
      body: { token: [`pwr_${'a'.repeat(43)}`], password: ['long enough 1'] },
    },
    {
      method: 'POST',
      path: `${prefix}/verify-email/request`,
      door: 'store',
      as: 'anonymous',
      body: { email: ['a@b.co'] },
    },
    {
      method: 'POST',
      path: `${prefix}/verify-email`,
      door: 'store',
      as: 'anonymous',
      body: { token: [`vfy_${'a'.repeat(43)}`] },
    },
  ];
  const taxonomy = (kind: 'categories' | 'collections', id: string[], fields: PublicRoute['body']) =>
    [
      { method: 'GET', path: `/api/admin/${kind}`, door: 'store', as: 'staff', query: list() },
      { method: 'POST', path: `/api/admin/${kind}`, door: 'store', as: 'staff', body: fields },
      {
        method: 'PATCH',
        path: `/api/admin/${kind}/:id`,
        door: 'store',
        as: 'staff',
        params: { id },
        body: fields,
      },
      { method: 'DELETE', path: `/api/admin/${kind}/:id`, door: 'store', as: 'staff', params: { id } },
    ] satisfies PublicRoute[];
  const orderAction = (action: string, body: PublicRoute['body']): PublicRoute => ({
    method: 'POST',
    path: `/api/admin/orders/:id/${action}`,
    door: 'store',
    as: 'staff',
    params: { id: both('orderId') },
    body,
  });
  // prettier-ignore
  return [
    // Onboarding
    { method: 'POST', path: '/api/signup', door: 'apex', as: 'anonymous', body: { storeName: ['Fuzz'], slug: ['fuzz-store'], email: ['o@fuzz.test'], password: ['correct horse 1'], currency: ['USD'], country: ['US'] } },

    // Storefront
    { method: 'GET', path: '/api/store/info', door: 'store', as: 'anonymous' },
    { method: 'GET', path: '/api/store/products', door: 'store', as: 'anonymous', query: list({ q: ['mug'], category: both('categoryId'), collection: both('collectionId'), minPrice: ['0', '1500'], maxPrice: ['2000'], available: ['true'], sort: ['newest', 'price_asc', 'price_desc'] }) },
    { method: 'GET', path: '/api/store/products/:idOrSlug', door: 'store', as: 'anonymous', params: { idOrSlug: [...product, ...both('productSlug')] } },
    { method: 'GET', path: '/api/store/categories', door: 'store', as: 'anonymous', query: list() },
    { method: 'GET', path: '/api/store/collections', door: 'store', as: 'anonymous', query: list() },
    { method: 'GET', path: '/api/store/search', door: 'store', as: 'anonymous', query: { q: ['mug'], limit: LIMITS, offset: ['0', '10'], category: both('categoryId'), available: ['true'], priceBucket: ['0-1000'] } },
    { method: 'POST', path: '/api/store/carts', door: 'store', as: 'anonymous', body: {} },
    { method: 'GET', path: '/api/store/carts/:id', door: 'store', as: 'anonymous', params: { id: both('cartId') } },
    { method: 'POST', path: '/api/store/carts/:id/items', door: 'store', as: 'anonymous', params: { id: both('cartId') }, body: { variantId: both('variantId'), quantity: [1, 2] } },
    { method: 'PATCH', path: '/api/store/carts/:id/items/:itemId', door: 'store', as: 'anonymous', params: { id: both('cartId'), itemId: both('itemId') }, body: { quantity: [1, 3] } },
    { method: 'DELETE', path: '/api/store/carts/:id/items/:itemId', door: 'store', as: 'anonymous', params: { id: both('cartId'), itemId: both('itemId') } },
    { method: 'POST', path: '/api/store/carts/:id/merge', door: 'store', as: 'customer', params: { id: both('cartId') }, body: {} },
    { method: 'POST', path: '/api/store/checkout', door: 'store', as: 'anonymous', body: { cartId: both('cartId'), email: ['shopper@example.com'], shippingAddress: [address] }, headers: { 'idempotency-key': ['fuzz-key-1'] } },
    { method: 'GET', path: '/api/store/orders/:id', door: 'store', as: 'anonymous', params: { id: both('orderId') }, query: { token: both('orderToken') } },
    { method: 'POST', path: '/api/store/orders/:id/cancel', door: 'store', as: 'anonymous', params: { id: both('orderId') }, query: { token: both('orderToken') }, body: {} },
    { method: 'POST', path: '/api/store/orders/:id/returns', door: 'store', as: 'anonymous', params: { id: both('orderId') }, query: { token: both('orderToken') }, body: { lines: [[{ variantId: a.variantId, quantity: 1 }]], reason: ['too small'] } },
    { method: 'POST', path: '/api/store/auth/register', door: 'store', as: 'anonymous', body: { email: ['fuzz@example.com'], password: ['long enough 1'], name: ['Ada'] } },
    ...auth('/api/store/auth', 'store'),
    ...accountTokens('/api/store/auth'),
    { method: 'GET', path: '/api/store/me', door: 'store', as: 'customer' },
    { method: 'GET', path: '/api/store/me/orders', door: 'store', as: 'customer', query: list() },
    { method: 'GET', path: '/api/store/me/wishlist', door: 'store', as: 'customer', query: list() },
    { method: 'POST', path: '/api/store/me/wishlist', door: 'store', as: 'customer', body: { productId: product } },
    { method: 'DELETE', path: '/api/store/me/wishlist/:productId', door: 'store', as: 'customer', params: { productId: product } },
    { method: 'GET', path: '/api/store/products/:id/reviews', door: 'store', as: 'anonymous', params: { id: product }, query: list() },
    { method: 'POST', path: '/api/store/products/:id/reviews', door: 'store', as: 'customer', params: { id: product }, body: { rating: [1, 5], title: ['Good'], body: ['Works well'] } },
    { method: 'GET', path: '/api/store/products/:id/recommendations', door: 'store', as: 'anonymous', params: { id: product }, query: { limit: ['1', '8', '20'] } },
    { method: 'POST', path: '/api/store/payments/:id/simulate', door: 'store', as: 'anonymous', params: { id: both('paymentId') }, body: { outcome: ['failed'] } },
    { method: 'POST', path: '/api/store/payments/:id/confirm', door: 'store', as: 'anonymous', params: { id: both('paymentId') }, body: { razorpay_payment_id: ['pay_x'], razorpay_signature: ['sig'] } },
    { method: 'POST', path: '/api/webhooks/:provider', door: 'store', as: 'anonymous', params: { provider: ['stripe', 'razorpay'] }, body: { id: ['evt_1'], type: ['payment_intent.succeeded'], data: [{ object: { id: 'pi_1', metadata: { paymentId: a.paymentId } } }] }, headers: { 'stripe-signature': ['t=1,v1=00'], 'x-razorpay-signature': ['00'] } },

    // Merchant admin (store A's owner)
    ...auth('/api/admin/auth', 'store'),
    ...accountTokens('/api/admin/auth'),
    { method: 'GET', path: '/api/admin/me', door: 'store', as: 'staff' },
    { method: 'GET', path: '/api/admin/domains', door: 'store', as: 'staff' },
    { method: 'POST', path: '/api/admin/domains', door: 'store', as: 'staff', body: { hostname: ['shop.fuzz-example.com'] } },
    { method: 'POST', path: '/api/admin/domains/:id/verify', door: 'store', as: 'staff', params: { id: ['dom_00000000000000000000000000'] }, body: {} },
    { method: 'DELETE', path: '/api/admin/domains/:id', door: 'store', as: 'staff', params: { id: ['dom_00000000000000000000000000'] } },
    // Staff of the store (identity)
    { method: 'GET', path: '/api/admin/staff', door: 'store', as: 'staff' },
    { method: 'POST', path: '/api/admin/staff/invitations', door: 'store', as: 'staff', body: { email: ['new@fuzz.test'], role: ['staff', 'admin'] } },
    { method: 'DELETE', path: '/api/admin/staff/invitations/:id', door: 'store', as: 'staff', params: { id: ['inv_00000000000000000000000000'] } },
    { method: 'PATCH', path: '/api/admin/staff/:id', door: 'store', as: 'staff', params: { id: ['stf_00000000000000000000000000'] }, body: { role: ['admin', 'staff'] } },
    { method: 'DELETE', path: '/api/admin/staff/:id', door: 'store', as: 'staff', params: { id: ['stf_00000000000000000000000000'] } },
    { method: 'POST', path: '/api/admin/invitations/accept', door: 'store', as: 'anonymous', body: { token: [`inv_${'a'.repeat(43)}`], name: ['Ada'], password: ['long enough 1'] } },
    { method: 'GET', path: '/api/admin/settings/store', door: 'store', as: 'staff' },
    { method: 'PATCH', path: '/api/admin/settings/store', door: 'store', as: 'staff', body: { name: ['Fuzzed'], theme: [{ primaryColor: '#112233' }] } },
    { method: 'GET', path: '/api/admin/settings/rates', door: 'store', as: 'staff' },
    { method: 'PATCH', path: '/api/admin/settings/rates', door: 'store', as: 'staff', body: { shippingFlatRate: [0, 500], taxRateBps: [0, 1000], unpaidOrderTimeoutMinutes: [30] } },
    { method: 'GET', path: '/api/admin/settings/payments', door: 'store', as: 'staff' },
    { method: 'PUT', path: '/api/admin/settings/payments', door: 'store', as: 'staff', body: { provider: ['offline', 'stripe', 'razorpay'], credentials: [{}] } },
    { method: 'POST', path: '/api/admin/settings/payments/go-live', door: 'store', as: 'staff' },
    { method: 'POST', path: '/api/admin/settings/payments/test-mode', door: 'store', as: 'staff' },
    // Browser sessions of the web apps (the refresh token in an HttpOnly cookie)
    { method: 'POST', path: '/api/admin/session', door: 'store', as: 'anonymous', headers: { 'x-csrf': ['1'] }, body: { email: ['a@b.co'], password: ['x'] } },
    { method: 'POST', path: '/api/admin/session/refresh', door: 'store', as: 'anonymous', headers: { 'x-csrf': ['1'] } },
    { method: 'DELETE', path: '/api/admin/session', door: 'store', as: 'anonymous', headers: { 'x-csrf': ['1'] } },
    { method: 'POST', path: '/api/platform/session', door: 'console', as: 'anonymous', headers: { 'x-csrf': ['1'] }, body: { email: ['a@b.co'], password: ['x'] } },
    { method: 'POST', path: '/api/platform/session/refresh', door: 'console', as: 'anonymous', headers: { 'x-csrf': ['1'] } },
    { method: 'DELETE', path: '/api/platform/session', door: 'console', as: 'anonymous', headers: { 'x-csrf': ['1'] } },
    // Theme template overrides (the storefront)
    { method: 'GET', path: '/api/admin/theme/templates', door: 'store', as: 'staff' },
    { method: 'GET', path: '/api/admin/theme/templates/:name', door: 'store', as: 'staff', params: { name: ['templates/product.liquid', 'layout/theme.liquid'] } },
    { method: 'PUT', path: '/api/admin/theme/templates/:name', door: 'store', as: 'staff', params: { name: ['templates/product.liquid', 'snippets/card.liquid'] }, body: { source: ['<h1>{{ product.title }}</h1>', '{% if %}'] } },
    { method: 'DELETE', path: '/api/admin/theme/templates/:name', door: 'store', as: 'staff', params: { name: ['templates/product.liquid'] } },
    { method: 'POST', path: '/api/admin/theme/preview/:name', door: 'store', as: 'staff', params: { name: ['product', 'layout/theme', 'snippets/card'] }, body: { source: ['<h1>{{ product.title }}</h1>', '{% if %}'] } },
    // E-mail templates and deliveries (notification)
    { method: 'GET', path: '/api/admin/notifications/templates', door: 'store', as: 'staff' },
    { method: 'PUT', path: '/api/admin/notifications/templates/:type', door: 'store', as: 'staff', params: { type: ['order_confirmation', 'password_reset'] }, body: { subject: ['Thanks {{ order.id }}'], html: ['<p>{{ store.name }}</p>', '{% if %}'], text: ['Thanks', null] } },
    { method: 'DELETE', path: '/api/admin/notifications/templates/:type', door: 'store', as: 'staff', params: { type: ['order_shipped'] } },
    { method: 'POST', path: '/api/admin/notifications/templates/:type/preview', door: 'store', as: 'staff', params: { type: ['order_confirmation', 'return_update'] }, body: { subject: ['Hi'], html: ['<p>{{ order.total | money: order.currency }}</p>', '{{ x | nope }}'] } },
    { method: 'GET', path: '/api/admin/notifications/deliveries', door: 'store', as: 'staff', query: list({ status: ['queued', 'sent', 'failed'], type: ['order_confirmation'] }) },
    { method: 'GET', path: '/api/admin/products', door: 'store', as: 'staff', query: list({ status: ['draft', 'active', 'archived'], q: ['mug'] }) },
    { method: 'POST', path: '/api/admin/products', door: 'store', as: 'staff', body: { title: ['Fuzz mug'], variants: [[{ sku: 'FZ-1', title: 'One', price: 100, currency: 'USD', stock: 1 }]], categoryIds: [[a.categoryId], [b.categoryId]], status: ['draft'] } },
    { method: 'POST', path: '/api/admin/products/bulk', door: 'store', as: 'staff', body: { products: [[{ title: 'Bulk', variants: [{ sku: 'BK-1', title: 'One', price: 1, currency: 'USD', stock: 0 }] }]] } },
    { method: 'POST', path: '/api/admin/products/import', door: 'store', as: 'staff', body: {} },
    { method: 'GET', path: '/api/admin/products/export.csv', door: 'store', as: 'staff' },
    { method: 'GET', path: '/api/admin/products/:id', door: 'store', as: 'staff', params: { id: product } },
    { method: 'PATCH', path: '/api/admin/products/:id', door: 'store', as: 'staff', params: { id: product }, body: { title: ['Renamed'], status: ['active'], description: ['d'] } },
    { method: 'DELETE', path: '/api/admin/products/:id', door: 'store', as: 'staff', params: { id: [b.productId] } },
    ...taxonomy('categories', both('categoryId'), { name: ['Plates'], parentId: both('categoryId'), position: [0, 1] }),
    ...taxonomy('collections', both('collectionId'), { title: ['Winter'], description: ['d'] }),
    { method: 'GET', path: '/api/admin/reviews', door: 'store', as: 'staff', query: list({ status: ['visible', 'hidden'], productId: product }) },
    ...(['hide', 'unhide'] as const).map((action): PublicRoute => ({ method: 'POST', path: `/api/admin/reviews/:id/${action}`, door: 'store', as: 'staff', params: { id: ['rev_fuzz_none'] }, body: {} })),
    { method: 'POST', path: '/api/admin/reviews/:id/reply', door: 'store', as: 'staff', params: { id: ['rev_fuzz_none'] }, body: { body: ['Thank you'] } },
    { method: 'GET', path: '/api/admin/orders', door: 'store', as: 'staff', query: list({ status: ['PENDING', 'PLACED', 'CANCELLED'], q: ['shopper@', 'ord_00000000000000000000000000', '%_\\'] }) },
    { method: 'GET', path: '/api/admin/orders/:id', door: 'store', as: 'staff', params: { id: both('orderId') } },
    orderAction('fulfill', { carrier: ['DHL'] }),
    orderAction('ship', { carrier: ['DHL'], trackingNumber: ['1Z'] }),
    orderAction('deliver', {}),
    orderAction('cancel', { reason: ['fuzz'] }),
    orderAction('refund', { amount: [1, 1500] }),
    { method: 'GET', path: '/api/admin/inventory', door: 'store', as: 'staff', query: list({ lowStock: ['true', 'false'], threshold: ['5'], productId: product }) },
    { method: 'PUT', path: '/api/admin/inventory/:variantId', door: 'store', as: 'staff', params: { variantId: [b.variantId] }, body: { onHand: [0, 10], productId: product } },
    { method: 'GET', path: '/api/admin/settings/returns', door: 'store', as: 'staff' },
    { method: 'PUT', path: '/api/admin/settings/returns', door: 'store', as: 'staff', body: { returnWindowDays: [0, 30, 365] } },
    { method: 'GET', path: '/api/admin/returns', door: 'store', as: 'staff', query: list({ status: ['REQUESTED', 'REFUNDED'] }) },
    { method: 'POST', path: '/api/admin/returns/:id/accept', door: 'store', as: 'staff', params: { id: ['ret_fuzz'] }, body: {} },
    { method: 'POST', path: '/api/admin/returns/:id/reject', door: 'store', as: 'staff', params: { id: ['ret_fuzz'] }, body: {} },
    { method: 'POST', path: '/api/admin/returns/:id/receive', door: 'store', as: 'staff', params: { id: ['ret_fuzz'] }, body: { restock: [true, false] } },
    { method: 'POST', path: '/api/admin/returns/:id/refund', door: 'store', as: 'staff', params: { id: ['ret_fuzz'] }, body: {} },
    { method: 'GET', path: '/api/admin/settings/shipping', door: 'store', as: 'staff' },
    { method: 'PUT', path: '/api/admin/settings/shipping', door: 'store', as: 'staff', body: { carrier: ['flat', 'parcelpost', 'swiftship', 'dhl'] } },
    { method: 'GET', path: '/api/admin/shipments', door: 'store', as: 'staff', query: list({ orderId: both('orderId'), status: ['CREATED', 'DELIVERED'] }) },
    { method: 'GET', path: '/api/admin/shipments/:id', door: 'store', as: 'staff', params: { id: ['shp_fuzz'] } },
    { method: 'POST', path: '/api/admin/shipments/:id/status', door: 'store', as: 'staff', params: { id: ['shp_fuzz'] }, body: { status: ['IN_TRANSIT', 'DELIVERED', 'LOST'], description: ['fuzz'] } },

    // Platform console
    ...auth('/api/platform/auth', 'console'),
    { method: 'GET', path: '/api/platform/me', door: 'console', as: 'platform' },
    { method: 'GET', path: '/api/platform/tenants', door: 'console', as: 'platform', query: list({ q: ['fuzz'], status: ['active', 'suspended'] }) },
    { method: 'POST', path: '/api/platform/tenants', door: 'console', as: 'platform', body: { storeName: ['Fuzz'], slug: ['fuzz-provisioned'], currency: ['USD'], country: ['US'], plan: ['free', 'pro'] } },
    { method: 'GET', path: '/api/platform/tenants/:id', door: 'console', as: 'platform', params: { id: [spareTenantId, b.tenantId] } },
    { method: 'PATCH', path: '/api/platform/tenants/:id', door: 'console', as: 'platform', params: { id: [spareTenantId] }, body: { plan: ['free', 'pro'] } },
    { method: 'POST', path: '/api/platform/tenants/:id/suspend', door: 'console', as: 'platform', params: { id: [spareTenantId] }, body: {} },
    { method: 'POST', path: '/api/platform/tenants/:id/resume', door: 'console', as: 'platform', params: { id: [spareTenantId] }, body: {} },
    // Tenant lifecycle: deletes and new exports only for a made-up tenant (404), so the fuzz never
    // takes a store offline nor queues archive after archive; reads on the real ones.
    { method: 'POST', path: '/api/platform/tenants/:id/exports', door: 'console', as: 'platform', params: { id: [NO_TENANT] }, body: {} },
    { method: 'GET', path: '/api/platform/tenants/:id/exports', door: 'console', as: 'platform', params: { id: [spareTenantId, b.tenantId] } },
    { method: 'GET', path: '/api/platform/tenants/:id/exports/:exportId', door: 'console', as: 'platform', params: { id: [spareTenantId, b.tenantId], exportId: [NO_EXPORT, 'exp_x'] } },
    { method: 'GET', path: '/api/platform/tenants/:id/exports/:exportId/archive', door: 'console', as: 'platform', params: { id: [spareTenantId], exportId: [NO_EXPORT] } },
    { method: 'POST', path: '/api/platform/tenants/:id/delete', door: 'console', as: 'platform', params: { id: [NO_TENANT] }, body: {} },
    { method: 'DELETE', path: '/api/platform/tenants/:id', door: 'console', as: 'platform', params: { id: [NO_TENANT] } },
    { method: 'POST', path: '/api/platform/tenants/:id/restore', door: 'console', as: 'platform', params: { id: [spareTenantId, NO_TENANT] }, body: {} },
    { method: 'GET', path: '/api/admin/store/exports', door: 'store', as: 'staff' },
    { method: 'GET', path: '/api/admin/store/exports/:exportId', door: 'store', as: 'staff', params: { exportId: [NO_EXPORT, 'exp_x'] } },
    { method: 'GET', path: '/api/admin/store/exports/:exportId/archive', door: 'store', as: 'staff', params: { exportId: [NO_EXPORT] } },
    // As a customer: refused before any archive is queued (the owner's export: tenant-lifecycle.test.ts).
    { method: 'POST', path: '/api/admin/store/exports', door: 'store', as: 'customer', body: {} },
    // Dead letters: only made-up message ids, so a replay or discard never moves a real letter.
    { method: 'GET', path: '/api/platform/dead-letters', door: 'console', as: 'platform', query: { service: ['search', 'order'], eventType: ['product.updated'], limit: ['1', '50', '200'] } },
    { method: 'GET', path: '/api/platform/dead-letters/discarded', door: 'console', as: 'platform', query: { limit: LIMITS, cursor: CURSORS } },
    { method: 'GET', path: '/api/platform/dead-letters/:service/:consumer/:messageId', door: 'console', as: 'platform', params: { service: ['search', 'order'], consumer: ['products', 'saga-events'], messageId: [FAKE_MESSAGE] } },
    { method: 'POST', path: '/api/platform/dead-letters/replay', door: 'console', as: 'platform', body: { letters: [[{ service: 'search', consumer: 'products', messageId: FAKE_MESSAGE }]] } },
    { method: 'POST', path: '/api/platform/dead-letters/discard', door: 'console', as: 'platform', body: { service: ['search'], consumer: ['products'], messageId: [FAKE_MESSAGE], reason: ['fuzz: no such letter'] } },
    { method: 'POST', path: '/api/platform/queues/ticket', door: 'console', as: 'platform' },
    // A reindex changes no data; only the spare (empty) store is named.
    { method: 'POST', path: '/api/platform/search/reindex', door: 'console', as: 'platform', body: { tenantId: [spareTenantId] } },
    { method: 'GET', path: '/api/platform/search/reindex/:tenantId', door: 'console', as: 'platform', params: { tenantId: [spareTenantId, a.tenantId] } },
  ];
}

/** How a route is named in failures and in the count. */
export const routeName = (r: PublicRoute) => `${r.method} ${r.path} (${r.door}, ${r.as})`;
