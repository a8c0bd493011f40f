import type { FieldError } from '@fleet/errors';
import type { CartSnapshot } from './checkout-deps';

/**
 * Why a cart cannot become an order, one error per bad line (empty: it can). Stock is not checked
 * here: inventory has the final word when order reserves (422 out_of_stock).
 */
export function cartProblems(cart: CartSnapshot, storeCurrency: string): FieldError[] {
  if (cart.items.length === 0) return [{ path: 'items', message: 'the cart is empty' }];
  return cart.items.flatMap((item, index): FieldError[] => {
    const path = `items.${index}`;
    if (item.productId === null || item.unitPrice === null) {
      return [{ path, message: `variant ${item.variantId} no longer exists` }];
    }
    if (!item.purchasable) return [{ path, message: `variant ${item.variantId} is not for sale` }];
    if (item.currency !== storeCurrency) {
      return [
        { path, message: `variant ${item.variantId} is priced in ${item.currency}, not ${storeCurrency}` },
      ];
    }
    return [];
  });
}
