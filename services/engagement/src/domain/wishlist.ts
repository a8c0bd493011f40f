import type { WishlistItem } from '@fleet/api-contract';
import type { TenantCtx } from '@fleet/context';
import { AppError } from '@fleet/errors';
import {
  addWishlistItem,
  countWishlistItems,
  listWishlistItems,
  removeWishlistItem,
  type WishlistRow,
} from '../data-access/wishlist.repository';
import { productNotFound, requireCustomer } from './customer';
import type { EngagementDeps } from './engagement-deps';
import { decodeAfter, keysetPage } from './keyset-page';
import type { ProductCard } from './product-card';

/** A customer keeps at most this many products (a business rule, 422 beyond it). */
export const WISHLIST_MAX = 500;
const TAG = 'wishlist';

const itemOf = (row: WishlistRow, card: ProductCard | undefined): WishlistItem => ({
  productId: row.product_id,
  addedAt: row.added_at.toISOString(),
  product: card ?? null,
});

/** The page of the customer's wishlist, each product's card read from catalog now. */
export async function listWishlist(
  ctx: TenantCtx,
  deps: EngagementDeps,
  query: { limit: number; cursor?: string },
): Promise<{ items: WishlistItem[]; nextCursor: string | null }> {
  const customerId = requireCustomer(ctx);
  const after = decodeAfter(TAG, query.cursor);
  const rows = await deps.db.readAsTenant(ctx, (tx) =>
    listWishlistItems(tx, ctx.tenantId, customerId, query.limit, after),
  );
  const shown = rows.slice(0, query.limit);
  const cards = new Map(
    (
      await deps.catalog.cards(
        ctx,
        shown.map((r) => r.product_id),
      )
    ).map((c) => [c.id, c]),
  );
  return keysetPage(
    TAG,
    rows,
    query.limit,
    (row) => ({ at: row.added_at.toISOString(), id: row.product_id }),
    (row) => itemOf(row, cards.get(row.product_id)),
  );
}

/** Adds an active product of this store; adding it again changes nothing. */
export async function addToWishlist(
  ctx: TenantCtx,
  deps: EngagementDeps,
  productId: string,
): Promise<{ item: WishlistItem; created: boolean }> {
  const customerId = requireCustomer(ctx);
  const [card] = await deps.catalog.cards(ctx, [productId]);
  if (!card) throw productNotFound();
  const { row, created } = await deps.db.withTenant(ctx, async (tx) => {
    if ((await countWishlistItems(tx, ctx.tenantId, customerId)) >= WISHLIST_MAX) {
      throw new AppError('business_rule', `A wishlist holds at most ${WISHLIST_MAX} products.`, {
        code: 'wishlist_full',
      });
    }
    return addWishlistItem(tx, ctx.tenantId, customerId, productId);
  });
  return { item: itemOf(row, card), created };
}

export async function removeFromWishlist(
  ctx: TenantCtx,
  deps: EngagementDeps,
  productId: string,
): Promise<void> {
  const customerId = requireCustomer(ctx);
  await deps.db.withTenant(ctx, (tx) => removeWishlistItem(tx, ctx.tenantId, customerId, productId));
}
