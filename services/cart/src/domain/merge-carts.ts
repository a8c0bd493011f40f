import { customerOf, type TenantCtx } from '@fleet/context';
import { AppError } from '@fleet/errors';
import { cartNotFound } from './cart-errors';
import { isCartId } from './cart';
import type { CartDeps } from './cart-deps';
import type { CartView } from './cart-view';
import { priceCart, written } from './price-cart';

/**
 * On login: the guest cart's lines move into the customer's cart (quantities summed, capped) and
 * the guest cart is gone; a customer without a cart simply takes the guest cart over.
 */
export async function mergeCarts(ctx: TenantCtx, deps: CartDeps, guestCartId: string): Promise<CartView> {
  const customer = customerOf(ctx);
  if (!customer) {
    if (ctx.actor?.kind && ctx.actor.kind !== 'anonymous') {
      throw new AppError('forbidden', 'Only a customer can merge a cart.', { code: 'wrong_role' });
    }
    throw new AppError('unauthenticated', 'Log in as a customer to merge a cart.', {
      code: 'customer_required',
    });
  }
  if (!isCartId(guestCartId)) throw cartNotFound();
  const cart = written(await deps.carts.merge(ctx.tenantId, guestCartId, customer));
  return priceCart(ctx, deps, cart);
}
