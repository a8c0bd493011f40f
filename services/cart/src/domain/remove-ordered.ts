import type { TenantCtx } from '@fleet/context';
import { cartNotFound } from './cart-errors';
import { isCartId } from './cart';
import type { CartDeps } from './cart-deps';
import { written } from './price-cart';

/**
 * After checkout placed an order: the units it bought leave the cart. Keyed by the checkout id,
 * so a retried checkout never takes them twice, and lines added meanwhile stay.
 */
export async function removeOrdered(
  ctx: TenantCtx,
  deps: CartDeps,
  cartId: string,
  input: { checkoutId: string; items: ReadonlyArray<{ variantId: string; quantity: number }> },
): Promise<void> {
  if (!isCartId(cartId)) throw cartNotFound();
  written(await deps.carts.removeOrdered(ctx.tenantId, cartId, input.checkoutId, input.items));
}
