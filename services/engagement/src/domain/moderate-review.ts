import type { AdminReview } from '@fleet/api-contract';
import type { TenantCtx } from '@fleet/context';
import { AppError } from '@fleet/errors';
import { findReview, lockReview, setHidden, setReply } from '../data-access/review.repository';
import type { EngagementDeps } from './engagement-deps';
import { publishRating } from './publish-rating';
import { adminReviewOf } from './review-view';

export type Moderation = { action: 'hide' } | { action: 'unhide' } | { action: 'reply'; body: string };

const reviewNotFound = () => new AppError('not_found', 'No such review.', { code: 'review_not_found' });

/**
 * Hides a review (its rating leaves the product's average), shows it again, or replies to it as
 * the store. Hiding a hidden review changes nothing.
 */
export async function moderateReview(
  ctx: TenantCtx,
  deps: EngagementDeps,
  reviewId: string,
  change: Moderation,
): Promise<AdminReview> {
  const row = await deps.db.withTenant(ctx, async (tx) => {
    const current = await lockReview(tx, ctx.tenantId, reviewId);
    if (!current) throw reviewNotFound();
    if (change.action === 'reply') {
      await setReply(tx, ctx.tenantId, reviewId, change.body);
    } else if (current.hidden !== (change.action === 'hide')) {
      await setHidden(tx, ctx.tenantId, reviewId, change.action === 'hide');
      await publishRating(tx, ctx, current.product_id);
    }
    return findReview(tx, ctx.tenantId, reviewId);
  });
  if (!row) throw reviewNotFound();
  return adminReviewOf(row);
}
