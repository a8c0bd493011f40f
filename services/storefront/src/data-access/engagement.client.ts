import type { EngagementCard } from '@fleet/api-contract';
import type { Answer, CallCtx, InternalCaller } from './internal-call';

/** A product card as engagement answers it (read live from catalog). */
export type { EngagementCard };

export interface StoreReview {
  id: string;
  rating: number;
  title: string;
  body: string;
  verified: boolean;
  reply: { body: string; at: string } | null;
  createdAt: string;
}

export interface ReviewPage {
  items: StoreReview[];
  nextCursor: string | null;
  summary: { average: number | null; count: number };
}

export interface WishlistEntry {
  productId: string;
  addedAt: string;
  product: EngagementCard | null;
}

const product = (id: string, suffix: string) => `/api/store/products/${encodeURIComponent(id)}/${suffix}`;
const NO_REVIEWS: ReviewPage = { items: [], nextCursor: null, summary: { average: null, count: 0 } };

/**
 * The engagement service's shopper API: reviews, recommendations, the customer's wishlist. Without
 * a caller (no ENGAGEMENT_URL) reads are empty and writes answer 404, so the pages still render.
 */
export function createEngagementClient(caller: InternalCaller | undefined) {
  const read = async <T>(ctx: CallCtx, path: string, fallback: T): Promise<T> => {
    if (!caller) return fallback;
    const answer = await caller.call<T>(ctx, { path });
    return answer.status === 200 ? answer.body : fallback;
  };
  const write = (ctx: CallCtx, init: Parameters<InternalCaller['call']>[1]): Promise<Answer> =>
    caller ? caller.call(ctx, init) : Promise.resolve({ status: 404, body: {} });
  return {
    reviews: (ctx: CallCtx, productId: string) =>
      read(ctx, `${product(productId, 'reviews')}?limit=10`, NO_REVIEWS),
    async recommendations(ctx: CallCtx, productId: string): Promise<EngagementCard[]> {
      return (
        await read(ctx, `${product(productId, 'recommendations')}?limit=4`, { items: [] as EngagementCard[] })
      ).items;
    },
    writeReview: (ctx: CallCtx, productId: string, body: { rating: number; title: string; body: string }) =>
      write(ctx, { method: 'POST', path: product(productId, 'reviews'), body }),
    async wishlist(ctx: CallCtx): Promise<WishlistEntry[]> {
      return (await read(ctx, '/api/store/me/wishlist?limit=100', { items: [] as WishlistEntry[] })).items;
    },
    addToWishlist: (ctx: CallCtx, productId: string) =>
      write(ctx, { method: 'POST', path: '/api/store/me/wishlist', body: { productId } }),
    removeFromWishlist: (ctx: CallCtx, productId: string) =>
      write(ctx, { method: 'DELETE', path: `/api/store/me/wishlist/${encodeURIComponent(productId)}` }),
  };
}

export type EngagementClient = ReturnType<typeof createEngagementClient>;
