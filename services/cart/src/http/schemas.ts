import { z } from 'zod';
import { MAX_LINES, MAX_QUANTITY } from '../domain/cart';

/** Ids are checked for shape in the use cases: a malformed one is as unknown as a foreign one (404). */
export const cartParams = z.strictObject({ id: z.string() });
export const itemParams = z.strictObject({ id: z.string(), itemId: z.string() });

const variantId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'is not a variant id');
const quantity = z.int('must be a whole number').min(1).max(MAX_QUANTITY, `must be at most ${MAX_QUANTITY}`);

export const addItemBody = z.strictObject({ variantId, quantity: quantity.default(1) });
export const updateItemBody = z.strictObject({ quantity });

export const customerQuery = z.strictObject({ customerId: z.string().min(1).max(100).optional() });

export const removeOrderedBody = z.strictObject({
  checkoutId: z.string().min(1).max(200),
  items: z
    .array(z.strictObject({ variantId, quantity: z.int().min(1).max(10_000) }))
    .min(1)
    .max(MAX_LINES),
});
