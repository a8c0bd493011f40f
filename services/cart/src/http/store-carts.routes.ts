import { Router } from 'express';
import { parseBody, parseParams } from '@fleet/http';
import { addItem, removeItem, updateItem } from '../domain/change-items';
import type { CartDeps } from '../domain/cart-deps';
import { mergeCarts } from '../domain/merge-carts';
import { createCart, getCart } from '../domain/open-cart';
import { guard, storeCtx } from './guards';
import { addItemBody, cartParams, itemParams, updateItemBody } from './schemas';

/** The shopper's cart API on a store host (guests and customers). */
export function storeCartRoutes(deps: CartDeps): Router {
  const router = Router();
  router.use('/api/store/carts', guard(storeCtx));

  router.post('/api/store/carts', async (_req, res) => {
    const { cart, created } = await createCart(storeCtx(res), deps);
    res.status(created ? 201 : 200).json(cart);
  });

  router.get('/api/store/carts/:id', async (req, res) => {
    const { customerId: _hidden, ...cart } = await getCart(
      storeCtx(res),
      deps,
      parseParams(cartParams, req).id,
    );
    res.json(cart);
  });

  router.post('/api/store/carts/:id/items', async (req, res) => {
    const { id } = parseParams(cartParams, req);
    res.json(await addItem(storeCtx(res), deps, id, parseBody(addItemBody, req)));
  });

  router.patch('/api/store/carts/:id/items/:itemId', async (req, res) => {
    const { id, itemId } = parseParams(itemParams, req);
    const { quantity } = parseBody(updateItemBody, req);
    res.json(await updateItem(storeCtx(res), deps, id, itemId, quantity));
  });

  router.delete('/api/store/carts/:id/items/:itemId', async (req, res) => {
    const { id, itemId } = parseParams(itemParams, req);
    res.json(await removeItem(storeCtx(res), deps, id, itemId));
  });

  router.post('/api/store/carts/:id/merge', async (req, res) => {
    res.json(await mergeCarts(storeCtx(res), deps, parseParams(cartParams, req).id));
  });

  return router;
}
