import { AppError } from '@fleet/errors';

/** Unknown, expired, malformed, another tenant's or another customer's cart: all the same 404. */
export const cartNotFound = (): AppError =>
  new AppError('not_found', 'No such cart.', { code: 'cart_not_found' });

export const lineNotFound = (): AppError =>
  new AppError('not_found', 'No such item in this cart.', { code: 'item_not_found' });

/** Unknown, another tenant's, or not for sale: the shopper cannot tell them apart. */
export const variantUnavailable = (variantId: string): AppError =>
  new AppError('business_rule', `Variant ${variantId} cannot be bought in this store.`, {
    code: 'variant_unavailable',
    errors: [{ path: 'variantId', message: 'is not for sale in this store' }],
  });

export const cartFull = (max: number): AppError =>
  new AppError('business_rule', `A cart holds at most ${max} different items.`, { code: 'cart_full' });
