import { Router, type Response } from 'express';
import type { StorefrontDeps } from '../domain/storefront-deps';
import { field, formBody, requireCsrf, seeOther } from './forms';
import { shopOf } from './shop';

const SLUG = /^[a-z0-9][a-z0-9-]{0,199}$/;
const productPage = (slug: string, done: string) =>
  SLUG.test(slug) ? `/products/${slug}?done=${done}#reviews` : '/account';

/** Signed-in customers only: anyone else is sent to log in first (false then). */
function signedIn(res: Response): boolean {
  if (shopOf(res).session.customer) return true;
  seeOther(res, '/account/login');
  return false;
}

/**
 * The forms of the product page and the account: write a review, save to and remove from the
 * wishlist. Plain POSTs answered with 303 (no JavaScript needed), CSRF-checked.
 */
export function engagementRoutes(deps: StorefrontDeps): Router {
  const router = Router();

  router.post('/products/:slug/reviews', formBody, requireCsrf, async (req, res) => {
    if (!signedIn(res)) return;
    const slug = req.params.slug as string;
    const rating = Number(field(req, 'rating', 1));
    const review = { rating, title: field(req, 'title', 120).trim(), body: field(req, 'body', 5000).trim() };
    if (!Number.isInteger(rating) || rating < 1 || rating > 5 || !review.title || !review.body) {
      return seeOther(res, productPage(slug, 'review-invalid'));
    }
    const answer = await deps.engagement.writeReview(shopOf(res).call, field(req, 'productId', 100), review);
    const done =
      answer.status === 201
        ? 'reviewed'
        : answer.status === 409
          ? 'already-reviewed'
          : answer.status === 400
            ? 'review-invalid'
            : 'unavailable';
    seeOther(res, productPage(slug, done));
  });

  router.post('/account/wishlist', formBody, requireCsrf, async (req, res) => {
    if (!signedIn(res)) return;
    const answer = await deps.engagement.addToWishlist(shopOf(res).call, field(req, 'productId', 100));
    const slug = field(req, 'slug', 200);
    const done = answer.status < 300 ? 'wishlisted' : 'unavailable';
    seeOther(res, SLUG.test(slug) ? `/products/${slug}?done=${done}` : '/account#wishlist');
  });

  router.post('/account/wishlist/remove', formBody, requireCsrf, async (req, res) => {
    if (!signedIn(res)) return;
    await deps.engagement.removeFromWishlist(shopOf(res).call, field(req, 'productId', 100));
    seeOther(res, '/account#wishlist');
  });
  return router;
}
