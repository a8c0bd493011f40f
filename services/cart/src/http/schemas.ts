import { z } from 'zod';
import { variantId } from '@fleet/api-contract';
import { MAX_LINES } from '../domain/cart';

/** The public operations' schemas are the contract's (@fleet/api-contract, shopping.ts). */
export {
  addCartItemBody as addItemBody,
  cartItemParams as itemParams,
  cartParams,
  updateCartItemBody as updateItemBody,
} from '@fleet/api-contract';

export const customerQuery = z.strictObject({ customerId: z.string().min(1).max(100).optional() });

export const removeOrderedBody = z.strictObject({
  checkoutId: z.string().min(1).max(200),
  items: z
    .array(z.strictObject({ variantId, quantity: z.int().min(1).max(10_000) }))
    .min(1)
    .max(MAX_LINES),
});
