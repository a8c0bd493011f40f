import { Router } from 'express';
import { wishlistBody, wishlistParams, wishlistQuery } from '@fleet/api-contract';
import { parseBody, parseParams, parseQuery } from '@fleet/http';
import type { EngagementDeps } from '../domain/engagement-deps';
import { addToWishlist, listWishlist, removeFromWishlist } from '../domain/wishlist';
import { guard, storeCtx } from './guards';

/** `/api/store/me/wishlist`: the signed-in customer's own list (the gateway requires the token). */
export function wishlistRoutes(deps: EngagementDeps): Router {
  const router = Router();
  router.use('/api/store/me/wishlist', guard(storeCtx));

  router.get('/api/store/me/wishlist', async (req, res) => {
    res.json(await listWishlist(storeCtx(res), deps, parseQuery(wishlistQuery, req)));
  });
  router.post('/api/store/me/wishlist', async (req, res) => {
    const { productId } = parseBody(wishlistBody, req);
    const { item, created } = await addToWishlist(storeCtx(res), deps, productId);
    res.status(created ? 201 : 200).json(item);
  });
  router.delete('/api/store/me/wishlist/:productId', async (req, res) => {
    await removeFromWishlist(storeCtx(res), deps, parseParams(wishlistParams, req).productId);
    res.status(204).end();
  });
  return router;
}
