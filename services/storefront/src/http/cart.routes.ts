import { Router, type Request, type Response } from 'express';
import type { Cart } from '../data-access/cart.client';
import type { Answer, Problem } from '../data-access/internal-call';
import type { StorefrontDeps } from '../domain/storefront-deps';
import { field, formBody, requireCsrf, seeOther, wantsJson } from './forms';
import { sendStorePage } from './render';
import { shopOf, type Shop } from './shop';

/** The cart page and its forms: add (JSON for the enhancing script), change quantity, remove. */
export function cartRoutes(deps: StorefrontDeps): Router {
  const router = Router();

  router.get('/cart', async (req, res) => {
    const shop = shopOf(res);
    const cart = shop.session.cart ? await deps.cart.get(shop.call, shop.session.cart.id) : null;
    if (shop.session.cart && (!cart || cart.itemCount !== shop.session.cart.count))
      shop.session.setCart(cart ? { id: cart.id, count: cart.itemCount } : undefined);
    await sendCartPage(deps, req, res, cart);
  });

  router.post('/cart/add', formBody, requireCsrf, async (req, res) => {
    const shop = shopOf(res);
    const variantId = field(req, 'variantId', 100);
    const quantity = clampQuantity(field(req, 'quantity', 4), 1);
    let answer = shop.session.cart
      ? await deps.cart.add(shop.call, shop.session.cart.id, variantId, quantity)
      : null;
    if (!answer || isCartGone(answer)) {
      const created = await deps.cart.create(shop.call);
      if (created.status >= 300) return failed(deps, req, res, created);
      answer = await deps.cart.add(shop.call, created.body.id, variantId, quantity);
      if (answer.status >= 300) shop.session.setCart({ id: created.body.id, count: 0 });
    }
    if (answer.status >= 300) return failed(deps, req, res, answer);
    shop.session.setCart({ id: answer.body.id, count: answer.body.itemCount });
    if (wantsJson(req)) {
      res.setHeader('cache-control', 'no-store');
      res.json({ count: answer.body.itemCount });
      return;
    }
    seeOther(res, '/cart');
  });

  router.post('/cart/update', formBody, requireCsrf, async (req, res) => {
    const quantity = clampQuantity(field(req, 'quantity', 4), 0);
    await changeLine(deps, req, res, (shop, cartId, itemId) =>
      quantity === 0
        ? deps.cart.remove(shop.call, cartId, itemId)
        : deps.cart.setQuantity(shop.call, cartId, itemId, quantity),
    );
  });

  router.post('/cart/remove', formBody, requireCsrf, async (req, res) => {
    await changeLine(deps, req, res, (shop, cartId, itemId) => deps.cart.remove(shop.call, cartId, itemId));
  });

  return router;
}

async function changeLine(
  deps: StorefrontDeps,
  req: Request,
  res: Response,
  change: (shop: Shop, cartId: string, itemId: string) => Promise<Answer<Cart>>,
): Promise<void> {
  const shop = shopOf(res);
  if (!shop.session.cart) return seeOther(res, '/cart');
  const answer = await change(shop, shop.session.cart.id, field(req, 'itemId', 100));
  if (answer.status >= 300 && !isCartGone(answer) && answer.status !== 404)
    return failed(deps, req, res, answer);
  if (answer.status < 300) shop.session.setCart({ id: answer.body.id, count: answer.body.itemCount });
  else if (isCartGone(answer)) shop.session.setCart(undefined);
  seeOther(res, '/cart');
}

const isCartGone = (answer: Answer): boolean => (answer.body as Problem | null)?.code === 'cart_not_found';

function clampQuantity(raw: string, min: number): number {
  const n = Number.parseInt(raw, 10);
  return Number.isFinite(n) ? Math.min(99, Math.max(min, n)) : Math.max(min, 1);
}

/** The cart service refused (a variant that cannot be bought, a full cart): say why. */
async function failed(deps: StorefrontDeps, req: Request, res: Response, answer: Answer): Promise<void> {
  const problem = answer.body as Problem | null;
  const message = problem?.errors?.[0]?.message
    ? `${problem.detail ?? 'This item cannot be added'} (${problem.errors[0].message})`
    : (problem?.detail ?? 'This item cannot be added to the cart.');
  if (wantsJson(req)) {
    res
      .status(answer.status)
      .type('application/problem+json')
      .send(JSON.stringify({ ...problem, detail: message }));
    return;
  }
  const shop = shopOf(res);
  const cart = shop.session.cart ? await deps.cart.get(shop.call, shop.session.cart.id) : null;
  await sendCartPage(deps, req, res, cart, message, answer.status === 404 ? 404 : 422);
}

function sendCartPage(
  deps: StorefrontDeps,
  req: Request,
  res: Response,
  cart: Cart | null,
  error?: string,
  status = 200,
) {
  const shop = shopOf(res);
  return sendStorePage(deps, req, res, {
    template: 'cart',
    status,
    data: { cart: cart ?? { items: [], itemCount: 0, subtotal: 0, currency: shop.info.currency }, error },
    // Crawlable (the same empty cart for a robot); checkout, orders and accounts are not.
    meta: { title: `Your cart | ${shop.info.name}`, canonical: '/cart' },
  });
}
