import type { OrderStatus } from '@fleet/contracts';
import { z } from 'zod';
import { idParams, limit, page, timestamp } from './common';
import { operations } from './operation';

/** Orders (the shopper's and the merchant's) and stock levels. */

/** The order statuses (`OrderStatus` of @fleet/contracts: the compiler holds the two together). */
export const ORDER_STATUSES = [
  'PENDING',
  'PLACED',
  'FULFILLED',
  'SHIPPED',
  'DELIVERED',
  'CANCEL_REQUESTED',
  'CANCELLED',
  'REJECTED',
  'RETURNED',
  'PARTIALLY_RETURNED',
] as const satisfies readonly OrderStatus[];
type AllListed = Exclude<OrderStatus, (typeof ORDER_STATUSES)[number]> extends never ? true : never;
const allListed: AllListed = true;
void allListed;
export const orderStatus = z.enum(ORDER_STATUSES);

const text = (max: number) => z.string().trim().min(1).max(max);

export const orderIdParams = idParams;
export const orderTokenQuery = z.object({ token: z.string().max(128).optional() });
export const orderListQuery = z.strictObject({
  status: orderStatus.optional(),
  /** An order number (its id) or the start of the shopper's e-mail; empty is no filter. */
  q: z
    .string()
    .trim()
    .max(254)
    .transform((value) => value || undefined)
    .optional(),
  limit,
  cursor: z.string().max(200).optional(),
});
export const myOrdersQuery = orderListQuery.omit({ status: true, q: true });
export const fulfillBody = z.strictObject({ carrier: text(100).optional() });
export const shipBody = z.strictObject({
  carrier: text(100).optional(),
  trackingNumber: text(100).optional(),
});
export const deliverBody = z.strictObject({});
export const refundBody = z.strictObject({
  amount: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional(),
});

/** One entry of the saga's stored history: a step started, retried, succeeded or compensated. */
export const sagaEvent = z.looseObject({
  at: z.string(),
  step: z.string(),
  event: z.string(),
  attempt: z.int().optional(),
  detail: z.string().optional(),
});

export const orderSummary = z.looseObject({
  id: z.string(),
  status: orderStatus,
  total: z.int(),
  currency: z.string(),
  test: z.boolean().nullable(),
  createdAt: timestamp,
});

/** A parcel of the order, as the shipment service's events told the order service. */
export const orderParcel = z.looseObject({
  id: z.string(),
  carrier: z.string(),
  carrierName: z.string(),
  trackingNumber: z.string(),
  trackingUrl: z.string().nullable(),
  status: z.enum(['CREATED', 'IN_TRANSIT', 'DELIVERED', 'RETURNED', 'LOST']),
  events: z.array(z.looseObject({ status: z.string(), at: timestamp })),
});

export const shopperOrder = z.looseObject({
  id: z.string(),
  status: orderStatus,
  items: z.array(
    z.looseObject({
      variantId: z.string(),
      productId: z.string(),
      sku: z.string(),
      title: z.string(),
      unitPrice: z.int(),
      quantity: z.int(),
      lineTotal: z.int(),
    }),
  ),
  subtotal: z.int(),
  shipping: z.int(),
  tax: z.int(),
  total: z.int(),
  refundedAmount: z.int(),
  currency: z.string(),
  test: z.boolean().nullable(),
  createdAt: timestamp,
  statusHistory: z.array(
    z.looseObject({
      from: orderStatus.nullable(),
      to: orderStatus,
      reason: z.string().nullable(),
      at: timestamp,
    }),
  ),
  shipments: z.array(orderParcel),
  /** Its returns (the return view of returns.ts), oldest first. */
  returns: z.array(z.looseObject({ id: z.string(), status: z.string() })),
});

export const merchantOrder = shopperOrder.extend({
  email: z.string(),
  customerId: z.string().nullable(),
  checkoutId: z.string(),
  shippingAddress: z.looseObject({
    name: z.string(),
    line1: z.string(),
    line2: z.string().optional(),
    city: z.string(),
    region: z.string().optional(),
    postalCode: z.string(),
    country: z.string(),
    phone: z.string().optional(),
  }),
  statusReason: z.string().nullable(),
  paidAmount: z.int().nullable(),
  carrier: z.string().nullable(),
  expiresAt: timestamp,
  updatedAt: timestamp,
  version: z.int(),
  payment: z
    .looseObject({
      paymentId: z.string(),
      provider: z.string().nullable(),
      test: z.boolean().nullable(),
      refunds: z
        .array(
          z.looseObject({
            refundId: z.string(),
            amount: z.int(),
            currency: z.string(),
            status: z.enum(['failed', 'pending', 'succeeded']),
            createdAt: timestamp,
          }),
        )
        .nullable(),
    })
    .nullable(),
  /** The saga's state and stored history (the admin's timeline); its shape may grow. */
  saga: z
    .looseObject({
      step: z.string(),
      status: z.string(),
      attempts: z.int().optional(),
      lastError: z.string().nullable().optional(),
      history: z.array(sagaEvent).optional(),
    })
    .nullable(),
});

export const orderStatusAnswer = z.looseObject({ id: z.string(), status: orderStatus });
export const orderShipment = orderStatusAnswer.extend({ carrier: z.string().nullable() });
export const refund = z.looseObject({
  refundId: z.string().optional(),
  id: z.string().optional(),
  status: z.string().optional(),
  amount: z.int().optional(),
});

/** Ids from other services (variant and product ids): opaque, bounded, URL-safe. */
export const externalId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,100}$/, 'must be 1-100 characters of letters, digits, _ and -');
export const MAX_ON_HAND = 1_000_000_000;

export const variantParams = z.strictObject({ variantId: externalId });
export const setStockBody = z.strictObject({
  onHand: z.number().int().min(0).max(MAX_ON_HAND),
  productId: externalId.optional(),
});
export const stockListQuery = z.strictObject({
  lowStock: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
  threshold: z.coerce.number().int().min(0).max(MAX_ON_HAND).default(5),
  productId: externalId.optional(),
  limit,
  cursor: z.string().min(1).max(500).optional(),
});
export const stockLevel = z.looseObject({
  variantId: z.string(),
  onHand: z.int(),
  reserved: z.int(),
  available: z.int(),
  productId: z.string().nullable(),
  locationId: z.string(),
  updatedAt: timestamp,
});

const shopper = { door: 'store', auth: 'public', tags: ['Shopper: orders'] } as const;
const staff = { door: 'store', auth: 'staff', tags: ['Admin: orders'] } as const;
const action = (path: string, summary: string, body: z.ZodType | undefined, response: z.ZodType) =>
  ({
    ...staff,
    method: 'post',
    path: `/api/admin/orders/{id}/${path}`,
    summary,
    params: orderIdParams,
    ...(body ? { body, bodyOptional: true } : {}),
    status: 200,
    response,
    errors: [400, 404, 409],
  }) as const;

export const orderOperations = operations({
  shopperOrder: {
    ...shopper,
    method: 'get',
    path: '/api/store/orders/{id}',
    summary: 'An order, for the guest with its token or the owning customer',
    params: orderIdParams,
    query: orderTokenQuery,
    status: 200,
    response: shopperOrder,
    errors: [404, 503],
  },
  shopperCancel: {
    ...shopper,
    method: 'post',
    path: '/api/store/orders/{id}/cancel',
    summary: 'Cancel an order (202; it ends CANCELLED)',
    params: orderIdParams,
    query: orderTokenQuery,
    status: 202,
    response: orderStatusAnswer,
    errors: [404, 409, 503],
  },
  myOrders: {
    ...shopper,
    auth: 'customer',
    method: 'get',
    path: '/api/store/me/orders',
    summary: 'The signed-in customer’s orders',
    query: myOrdersQuery,
    status: 200,
    response: page(orderSummary),
    errors: [400, 503],
  },
  listOrders: {
    ...staff,
    method: 'get',
    path: '/api/admin/orders',
    summary: 'Orders, newest first (q: an order number or the start of an e-mail)',
    query: orderListQuery,
    status: 200,
    response: page(orderSummary),
    errors: [400],
  },
  getOrder: {
    ...staff,
    method: 'get',
    path: '/api/admin/orders/{id}',
    summary: 'An order with its payment, refunds and history',
    params: orderIdParams,
    status: 200,
    response: merchantOrder,
    errors: [404],
  },
  cancelOrder: { ...action('cancel', 'Cancel an order (202)', undefined, orderStatusAnswer), status: 202 },
  fulfillOrder: action('fulfill', 'Mark an order fulfilled', fulfillBody, orderShipment),
  shipOrder: action('ship', 'Mark an order shipped', shipBody, orderShipment),
  deliverOrder: action('deliver', 'Mark an order delivered', deliverBody, orderStatusAnswer),
  refundOrder: {
    ...action('refund', 'Refund an order, whole or in part', refundBody, refund),
    idempotencyKey: 'optional',
    status: 201,
    errors: [400, 404, 409, 422],
  },
  listStock: {
    method: 'get',
    path: '/api/admin/inventory',
    door: 'store',
    auth: 'staff',
    tags: ['Admin: inventory'],
    summary: 'Stock levels (`lowStock=true`: at or under the threshold)',
    query: stockListQuery,
    status: 200,
    response: page(stockLevel),
    errors: [400],
  },
  setStock: {
    method: 'put',
    path: '/api/admin/inventory/{variantId}',
    door: 'store',
    auth: 'staff',
    tags: ['Admin: inventory'],
    summary: 'Set a variant’s units on hand (201 for a new variant)',
    params: variantParams,
    body: setStockBody,
    status: 200,
    alsoStatus: [201],
    response: stockLevel,
    errors: [400, 409],
  },
});

export type OrderSummary = z.infer<typeof orderSummary>;
export type ShopperOrder = z.infer<typeof shopperOrder>;
export type MerchantOrder = z.infer<typeof merchantOrder>;
export type StockLevel = z.infer<typeof stockLevel>;
export type SagaEvent = z.infer<typeof sagaEvent>;
