import type { AdminReview, Review } from '@fleet/api-contract';
import type { ReviewRow } from '../data-access/review.repository';

/** A review as shoppers see it: never the author's id. */
export const reviewOf = (row: ReviewRow): Review => ({
  id: row.id,
  productId: row.product_id,
  rating: row.rating,
  title: row.title,
  body: row.body,
  verified: row.verified,
  reply:
    row.reply === null ? null : { body: row.reply, at: (row.replied_at ?? row.updated_at).toISOString() },
  createdAt: row.created_at.toISOString(),
});

/** A review as the merchant moderates it. */
export const adminReviewOf = (row: ReviewRow): AdminReview => ({
  ...reviewOf(row),
  customerId: row.customer_id,
  hidden: row.hidden,
  updatedAt: row.updated_at.toISOString(),
});
