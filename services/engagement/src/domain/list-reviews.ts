import type { AdminReview, Review } from '@fleet/api-contract';
import type { TenantCtx } from '@fleet/context';
import { readRating, type RatingSummary } from '../data-access/rating.repository';
import { listReviews, type ReviewFilter } from '../data-access/review.repository';
import type { EngagementDeps } from './engagement-deps';
import { decodeAfter, keysetPage } from './keyset-page';
import { adminReviewOf, reviewOf } from './review-view';

interface PageQuery {
  limit: number;
  cursor?: string;
}

const keyOf = (row: { created_at: Date; id: string }) => ({ at: row.created_at.toISOString(), id: row.id });

/**
 * A product's visible reviews, newest first, with its rating summary. A product this store does
 * not have simply has none (another store's product ids reveal nothing).
 */
export async function productReviews(
  ctx: TenantCtx,
  deps: EngagementDeps,
  productId: string,
  query: PageQuery,
): Promise<{ items: Review[]; nextCursor: string | null; summary: RatingSummary }> {
  const after = decodeAfter('reviews', query.cursor);
  const filter: ReviewFilter = { productId, status: 'visible', limit: query.limit, after };
  const [rows, summary] = await deps.db.readAsTenant(ctx, (tx) =>
    Promise.all([listReviews(tx, ctx.tenantId, filter), readRating(tx, ctx.tenantId, productId)]),
  );
  return { ...keysetPage('reviews', rows, query.limit, keyOf, reviewOf), summary };
}

/** The merchant's moderation list, newest first, optionally by status and product. */
export async function moderationList(
  ctx: TenantCtx,
  deps: EngagementDeps,
  query: PageQuery & Omit<ReviewFilter, 'limit' | 'after'>,
): Promise<{ items: AdminReview[]; nextCursor: string | null }> {
  const after = decodeAfter('admin-reviews', query.cursor);
  const rows = await deps.db.readAsTenant(ctx, (tx) =>
    listReviews(tx, ctx.tenantId, {
      productId: query.productId,
      status: query.status,
      limit: query.limit,
      after,
    }),
  );
  return keysetPage('admin-reviews', rows, query.limit, keyOf, adminReviewOf);
}
