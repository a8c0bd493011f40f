import type { Queryable } from '@fleet/db';

export interface RatingSummary {
  average: number | null;
  count: number;
}

/** The rating over the product's visible reviews, as it is now (in the caller's transaction). */
export async function computeRating(
  tx: Queryable,
  tenantId: string,
  productId: string,
): Promise<RatingSummary> {
  const row = await tx.maybeOne<{ average: string | null; count: number }>(
    `SELECT round(avg(rating), 2)::text AS average, count(*)::int AS count FROM reviews
      WHERE tenant_id = $1 AND product_id = $2 AND NOT hidden`,
    [tenantId, productId],
  );
  return { average: row?.average == null ? null : Number(row.average), count: row?.count ?? 0 };
}

/** The last published summary of the product (none before its first review). */
export async function readRating(tx: Queryable, tenantId: string, productId: string): Promise<RatingSummary> {
  const row = await tx.maybeOne<{ average: string | null; count: number }>(
    'SELECT average::text AS average, count FROM rating_summaries WHERE tenant_id = $1 AND product_id = $2',
    [tenantId, productId],
  );
  return { average: row?.average == null ? null : Number(row.average), count: row?.count ?? 0 };
}

/**
 * Stores the summary when it differs from the last one and returns its new version; undefined
 * when nothing changed (no event then). Callers hold the product's reviews' lock order: the
 * upsert's row lock serialises summaries of one product.
 */
export async function storeRating(
  tx: Queryable,
  tenantId: string,
  productId: string,
  summary: RatingSummary,
): Promise<number | undefined> {
  const row = await tx.maybeOne<{ version: number }>(
    `INSERT INTO rating_summaries AS s (tenant_id, product_id, average, count, version)
       VALUES ($1, $2, $3, $4, 1)
     ON CONFLICT (tenant_id, product_id) DO UPDATE SET average = $3, count = $4, version = s.version + 1
       WHERE s.average IS DISTINCT FROM $3::numeric OR s.count <> $4
     RETURNING version`,
    [tenantId, productId, summary.average, summary.count],
  );
  return row?.version;
}

/**
 * Serialises the summaries of one product until the transaction ends: the next writer waits,
 * and its `computeRating` (a new statement, a new snapshot) then sees this one's review.
 */
export async function lockRating(tx: Queryable, tenantId: string, productId: string): Promise<void> {
  await tx.query("SELECT pg_advisory_xact_lock(hashtextextended('rating:' || $1 || ':' || $2, 0))", [
    tenantId,
    productId,
  ]);
}
