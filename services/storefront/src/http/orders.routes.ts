import { Router, type Request, type Response } from 'express';
import type { Order } from '../data-access/order.client';
import type { Problem } from '../data-access/internal-call';
import { CANCELLABLE, statusLabel } from '../domain/order-status';
import type { StorefrontDeps } from '../domain/storefront-deps';
import { sendStoreNotFound } from './catalog.routes';
import { field, formBody, requireCsrf, seeOther } from './forms';
import { sendStorePage } from './render';
import { shopOf, type Shop } from './shop';

const ORDER_ID = /^ord_[A-Za-z0-9]{1,64}$/;
const SETTLE_WAIT_MS = 5_000;

/**
 * The order page (guest token from this browser's cookie or `?token=`, or the signed-in
 * customer's own order), the test-mode payment buttons and cancellation.
 */
export function orderRoutes(deps: StorefrontDeps): Router {
  const router = Router();

  router.get('/orders/:id', async (req, res) => {
    const shop = shopOf(res);
    const id = req.params.id as string;
    const order = ORDER_ID.test(id) ? await deps.order.get(shop.call, id, tokenOf(req, shop, id)) : null;
    if (!order)
      return sendStoreNotFound(deps, req, res, 'Order not found', 'We could not find this order for you.');
    await sendOrderPage(deps, req, res, order, { justPlaced: req.query.placed === '1' });
  });

  router.post('/orders/:id/pay', formBody, requireCsrf, async (req, res) => {
    const shop = shopOf(res);
    const id = req.params.id as string;
    const key = shop.session.orders[id];
    const outcome = field(req, 'outcome', 20) === 'failed' ? 'failed' : 'succeeded';
    const order = ORDER_ID.test(id) && key ? await deps.order.get(shop.call, id, key.token) : null;
    if (!order || !key?.paymentId) return sendStoreNotFound(deps, req, res, 'Order not found');
    if (!shop.testMode)
      return sendOrderPage(deps, req, res, order, {
        error: 'This store takes real payments only.',
        status: 403,
      });
    const answer = await deps.payment.simulate(shop.call, key.paymentId, outcome);
    if (answer.status >= 300) {
      const problem = answer.body as Problem | null;
      return sendOrderPage(deps, req, res, order, {
        error: problem?.detail ?? 'The test payment was refused.',
        status: 422,
      });
    }
    await settled(deps, shop, id, key.token, (o) => o.status !== 'PENDING');
    seeOther(res, `/orders/${encodeURIComponent(id)}`);
  });

  router.post('/orders/:id/cancel', formBody, requireCsrf, async (req, res) => {
    const shop = shopOf(res);
    const id = req.params.id as string;
    if (!ORDER_ID.test(id)) return sendStoreNotFound(deps, req, res, 'Order not found');
    const token = tokenOf(req, shop, id);
    const answer = await deps.order.cancel(shop.call, id, token);
    if (answer.status >= 300) {
      const order = await deps.order.get(shop.call, id, token);
      if (!order) return sendStoreNotFound(deps, req, res, 'Order not found');
      const problem = answer.body as Problem | null;
      return sendOrderPage(deps, req, res, order, {
        error: problem?.detail ?? 'This order can no longer be cancelled.',
        status: 409,
      });
    }
    await settled(deps, shop, id, token, (o) => o.status === 'CANCELLED');
    seeOther(res, `/orders/${encodeURIComponent(id)}`);
  });

  return router;
}

/** Guest access: the token kept in this browser's cookie when the order was placed, else `?token=`. */
function tokenOf(req: Request, shop: Shop, id: string): string | undefined {
  const query =
    typeof req.query.token === 'string' && req.query.token.length <= 200 ? req.query.token : undefined;
  return shop.session.orders[id]?.token ?? query;
}

/** The saga settles by events: wait (bounded) so the next page shows the outcome. */
async function settled(
  deps: StorefrontDeps,
  shop: Shop,
  id: string,
  token: string | undefined,
  done: (o: Order) => boolean,
) {
  const deadline = Date.now() + SETTLE_WAIT_MS;
  for (let delay = 50; Date.now() < deadline; delay = Math.min(delay * 2, 400)) {
    const order = await deps.order.get(shop.call, id, token);
    if (!order || done(order)) return;
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
}

function sendOrderPage(
  deps: StorefrontDeps,
  req: Request,
  res: Response,
  order: Order,
  opts: { justPlaced?: boolean; error?: string; status?: number },
): Promise<void> {
  const shop = shopOf(res);
  const key = shop.session.orders[order.id];
  const provider = shop.info.payment.provider;
  const canPay =
    order.status === 'PENDING' && shop.testMode && provider === 'offline' && Boolean(key?.paymentId);
  return sendStorePage(deps, req, res, {
    template: 'order',
    status: opts.status ?? 200,
    data: {
      order: { ...order, status_label: statusLabel(order.status), can_cancel: CANCELLABLE.has(order.status) },
      payment: {
        can_pay: canPay,
        pending_provider: order.status === 'PENDING' && !canPay && provider !== 'offline' ? provider : null,
      },
      just_placed: opts.justPlaced ?? false,
      error: opts.error,
    },
    meta: { title: `Order ${order.id} | ${shop.info.name}`, robots: 'noindex' },
  });
}
