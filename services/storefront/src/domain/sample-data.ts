import { themeSettings } from './theme-settings';

/** Every page template of a theme, as `render(template)` names them. */
export const PAGE_TEMPLATES = [
  'index',
  'collection',
  'product',
  'search',
  'cart',
  'checkout',
  'order',
  'customers/login',
  'customers/register',
  'customers/account',
  'customers/forgot-password',
  'customers/reset-password',
  'customers/verify-email',
  '404',
  'unavailable',
] as const;

const variant = (id: string, title: string, price: number, available = true) => ({
  id,
  title,
  sku: `SAMPLE-${id}`,
  price,
  compare_at: price === 2500 ? 3200 : null,
  currency: 'USD',
  available,
});

const product = {
  id: 'prod_sample',
  slug: 'sample-mug',
  title: 'Sample mug',
  description: 'A sturdy stoneware mug.\nDishwasher safe.',
  price: 2500,
  compare_at: 3200,
  currency: 'USD',
  available: true,
  option_label: 'Size',
  images: [],
  variants: [variant('var_s', 'Small', 2500), variant('var_l', 'Large', 2900, false)],
};

const cartItem = {
  id: 'item_1',
  variantId: 'var_s',
  productId: 'prod_sample',
  title: 'Sample mug',
  variantTitle: 'Small',
  quantity: 2,
  unitPrice: 2500,
  lineTotal: 5000,
  currency: 'USD',
  available: true,
};

/**
 * Data shaped as the storefront gives each template, for the trial render that validates a
 * merchant's override before it is saved (and for tests).
 */
export function sampleData(template: string, schema: unknown): Record<string, unknown> {
  const category = { id: 'cat_1', slug: 'mugs', name: 'Mugs' };
  const order = {
    id: 'ord_sample',
    status: 'PENDING',
    status_label: 'Awaiting payment',
    items: [{ title: 'Sample mug', quantity: 2, lineTotal: 5000 }],
    subtotal: 5000,
    shipping: 500,
    tax: 400,
    total: 5900,
    currency: 'USD',
    createdAt: '2026-01-01T00:00:00.000Z',
    can_cancel: true,
    shipments: [
      {
        id: 'shp_sample',
        carrierName: 'ParcelPost',
        trackingNumber: 'PP473124829FL',
        trackingUrl: 'https://track.parcelpost.example/PP473124829FL',
        status: 'IN_TRANSIT',
        status_label: 'On its way',
        events: [
          { status: 'CREATED', at: '2026-01-02T09:00:00.000Z', label: 'Label created', day: '2026-01-02' },
        ],
      },
    ],
    returns: [
      {
        id: 'ret_sample',
        status: 'REQUESTED',
        lines: [{ variantId: 'var_1', title: 'Sample mug', quantity: 1 }],
      },
    ],
    returnable_lines: [{ variant_id: 'var_1', title: 'Sample mug', returnable: 1 }],
    return_action: '/orders/ord_sample/returns',
  };
  return {
    template,
    page_title: 'Sample store',
    page_description: 'A sample page.',
    canonical_url: 'https://sample.example/',
    shop: { name: 'Sample store', currency: 'USD', url: 'https://sample.example', test_mode: true },
    settings: themeSettings(schema, {}),
    csrf_token: 'sample-token',
    cart_count: '2',
    categories: [category],
    customer: { name: 'Ada', email: 'ada@example.com' },
    featured: [product],
    featured_collection: { title: 'Staff picks', handle: 'staff-picks' },
    collections: [{ title: 'Staff picks', handle: 'staff-picks' }],
    products: [product],
    collection: { title: 'Mugs', handle: 'mugs', kind: 'category' },
    filters: { min: '', max: '', available: false, sort: 'newest' },
    sort_options: [{ value: 'newest', label: 'Newest' }],
    paging: { next_url: '/collections/mugs?cursor=x', first_url: '/collections/mugs' },
    product,
    selected_variant: product.variants[0],
    json_ld: { '@type': 'Product', name: 'Sample mug' },
    search: {
      performed: true,
      terms: 'mug',
      total: 1,
      results: [product],
      categories: [{ label: 'Mugs', count: 1, url: '/search?q=mug&category=cat_1', active: false }],
      prices: [{ label: 'Under $10', count: 1, url: '/search?q=mug', active: false }],
      availability: [{ label: 'In stock', count: 1, url: '/search?q=mug&available=true', active: false }],
      next_url: null,
      prev_url: null,
      clear_url: null,
    },
    cart: { items: [cartItem], itemCount: 2, subtotal: 5000, currency: 'USD' },
    checkout: {
      idempotency_key: 'sample',
      fields: [
        { id: 'name', label: 'Full name', autocomplete: 'name', required: true, value: '', error: null },
      ],
      subtotal: 5000,
      shipping: 500,
      tax: 400,
      total: 5900,
      currency: 'USD',
    },
    form: { email: 'ada@example.com', name: 'Ada' },
    token: 'pwr_sample',
    sent: false,
    errors: {},
    order,
    orders: [order],
    payment: { can_pay: true },
    just_placed: true,
    not_found: { title: 'Page not found', detail: 'Nothing here.' },
    reviews: {
      count: 1,
      average: '4.0',
      stars: '★★★★☆',
      items: [
        {
          id: 'rev_sample',
          rating: 4,
          stars: '★★★★☆',
          title: 'Holds a lot of tea',
          body: 'Sturdy and warm to hold.',
          verified: true,
          date: '2026-01-02',
          reply: { body: 'Thank you!', at: '2026-01-03T00:00:00.000Z' },
        },
      ],
    },
    recommendations: [product],
    wishlist: [{ productId: product.id, product }],
  };
}
