import { z } from 'zod';
import { idParams, limit, page, timestamp } from './common';
import { operations } from './operation';
import { externalId } from './orders';

/** Wishlists, reviews and recommendations (the engagement service). */

const text = (max: number) => z.string().trim().min(1).max(max);
const cursor = z.string().max(200).optional();

/** A product as engagement shows it: read live from catalog, so price and availability are current. */
export const engagementCard = z.looseObject({
  id: z.string(),
  slug: z.string(),
  title: z.string(),
  images: z.array(z.string()),
  priceMin: z.int(),
  priceMax: z.int(),
  currency: z.string(),
  available: z.boolean(),
});

export const wishlistQuery = z.strictObject({ limit, cursor });
export const wishlistBody = z.strictObject({ productId: externalId });
export const wishlistParams = z.strictObject({ productId: z.string() });
/** `product` is null when the product is no longer sold (draft, archived or deleted). */
export const wishlistItem = z.looseObject({
  productId: z.string(),
  addedAt: timestamp,
  product: engagementCard.nullable(),
});

export const reviewProductParams = idParams;
export const reviewListQuery = z.strictObject({ limit, cursor });
export const reviewBody = z.strictObject({
  rating: z.int().min(1).max(5),
  title: text(120),
  body: text(5000),
});
export const ratingSummary = z.looseObject({
  average: z.number().nullable(),
  count: z.int(),
});
export const review = z.looseObject({
  id: z.string(),
  productId: z.string(),
  rating: z.int(),
  title: z.string(),
  body: z.string(),
  /** The author has a delivered order holding this product. */
  verified: z.boolean(),
  reply: z.looseObject({ body: z.string(), at: timestamp }).nullable(),
  createdAt: timestamp,
});
export const reviewPage = page(review).extend({ summary: ratingSummary });

export const adminReviewQuery = z.strictObject({
  status: z.enum(['visible', 'hidden']).optional(),
  productId: externalId.optional(),
  limit,
  cursor,
});
export const adminReview = review.extend({
  customerId: z.string(),
  hidden: z.boolean(),
  updatedAt: timestamp,
});
export const replyBody = z.strictObject({ body: text(2000) });

export const recommendationQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(20).default(8),
});
export const recommendation = engagementCard.extend({
  /** `bought_together`: in orders with this product (most orders first); `similar`: same category. */
  reason: z.enum(['bought_together', 'similar']),
});
export const recommendations = z.looseObject({ items: z.array(recommendation) });

const shop = { door: 'store', auth: 'public', tags: ['Shopper: reviews and recommendations'] } as const;
const me = { door: 'store', auth: 'customer', tags: ['Shopper: wishlist'] } as const;
const staff = { door: 'store', auth: 'staff', tags: ['Admin: reviews'] } as const;
const moderate = (action: string, summary: string) =>
  ({
    ...staff,
    method: 'post',
    path: `/api/admin/reviews/{id}/${action}`,
    summary,
    params: idParams,
    body: z.strictObject({}).optional(),
    bodyOptional: true,
    status: 200,
    response: adminReview,
    errors: [400, 404],
  }) as const;

export const engagementOperations = operations({
  myWishlist: {
    ...me,
    method: 'get',
    path: '/api/store/me/wishlist',
    summary: 'The signed-in customer’s wishlist, newest first, with current prices and availability',
    query: wishlistQuery,
    status: 200,
    response: page(wishlistItem),
    errors: [400, 503],
  },
  addToWishlist: {
    ...me,
    method: 'post',
    path: '/api/store/me/wishlist',
    summary: 'Add an active product to the wishlist (200 when it is already there)',
    body: wishlistBody,
    status: 201,
    alsoStatus: [200],
    response: wishlistItem,
    errors: [400, 404, 422, 503],
  },
  removeFromWishlist: {
    ...me,
    method: 'delete',
    path: '/api/store/me/wishlist/{productId}',
    summary: 'Remove a product from the wishlist (204 also when it was not there)',
    params: wishlistParams,
    status: 204,
    errors: [503],
  },
  productReviews: {
    ...shop,
    method: 'get',
    path: '/api/store/products/{id}/reviews',
    summary: 'A product’s visible reviews, newest first, with their rating summary',
    params: reviewProductParams,
    query: reviewListQuery,
    status: 200,
    response: reviewPage,
    errors: [400, 503],
  },
  writeReview: {
    ...shop,
    method: 'post',
    path: '/api/store/products/{id}/reviews',
    summary: 'Review a product, once per customer (a customer token is required)',
    params: reviewProductParams,
    body: reviewBody,
    status: 201,
    response: review,
    errors: [400, 401, 403, 404, 409, 503],
  },
  productRecommendations: {
    ...shop,
    method: 'get',
    path: '/api/store/products/{id}/recommendations',
    summary: 'Products bought together with this one, then similar ones (same store only)',
    params: reviewProductParams,
    query: recommendationQuery,
    status: 200,
    response: recommendations,
    errors: [400, 404, 503],
  },
  listReviews: {
    ...staff,
    method: 'get',
    path: '/api/admin/reviews',
    summary: 'Reviews to moderate, newest first',
    query: adminReviewQuery,
    status: 200,
    response: page(adminReview),
    errors: [400],
  },
  hideReview: moderate('hide', 'Hide a review from the store (its rating leaves the average)'),
  unhideReview: moderate('unhide', 'Show a hidden review again'),
  replyToReview: {
    ...moderate('reply', 'Reply to a review as the store (replaces an earlier reply)'),
    body: replyBody,
    bodyOptional: false,
    errors: [400, 404],
  },
});

export type EngagementCard = z.infer<typeof engagementCard>;
export type WishlistItem = z.infer<typeof wishlistItem>;
export type Review = z.infer<typeof review>;
export type AdminReview = z.infer<typeof adminReview>;
export type Recommendation = z.infer<typeof recommendation>;
