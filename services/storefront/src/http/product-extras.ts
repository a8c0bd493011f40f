import { engagementCard, PRODUCT_NOTICES, reviewsView } from '../domain/engagement-view';
import type { StorefrontDeps } from '../domain/storefront-deps';
import type { Shop } from './shop';

const NO_REVIEWS = { items: [], nextCursor: null, summary: { average: null, count: 0 } };

/**
 * What the product page shows besides the product: its reviews and recommendations, read as an
 * anonymous shopper (the page is shared by everyone and cached), and the notice of a form just
 * sent (`?done=`, fixed texts only). Engagement being down leaves the sections empty.
 */
export async function productExtras(deps: StorefrontDeps, shop: Shop, productId: string, done: unknown) {
  const anonymous = { ...shop.call, actor: { kind: 'anonymous' as const } };
  const [reviews, recommendations] = await Promise.all([
    deps.engagement.reviews(anonymous, productId).catch(() => NO_REVIEWS),
    deps.engagement.recommendations(anonymous, productId).catch(() => []),
  ]);
  return {
    reviews: reviewsView(reviews),
    recommendations: recommendations.map(engagementCard),
    ...(typeof done === 'string' ? PRODUCT_NOTICES[done] : undefined),
  };
}
