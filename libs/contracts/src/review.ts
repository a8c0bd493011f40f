/**
 * The engagement service's events (reviews). `review.summary_changed` carries a product's rating
 * over its visible reviews whenever a review is written, hidden or shown again; catalog keeps it
 * on the product. The envelope's `aggregateId` is the product id and its `version` orders the
 * summaries of one product (a consumer drops any not newer than the last it applied).
 */
export const REVIEW_EVENTS = { summaryChanged: 'review.summary_changed' } as const;

export interface ReviewSummaryChanged {
  productId: string;
  /** Mean of the visible ratings (1-5), rounded to two decimals; null when there are none. */
  ratingAverage: number | null;
  ratingCount: number;
}
