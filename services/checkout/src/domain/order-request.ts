import type { ShippingAddress, StoreRates } from '@fleet/contracts';
import type { CartLine, CartSnapshot, OrderRequest } from './checkout-deps';
import { orderTotals } from './totals';

export interface CheckoutInput {
  cartId: string;
  email: string;
  shippingAddress: ShippingAddress;
}

const TITLE_MAX = 300;

function lineTitle(line: CartLine): string {
  const title = line.variantTitle ? `${line.title} – ${line.variantTitle}` : (line.title ?? line.variantId);
  return title.slice(0, TITLE_MAX);
}

/** The order request of a checked cart (every line priced, for sale, in the store's currency). */
export function buildOrderRequest(params: {
  checkoutId: string;
  input: CheckoutInput;
  cart: CartSnapshot;
  rates: StoreRates;
  /** The store carrier's quote for this parcel. */
  shipping: number;
  customerId: string | null;
}): OrderRequest {
  const { cart, rates, input } = params;
  const items = cart.items.map((line) => ({
    variantId: line.variantId,
    productId: line.productId ?? '',
    sku: line.sku ?? '',
    title: lineTitle(line),
    unitPrice: line.unitPrice ?? 0,
    quantity: line.quantity,
  }));
  return {
    checkoutId: params.checkoutId,
    email: input.email,
    customerId: params.customerId,
    currency: rates.currency,
    items,
    ...orderTotals(items, rates, params.shipping),
    shippingAddress: input.shippingAddress,
    unpaidOrderTimeoutMinutes: rates.unpaidOrderTimeoutMinutes,
  };
}
