import type { EngagementCard } from '@fleet/api-contract';

/** What engagement shows of a product, read live from catalog (never stored here). */
export type ProductCard = EngagementCard;

/** The card's fields only, whatever else catalog sends. */
export const cardOf = (card: ProductCard): ProductCard => ({
  id: card.id,
  slug: card.slug,
  title: card.title,
  images: card.images,
  priceMin: card.priceMin,
  priceMax: card.priceMax,
  currency: card.currency,
  available: card.available,
});
