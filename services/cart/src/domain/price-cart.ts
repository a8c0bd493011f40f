import type { TenantCtx } from '@fleet/context';
import type { VariantInfo } from '@fleet/contracts';
import { cartFull, cartNotFound, lineNotFound } from './cart-errors';
import { MAX_LINES, type StoredCart } from './cart';
import type { CartDeps, CartWrite } from './cart-deps';
import { cartView, type CartView } from './cart-view';

/** The cart a write left behind, or the error that says why nothing was written. */
export function written(result: CartWrite): StoredCart {
  switch (result.status) {
    case 'ok':
      return result.cart;
    case 'not_found':
      throw cartNotFound();
    case 'no_line':
      throw lineNotFound();
    case 'full':
      throw cartFull(MAX_LINES);
  }
}

/**
 * Prices the cart with one batched catalog lookup; variants already in `known` (looked up by the
 * same request) are not asked again.
 */
export async function priceCart(
  ctx: TenantCtx,
  deps: CartDeps,
  cart: StoredCart,
  options: { known?: ReadonlyMap<string, VariantInfo>; fresh?: boolean } = {},
): Promise<CartView> {
  const known = options.known ?? new Map<string, VariantInfo>();
  const missing = cart.lines.map((l) => l.variantId).filter((id) => !known.has(id));
  const found = missing.length ? await deps.variants.lookup(ctx, missing, { fresh: options.fresh }) : known;
  const variants = found === known ? known : new Map([...known, ...found]);
  return cartView(cart, variants);
}
