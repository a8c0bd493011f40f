import type { OrderStatus } from '@fleet/contracts';
import { z } from 'zod';
import { ORDER_STATUSES } from '../domain/order-state-machine';

const money = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const text = (max: number) => z.string().trim().min(1).max(max);

const item = z.strictObject({
  variantId: text(100),
  productId: text(100),
  sku: z.string().max(100),
  title: text(300),
  unitPrice: money,
  quantity: z.number().int().min(1).max(10_000),
});

const address = z.strictObject({
  name: text(200),
  line1: text(300),
  line2: z.string().max(300).optional(),
  city: text(100),
  region: z.string().max(100).optional(),
  postalCode: text(20),
  country: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as US'),
  phone: z.string().max(40).optional(),
});

/** CreateOrderRequest (libs/contracts) plus the store's optional unpaid-order timeout. */
export const createOrderBody = z
  .strictObject({
    checkoutId: text(200),
    email: z.email().max(320),
    customerId: z.string().min(1).max(100).nullable(),
    currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as USD'),
    items: z.array(item).min(1).max(100),
    subtotal: money,
    shipping: money,
    tax: money,
    total: money,
    shippingAddress: address,
    unpaidOrderTimeoutMinutes: z.number().int().min(1).max(10_080).optional(),
  })
  .superRefine((body, issues) => {
    const lines = body.items.reduce((sum, i) => sum + i.unitPrice * i.quantity, 0);
    if (lines !== body.subtotal) {
      issues.addIssue({
        code: 'custom',
        path: ['subtotal'],
        message: 'must be the sum of unitPrice × quantity',
      });
    }
    if (body.subtotal + body.shipping + body.tax !== body.total) {
      issues.addIssue({ code: 'custom', path: ['total'], message: 'must be subtotal + shipping + tax' });
    }
    const seen = new Set<string>();
    body.items.forEach((i, index) => {
      if (seen.has(i.variantId)) {
        issues.addIssue({ code: 'custom', path: ['items', index, 'variantId'], message: 'appears twice' });
      }
      seen.add(i.variantId);
    });
  });

export const ORDER_ID = /^ord_[0-9a-z]{26}$/;

export const orderIdParams = z.strictObject({ id: z.string() });

export const tokenQuery = z.object({ token: z.string().max(128).optional() });

export const listQuery = z.strictObject({
  status: z.enum(ORDER_STATUSES as [OrderStatus, ...OrderStatus[]]).optional(),
  /** An order number (its id) or the start of the shopper's e-mail; empty is no filter. */
  q: z
    .string()
    .trim()
    .max(254)
    .transform((value) => value || undefined)
    .optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(200).optional(),
});

export const myOrdersQuery = listQuery.omit({ status: true, q: true });

export const fulfillBody = z.strictObject({ carrier: text(100).optional() });

export const shipBody = z.strictObject({
  carrier: text(100).optional(),
  trackingNumber: text(100).optional(),
});

export const deliverBody = z.strictObject({});

export const refundBody = z.strictObject({
  amount: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional(),
});
