import type { TenantCtx } from '@fleet/context';
import type { VariantInfo } from '@fleet/contracts';
import type { StoredCart } from './cart';

/** Who may use a cart: the acting customer's id, or null for anyone else (guest, service). */
export type CustomerId = string | null;

/** What a write found: the cart after it, or why nothing was written. */
export type CartWrite = { status: 'ok'; cart: StoredCart } | { status: 'not_found' | 'no_line' | 'full' };

/**
 * Carts in Redis. Every call refreshes the cart's TTL. A cart bound to a customer is invisible to
 * every other customer (`not_found`); guests and services reach any cart by its id.
 */
export interface CartStore {
  createGuest(tenantId: string): Promise<StoredCart>;
  /** The customer's cart, created and bound when they have none. */
  customerCart(tenantId: string, customerId: string): Promise<{ cart: StoredCart; created: boolean }>;
  read(tenantId: string, cartId: string, customer: CustomerId): Promise<StoredCart | null>;
  addLine(
    tenantId: string,
    cartId: string,
    customer: CustomerId,
    line: { variantId: string; quantity: number },
  ): Promise<CartWrite>;
  setQuantity(
    tenantId: string,
    cartId: string,
    customer: CustomerId,
    lineId: string,
    quantity: number,
  ): Promise<CartWrite>;
  removeLine(tenantId: string, cartId: string, customer: CustomerId, lineId: string): Promise<CartWrite>;
  /** Moves a guest cart's lines into the customer's cart (or binds it when they have none). */
  merge(tenantId: string, guestCartId: string, customerId: string): Promise<CartWrite>;
  /** Takes what an order bought out of the cart, once per checkout id. */
  removeOrdered(
    tenantId: string,
    cartId: string,
    checkoutId: string,
    items: ReadonlyArray<{ variantId: string; quantity: number }>,
  ): Promise<CartWrite>;
}

/** Catalog's variant lookup; `fresh` skips any in-process cache (checkout's reads). */
export interface VariantSource {
  lookup(
    ctx: TenantCtx,
    variantIds: readonly string[],
    options?: { fresh?: boolean },
  ): Promise<Map<string, VariantInfo>>;
}

/** What the cart use cases need; bootstrap.ts builds it from settings, tests from fixtures. */
export interface CartDeps {
  carts: CartStore;
  variants: VariantSource;
}
