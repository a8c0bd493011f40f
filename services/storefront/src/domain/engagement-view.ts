import type { EngagementCard, ReviewPage, StoreReview } from '../data-access/engagement.client';
import type { ProductCard } from './product-view';

/** A card from engagement in the shape the theme's `product-card` snippet renders. */
export const engagementCard = (card: EngagementCard): ProductCard => ({
  id: card.id,
  slug: card.slug,
  title: card.title,
  price: card.priceMin,
  compare_at: null,
  currency: card.currency,
  available: card.available,
  images: card.images,
});

/** Five characters: filled stars for the rating rounded to the nearest whole, then empty ones. */
export const stars = (rating: number): string => {
  const filled = Math.max(0, Math.min(5, Math.round(rating)));
  return '★'.repeat(filled) + '☆'.repeat(5 - filled);
};

const reviewView = (review: StoreReview) => ({
  ...review,
  stars: stars(review.rating),
  date: review.createdAt.slice(0, 10),
});

/** The reviews section of the product page: the summary and the newest visible reviews. */
export function reviewsView(page: ReviewPage) {
  const { average, count } = page.summary;
  return {
    items: page.items.map(reviewView),
    count,
    average: average === null ? null : average.toFixed(1),
    stars: average === null ? null : stars(average),
  };
}

/** What the product page says after a review or wishlist form was sent (fixed texts only). */
export const PRODUCT_NOTICES: Record<string, { notice?: string; error?: string }> = {
  reviewed: { notice: 'Thank you: your review is published.' },
  'already-reviewed': { error: 'You have already reviewed this product.' },
  'review-invalid': { error: 'Choose a rating from 1 to 5 and write a title and a review.' },
  wishlisted: { notice: 'Saved to your wishlist.' },
  unavailable: { error: 'That did not work just now. Please try again.' },
};
