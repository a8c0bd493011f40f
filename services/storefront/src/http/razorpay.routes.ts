import { Router } from 'express';
import type { Problem } from '../data-access/internal-call';
import type { StorefrontDeps } from '../domain/storefront-deps';
import { sendStoreNotFound } from './catalog.routes';
import { field, formBody, requireCsrf, seeOther } from './forms';
import { ORDER_ID, sendOrderPage, settled, tokenOf } from './order-page';
import { shopOf } from './shop';

const FIELDS = ['razorpay_order_id', 'razorpay_payment_id', 'razorpay_signature'] as const;

/**
 * Razorpay Checkout's signed answer, posted by our script as a form (CSRF token like every form
 * post): forwarded to payment's `/confirm`, which checks the signature with the key secret and
 * asks Razorpay before anything changes; then back to the order page (303) once the saga has
 * moved, or the order page with the refusal explained.
 */
export function razorpayRoutes(deps: StorefrontDeps): Router {
  const router = Router();

  router.post('/orders/:id/razorpay', formBody, requireCsrf, async (req, res) => {
    const shop = shopOf(res);
    const id = req.params.id as string;
    const token = tokenOf(req, shop, id);
    const order = ORDER_ID.test(id) ? await deps.order.get(shop.call, id, token) : null;
    if (!order) return sendStoreNotFound(deps, req, res, 'Order not found');
    const payment = order.status === 'PENDING' ? await deps.payment.ofOrder(shop.call, id) : null;
    if (payment?.provider !== 'razorpay' || payment.status !== 'pending')
      return sendOrderPage(deps, req, res, order, {
        error: 'This order is not waiting for a Razorpay payment.',
        status: 409,
      });
    const confirmation = Object.fromEntries(FIELDS.map((name) => [name, field(req, name, 200)]));
    if (FIELDS.some((name) => !confirmation[name]))
      return sendOrderPage(deps, req, res, order, {
        error: 'Razorpay did not send a complete answer. Please try paying again.',
        status: 400,
      });
    const answer = await deps.payment.confirm(shop.call, payment.paymentId, confirmation);
    const outcome = (answer.body as { outcome?: string } | null)?.outcome;
    if (answer.status >= 300 || outcome === 'failed') {
      const problem = answer.body as Problem | null;
      const refused =
        problem?.code === 'invalid_payment_signature'
          ? 'The payment answer could not be verified, so nothing was charged to this order. Please try paying again.'
          : (problem?.detail ?? 'The payment did not go through. Please try again.');
      return sendOrderPage(deps, req, res, order, {
        error: answer.status >= 300 ? refused : 'The payment was declined. Please try again.',
        status: answer.status >= 300 ? answer.status : 422,
      });
    }
    if (outcome === 'succeeded') await settled(deps, shop, id, token, (o) => o.status !== 'PENDING');
    seeOther(res, `/orders/${encodeURIComponent(id)}`);
  });

  return router;
}
