import { createHash, randomBytes } from 'node:crypto';

/** A line as the cart store keeps it: the variant and how many; prices are never stored. */
export interface StoredLine {
  lineId: string;
  variantId: string;
  quantity: number;
  /** Epoch ms of the first add: lines are listed in this order. */
  addedAt: number;
}

export interface StoredCart {
  id: string;
  /** The customer the cart is bound to; null for a guest cart. */
  customerId: string | null;
  createdAt: number;
  lines: StoredLine[];
}

/** Most units of one variant in a cart. */
export { MAX_CART_QUANTITY as MAX_QUANTITY } from '@fleet/api-contract';
/** Most lines in a cart (the order service takes at most 100 items). */
export const MAX_LINES = 100;

const CART_ID = /^cart_[A-Za-z0-9_-]{22}$/;
const LINE_ID = /^li_[A-Za-z0-9_-]{16}$/;

/** `cart_` + 128 random bits: the id is the bearer secret of a guest cart. */
export function newCartId(): string {
  return `cart_${randomBytes(16).toString('base64url')}`;
}

export const isCartId = (id: string): boolean => CART_ID.test(id);
export const isLineId = (id: string): boolean => LINE_ID.test(id);

/**
 * A line's id follows from its variant, so two concurrent adds of one variant meet on one line
 * (and the same variant has the same line id in every cart, which reveals nothing).
 */
export function lineIdOf(variantId: string): string {
  return `li_${createHash('sha256').update(variantId).digest('base64url').slice(0, 16)}`;
}
