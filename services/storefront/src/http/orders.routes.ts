import { Router } from 'express';
import type { Problem } from '../data-access/internal-call';
import type { StorefrontDeps } from '../domain/storefront-deps';
import { sendStoreNotFound } from './catalog.routes';
import { field, formBody, requireCsrf, seeOther } from './forms';
import { ORDER_ID, sendOrderPage, settled, syncOnReturn, tokenOf, tokenSuffix } from './order-page';
import { shopOf } from './shop';

/**
 * The order page (guest token from this browser's cookie or `?token=`, or the signed-in
 * customer's own order; back from a provider's page, its payment synced first), the test-mode
 * payment buttons and cancellation.
 */
export function orderRoutes(deps: StorefrontDeps): Router {
  const router = Router();

  router.get('/orders/:id', async (req, res) => {
    const shop = shopOf(res);
    const id = req.params.id as string;
    const order = ORDER_ID.test(id) ? await deps.order.get(shop.call, id, tokenOf(req, shop, id)) : null;
    if (!order)
      return sendStoreNotFound(deps, req, res, 'Order not found', 'We could not find this order for you.');
    const now = await syncOnReturn(deps, req, shop, order);
    await sendOrderPage(deps, req, res, now, {
      justPlaced: req.query.placed === '1',
      ...(req.query.returned === '1' ? { notice: 'Your return request was sent to the store.' } : {}),
    });
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

  router.post('/orders/:id/returns', formBody, requireCsrf, async (req, res) => {
    const shop = shopOf(res);
    const id = req.params.id as string;
    if (!ORDER_ID.test(id)) return sendStoreNotFound(deps, req, res, 'Order not found');
    const token = tokenOf(req, shop, id);
    const order = await deps.order.get(shop.call, id, token);
    if (!order) return sendStoreNotFound(deps, req, res, 'Order not found');
    const lines = order.items
      .map((item) => ({
        variantId: item.variantId,
        quantity: Number(field(req, `qty_${item.variantId}`, 6)),
      }))
      .filter((line) => Number.isInteger(line.quantity) && line.quantity > 0);
    const reason = field(req, 'reason', 500).trim();
    if (lines.length === 0) {
      return sendOrderPage(deps, req, res, order, { error: 'Choose how many units to return.', status: 422 });
    }
    const answer = await deps.order.requestReturn(shop.call, id, token, {
      lines,
      ...(reason ? { reason } : {}),
    });
    if (answer.status >= 300) {
      const problem = answer.body as Problem | null;
      return sendOrderPage(deps, req, res, order, {
        error: problem?.detail ?? 'This return could not be requested.',
        status: answer.status === 400 ? 422 : answer.status,
      });
    }
    const suffix = tokenSuffix(req, shop, id);
    seeOther(res, `/orders/${encodeURIComponent(id)}${suffix ? `${suffix}&` : '?'}returned=1`);
  });

  return router;
}
