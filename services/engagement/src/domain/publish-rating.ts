import type { TenantCtx } from '@fleet/context';
import { REVIEW_EVENTS, type ReviewSummaryChanged } from '@fleet/contracts';
import type { Queryable } from '@fleet/db';
import { appendToOutbox, createEnvelope } from '@fleet/messaging';
import { computeRating, lockRating, storeRating } from '../data-access/rating.repository';

/**
 * After a review of `productId` was written, hidden or shown again (same transaction): recomputes
 * the rating over its visible reviews and, when it changed, writes `review.summary_changed`
 * through the outbox, versioned so catalog applies only the newest.
 */
export async function publishRating(tx: Queryable, ctx: TenantCtx, productId: string): Promise<void> {
  await lockRating(tx, ctx.tenantId, productId);
  const summary = await computeRating(tx, ctx.tenantId, productId);
  const version = await storeRating(tx, ctx.tenantId, productId, summary);
  if (version === undefined) return;
  await appendToOutbox(
    tx,
    createEnvelope<ReviewSummaryChanged>(ctx, {
      type: REVIEW_EVENTS.summaryChanged,
      aggregateId: productId,
      version,
      data: { productId, ratingAverage: summary.average, ratingCount: summary.count },
    }),
  );
}
