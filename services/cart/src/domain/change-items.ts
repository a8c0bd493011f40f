import { customerOf, type TenantCtx } from '@fleet/context';
import { cartNotFound, lineNotFound, variantUnavailable } from './cart-errors';
import { isCartId, isLineId, MAX_QUANTITY } from './cart';
import type { CartDeps } from './cart-deps';
import type { CartView } from './cart-view';
import { priceCart, written } from './price-cart';

function assertIds(cartId: string, lineId?: string): void {
  if (!isCartId(cartId)) throw cartNotFound();
  if (lineId !== undefined && !isLineId(lineId)) throw lineNotFound();
}

/**
 * Adds units of a variant (summed with a line of the same variant, capped at MAX_QUANTITY).
 * The variant must be for sale in this store: catalog answers only for this tenant's variants.
 */
export async function addItem(
  ctx: TenantCtx,
  deps: CartDeps,
  cartId: string,
  input: { variantId: string; quantity: number },
): Promise<CartView> {
  assertIds(cartId);
  const known = await deps.variants.lookup(ctx, [input.variantId]);
  if (!known.get(input.variantId)?.purchasable) throw variantUnavailable(input.variantId);
  const line = { variantId: input.variantId, quantity: Math.min(input.quantity, MAX_QUANTITY) };
  const cart = written(await deps.carts.addLine(ctx.tenantId, cartId, customerOf(ctx), line));
  return priceCart(ctx, deps, cart, { known });
}

/** Sets a line's quantity (1..MAX_QUANTITY; removing is DELETE). */
export async function updateItem(
  ctx: TenantCtx,
  deps: CartDeps,
  cartId: string,
  lineId: string,
  quantity: number,
): Promise<CartView> {
  assertIds(cartId, lineId);
  const result = await deps.carts.setQuantity(ctx.tenantId, cartId, customerOf(ctx), lineId, quantity);
  return priceCart(ctx, deps, written(result));
}

export async function removeItem(
  ctx: TenantCtx,
  deps: CartDeps,
  cartId: string,
  lineId: string,
): Promise<CartView> {
  assertIds(cartId, lineId);
  const result = await deps.carts.removeLine(ctx.tenantId, cartId, customerOf(ctx), lineId);
  return priceCart(ctx, deps, written(result));
}
