import { Router } from 'express';
import { parseBody, parseParams, parseQuery } from '@fleet/http';
import type { CartDeps } from '../domain/cart-deps';
import { getCart } from '../domain/open-cart';
import { removeOrdered } from '../domain/remove-ordered';
import { guard, serviceCtx } from './guards';
import { cartParams, customerQuery, removeOrderedBody } from './schemas';

/** For checkout only (service actor, tenant in the signed context). */
export function internalCartRoutes(deps: CartDeps): Router {
  const router = Router();
  router.use('/internal', guard(serviceCtx));

  /**
   * The cart priced fresh from catalog, with its `customerId`. With `?customerId=` (the shopper
   * checkout acts for) another customer's cart is 404, exactly as on the store API.
   */
  router.get('/internal/carts/:id', async (req, res) => {
    const { id } = parseParams(cartParams, req);
    const { customerId } = parseQuery(customerQuery, req);
    res.json(await getCart(serviceCtx(res), deps, id, { customer: customerId ?? null, fresh: true }));
  });

  /** What an order bought leaves the cart; a repeat for the same checkout changes nothing. */
  router.post('/internal/carts/:id/ordered', async (req, res) => {
    const { id } = parseParams(cartParams, req);
    await removeOrdered(serviceCtx(res), deps, id, parseBody(removeOrderedBody, req));
    res.status(204).end();
  });

  return router;
}
