import type { Queryable } from '@fleet/db';
import type { After } from '../domain/keyset-page';

export interface WishlistRow {
  product_id: string;
  added_at: Date;
}

/** Adds the product unless it is there already; returns the row either way and whether it is new. */
export async function addWishlistItem(
  tx: Queryable,
  tenantId: string,
  customerId: string,
  productId: string,
): Promise<{ row: WishlistRow; created: boolean }> {
  const inserted = await tx.maybeOne<WishlistRow>(
    `INSERT INTO wishlist_items (tenant_id, customer_id, product_id, added_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT DO NOTHING RETURNING product_id, added_at`,
    [tenantId, customerId, productId, new Date()],
  );
  if (inserted) return { row: inserted, created: true };
  const row = await tx.maybeOne<WishlistRow>(
    'SELECT product_id, added_at FROM wishlist_items WHERE tenant_id = $1 AND customer_id = $2 AND product_id = $3',
    [tenantId, customerId, productId],
  );
  if (!row) throw new Error('wishlist item vanished while it was added');
  return { row, created: false };
}

export async function countWishlistItems(
  tx: Queryable,
  tenantId: string,
  customerId: string,
): Promise<number> {
  const row = await tx.maybeOne<{ n: number }>(
    'SELECT count(*)::int AS n FROM wishlist_items WHERE tenant_id = $1 AND customer_id = $2',
    [tenantId, customerId],
  );
  return row?.n ?? 0;
}

export async function removeWishlistItem(
  tx: Queryable,
  tenantId: string,
  customerId: string,
  productId: string,
): Promise<void> {
  await tx.query('DELETE FROM wishlist_items WHERE tenant_id = $1 AND customer_id = $2 AND product_id = $3', [
    tenantId,
    customerId,
    productId,
  ]);
}

/** Newest first, `limit + 1` rows from after the cursor. */
export function listWishlistItems(
  tx: Queryable,
  tenantId: string,
  customerId: string,
  limit: number,
  after: After | undefined,
): Promise<WishlistRow[]> {
  return tx.rows<WishlistRow>(
    `SELECT product_id, added_at FROM wishlist_items
      WHERE tenant_id = $1 AND customer_id = $2
        AND ($3::timestamptz IS NULL OR (added_at, product_id) < ($3::timestamptz, $4::text))
      ORDER BY added_at DESC, product_id DESC LIMIT $5`,
    [tenantId, customerId, after?.at ?? null, after?.id ?? null, limit + 1],
  );
}
