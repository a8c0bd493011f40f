import { customerOf, type TenantCtx } from '@fleet/context';
import { cartProblems } from './check-cart';
import { cartInvalid, cartNotFound } from './checkout-errors';
import type { CheckoutAnswer, CheckoutDeps, OrderRequest } from './checkout-deps';
import { buildOrderRequest, type CheckoutInput } from './order-request';
import { subtotalOf } from './totals';

/**
 * Reads the cart (priced fresh by catalog) and the store rates in parallel, checks every line,
 * asks the store's carrier (shipment) for the shipping and computes the totals: the order
 * request. Nothing is written anywhere yet.
 */
export async function prepareOrder(
  ctx: TenantCtx,
  deps: CheckoutDeps,
  checkoutId: string,
  input: CheckoutInput,
): Promise<OrderRequest> {
  const customerId = customerOf(ctx);
  const [cart, rates] = await Promise.all([
    deps.carts.get(ctx, input.cartId, customerId),
    deps.rates.get(ctx),
  ]);
  if (!cart) throw cartNotFound();
  const errors = cartProblems(cart, rates.currency);
  if (errors.length) throw cartInvalid(errors);
  const subtotal = subtotalOf(cart.items.map((l) => ({ unitPrice: l.unitPrice ?? 0, quantity: l.quantity })));
  const shipping = await deps.shipping.quote(ctx, {
    units: cart.items.reduce((sum, l) => sum + l.quantity, 0),
    subtotal,
    currency: rates.currency,
    country: input.shippingAddress.country,
    shippingFlatRate: rates.shippingFlatRate,
  });
  return buildOrderRequest({ checkoutId, input, cart, rates, shipping, customerId });
}

/**
 * Sends the order request and passes order's answer through. Once the order exists (201) its
 * units leave the cart. Order's 2xx/4xx answers are final; a 5xx is not (a retry with the same
 * key sends the same request again, and order resumes the same checkout).
 */
export async function sendOrder(
  ctx: TenantCtx,
  deps: CheckoutDeps,
  cartId: string,
  request: OrderRequest,
): Promise<{ answer: CheckoutAnswer; final: boolean }> {
  const answer = await deps.orders.create(ctx, request);
  if (answer.status === 201) {
    const items = request.items.map((i) => ({ variantId: i.variantId, quantity: i.quantity }));
    await deps.carts.removeOrdered(ctx, cartId, request.checkoutId, items).catch((err: unknown) => {
      // The order stands; a cart that still shows its units is a nuisance, not a double order.
      deps.logger.warn({ err, cartId, checkoutId: request.checkoutId }, 'ordered units stay in the cart');
    });
  }
  // A 429 (too many open checkouts) is not final either: the same key may pass once one is paid.
  return { answer, final: answer.status < 500 && answer.status !== 429 };
}
