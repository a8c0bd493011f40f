import { z } from 'zod';
import { productCard } from './catalog';
import { countryCode } from './common';
import { operations } from './operation';

/** Search, cart and checkout: a shopper's way from a query to an order. */

export const PRICE_BUCKET_KEYS = [
  '0-1000',
  '1000-2500',
  '2500-5000',
  '5000-10000',
  '10000-25000',
  '25000+',
] as const;
export const MAX_CART_QUANTITY = 99;
export const MAX_CART_LINES = 100;

const searchId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'Expected an id (letters, digits, - and _).');

/** `?category=a,b` or `?category=a&category=b`: any of them. */
const categories = z
  .union([z.string(), z.array(z.string())])
  .transform((value) => (Array.isArray(value) ? value : [value]).flatMap((v) => v.split(',')).filter(Boolean))
  .pipe(z.array(searchId).max(20));

export const searchQuery = z.strictObject({
  q: z.string().max(200).default(''),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(1000).default(0),
  category: categories.optional(),
  available: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
  priceBucket: z.enum(PRICE_BUCKET_KEYS).optional(),
});

export const searchResult = z.looseObject({
  hits: z.array(productCard.extend({ available: z.boolean(), image: z.string().optional() })),
  facets: z.looseObject({
    category: z.record(z.string(), z.int()),
    priceBucket: z.record(z.string(), z.int()),
    availability: z.looseObject({ in_stock: z.int(), out_of_stock: z.int() }),
  }),
  estimatedTotal: z.int(),
});

/** Ids are checked for shape in the use cases: a malformed one is as unknown as a foreign one (404). */
export const cartParams = z.strictObject({ id: z.string() });
export const cartItemParams = z.strictObject({ id: z.string(), itemId: z.string() });

export const variantId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'is not a variant id');
const quantity = z
  .int('must be a whole number')
  .min(1)
  .max(MAX_CART_QUANTITY, `must be at most ${MAX_CART_QUANTITY}`);

export const addCartItemBody = z.strictObject({ variantId, quantity: quantity.default(1) });
export const updateCartItemBody = z.strictObject({ quantity });

export const cart = z.looseObject({
  id: z.string(),
  items: z.array(
    z.looseObject({
      id: z.string(),
      variantId: z.string(),
      productId: z.string().nullable(),
      title: z.string().nullable(),
      variantTitle: z.string().nullable(),
      sku: z.string().nullable(),
      image: z.string().nullable(),
      quantity: z.int(),
      unitPrice: z.int().nullable(),
      lineTotal: z.int(),
      currency: z.string().nullable(),
      purchasable: z.boolean(),
      available: z.boolean(),
      availableQuantity: z.int(),
    }),
  ),
  subtotal: z.int(),
  currency: z.string().nullable(),
  itemCount: z.int(),
});

const text = (max: number) => z.string().trim().min(1, 'is required').max(max);
const optionalText = (max: number) => z.string().trim().max(max).optional();

/** Same limits as order's CreateOrderRequest schema, so order never refuses what passes here. */
export const shippingAddress = z.strictObject({
  name: text(200),
  line1: text(300),
  line2: optionalText(300),
  city: text(100),
  region: optionalText(100),
  postalCode: text(20),
  country: countryCode,
  phone: z
    .string()
    .trim()
    .max(40)
    .regex(/^\+?[0-9 ()./-]{3,}$/, 'must be a phone number')
    .optional(),
});

export const checkoutBody = z.strictObject({
  cartId: z.string().regex(/^cart_[A-Za-z0-9_-]{22}$/, 'is not a cart id'),
  email: z.email('must be an e-mail address').max(320),
  shippingAddress,
});

export const checkoutResult = z.looseObject({
  orderId: z.string(),
  orderToken: z.string(),
  status: z.string(),
  total: z.int(),
  currency: z.string(),
  payment: z.looseObject({
    provider: z.string(),
    paymentId: z.string(),
    clientParams: z.record(z.string(), z.unknown()),
  }),
});

const carts = { door: 'store', auth: 'public', tags: ['Shopper: cart'] } as const;

export const shoppingOperations = operations({
  search: {
    method: 'get',
    path: '/api/store/search',
    door: 'store',
    auth: 'public',
    tags: ['Shopper: catalog'],
    summary: 'Typo-tolerant search with facets (pages with `offset`)',
    query: searchQuery,
    status: 200,
    response: searchResult,
    errors: [400, 503],
  },
  createCart: {
    ...carts,
    method: 'post',
    path: '/api/store/carts',
    summary: 'A new cart (a signed-in customer gets their open cart, 200)',
    status: 201,
    alsoStatus: [200],
    response: cart,
    errors: [503],
  },
  getCart: {
    ...carts,
    method: 'get',
    path: '/api/store/carts/{id}',
    summary: 'A cart with live prices and stock',
    params: cartParams,
    status: 200,
    response: cart,
    errors: [404, 503],
  },
  addCartItem: {
    ...carts,
    method: 'post',
    path: '/api/store/carts/{id}/items',
    summary: 'Add a variant (quantities add up)',
    params: cartParams,
    body: addCartItemBody,
    status: 200,
    response: cart,
    errors: [400, 404, 422, 503],
  },
  updateCartItem: {
    ...carts,
    method: 'patch',
    path: '/api/store/carts/{id}/items/{itemId}',
    summary: 'Change a line’s quantity',
    params: cartItemParams,
    body: updateCartItemBody,
    status: 200,
    response: cart,
    errors: [400, 404, 422, 503],
  },
  removeCartItem: {
    ...carts,
    method: 'delete',
    path: '/api/store/carts/{id}/items/{itemId}',
    summary: 'Remove a line',
    params: cartItemParams,
    status: 200,
    response: cart,
    errors: [404, 503],
  },
  mergeCart: {
    ...carts,
    auth: 'customer',
    method: 'post',
    path: '/api/store/carts/{id}/merge',
    summary: 'Merge the guest cart `{id}` into the customer’s cart',
    params: cartParams,
    status: 200,
    response: cart,
    errors: [404, 422, 503],
  },
  checkout: {
    method: 'post',
    path: '/api/store/checkout',
    door: 'store',
    auth: 'public',
    tags: ['Shopper: checkout'],
    summary: 'Place the order for a cart (422 `out_of_stock` reserves nothing)',
    body: checkoutBody,
    idempotencyKey: 'required',
    status: 201,
    response: checkoutResult,
    errors: [400, 404, 409, 422, 503],
  },
});

export type SearchResult = z.infer<typeof searchResult>;
export type Cart = z.infer<typeof cart>;
export type CheckoutBody = z.input<typeof checkoutBody>;
export type CheckoutResult = z.infer<typeof checkoutResult>;
