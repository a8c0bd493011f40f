import { prepared, type Queryable } from '@fleet/db';

/** Storefront cards (JSON text) of the ACTIVE products among `ids`; others are absent. */
export async function activeCards(
  tx: Queryable,
  tenantId: string,
  ids: readonly string[],
): Promise<string[]> {
  if (!ids.length) return [];
  const rows = await tx.rows<{ card: string }>(
    prepared(
      'catalog_active_cards',
      `SELECT store_card::text AS card FROM products
        WHERE tenant_id = $1 AND status = 'active' AND id = ANY($2::text[])`,
    ),
    [tenantId, ids],
  );
  return rows.map((r) => r.card);
}

/**
 * Cards of active products sharing a category with `productId` (not itself): most shared
 * categories first, then newest. None when the product has no category or is unknown.
 */
export async function similarCards(
  tx: Queryable,
  tenantId: string,
  productId: string,
  limit: number,
): Promise<string[]> {
  const rows = await tx.rows<{ card: string }>(
    prepared(
      'catalog_similar_cards',
      `SELECT p.store_card::text AS card FROM (
          SELECT o.product_id, count(*) AS shared FROM product_categories mine
            JOIN product_categories o ON o.tenant_id = mine.tenant_id AND o.category_id = mine.category_id
           WHERE mine.tenant_id = $1 AND mine.product_id = $2 AND o.product_id <> $2
           GROUP BY o.product_id) s
        JOIN products p ON p.tenant_id = $1 AND p.id = s.product_id AND p.status = 'active'
        ORDER BY s.shared DESC, p.created_at DESC, p.id DESC LIMIT $3`,
    ),
    [tenantId, productId, limit],
  );
  return rows.map((r) => r.card);
}
