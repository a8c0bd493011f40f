import { prepared, type Queryable } from '@fleet/db';

export interface RatingChange {
  productId: string;
  average: number | null;
  count: number;
  /** The summary's version (its envelope's); an older or equal one than stored changes nothing. */
  version: number | null;
}

/**
 * Stores the product's rating unless a newer summary is there; true when the row changed. The
 * UPDATE locks the product row, as every writer of a product does first.
 */
export async function writeRating(tx: Queryable, tenantId: string, change: RatingChange): Promise<boolean> {
  const row = await tx.maybeOne<{ id: string }>(
    prepared(
      'catalog_write_rating',
      `UPDATE products SET rating_average = $3, rating_count = $4, rating_version = $5
        WHERE tenant_id = $1 AND id = $2
          AND ($5::int IS NULL OR rating_version IS NULL OR rating_version < $5::int)
        RETURNING id`,
    ),
    [tenantId, change.productId, change.average, change.count, change.version],
  );
  return row !== undefined;
}
