import type { Review } from '@fleet/api-contract';
import type { TenantCtx } from '@fleet/context';
import { newId } from '@fleet/db';
import { AppError } from '@fleet/errors';
import { insertReview } from '../data-access/review.repository';
import { isProductId, productNotFound, requireCustomer } from './customer';
import type { EngagementDeps } from './engagement-deps';
import { publishRating } from './publish-rating';
import { reviewOf } from './review-view';

export interface ReviewInput {
  rating: number;
  title: string;
  body: string;
}

/** A customer reviews an active product of this store, once; the rating summary follows. */
export async function writeReview(
  ctx: TenantCtx,
  deps: EngagementDeps,
  productId: string,
  input: ReviewInput,
): Promise<Review> {
  const customerId = requireCustomer(ctx);
  const [card] = isProductId(productId) ? await deps.catalog.cards(ctx, [productId]) : [];
  if (!card) throw productNotFound();
  const row = await deps.db.withTenant(ctx, async (tx) => {
    const inserted = await insertReview(tx, ctx.tenantId, {
      id: newId('rev'),
      productId,
      customerId,
      ...input,
    });
    if (inserted) await publishRating(tx, ctx, productId);
    return inserted;
  });
  if (!row) {
    throw new AppError('conflict', 'You have already reviewed this product.', { code: 'review_exists' });
  }
  return reviewOf(row);
}
