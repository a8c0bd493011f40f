import { customerOf, type TenantCtx } from '@fleet/context';
import { cartNotFound } from './cart-errors';
import { isCartId } from './cart';
import type { CartDeps } from './cart-deps';
import type { CartView } from './cart-view';
import { priceCart } from './price-cart';

/**
 * A guest gets a new cart every time; a customer gets their one cart, created on first use
 * (`created` says which, for 201 vs 200).
 */
export async function createCart(
  ctx: TenantCtx,
  deps: CartDeps,
): Promise<{ cart: CartView; created: boolean }> {
  const customer = customerOf(ctx);
  if (!customer)
    return { cart: await priceCart(ctx, deps, await deps.carts.createGuest(ctx.tenantId)), created: true };
  const { cart, created } = await deps.carts.customerCart(ctx.tenantId, customer);
  return { cart: await priceCart(ctx, deps, cart), created };
}

/** The cart by its id, priced now; `fresh` bypasses the variant cache (checkout). */
export async function getCart(
  ctx: TenantCtx,
  deps: CartDeps,
  cartId: string,
  options: { customer?: string | null; fresh?: boolean } = {},
): Promise<CartView & { customerId: string | null }> {
  if (!isCartId(cartId)) throw cartNotFound();
  const customer = options.customer === undefined ? customerOf(ctx) : options.customer;
  const cart = await deps.carts.read(ctx.tenantId, cartId, customer);
  if (!cart) throw cartNotFound();
  const view = await priceCart(ctx, deps, cart, { fresh: options.fresh });
  return { ...view, customerId: cart.customerId };
}
