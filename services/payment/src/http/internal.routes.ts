import { Router } from 'express';
import { parseBody, parseQuery } from '@fleet/http';
import { requestCtx } from '@fleet/tenancy';
import { createPayment } from '../domain/payments/create-payment';
import { findOrderPayment, getPayment } from '../domain/payments/get-payment';
import type { PaymentDeps } from '../domain/payment-deps';
import { refundPayment } from '../domain/refunds/refund-payment';
import { syncPayment } from '../domain/payments/sync-payment';
import { assertServiceCaller, paymentIdParam } from './guards';
import { createPaymentBody, idempotencyKey, orderQuery, refundBody } from './schemas';

/** Payment's internal API, for the order saga: service actors with the tenant in the context. */
export function internalRoutes(deps: PaymentDeps): Router {
  const router = Router();

  router.use('/internal', (_req, res, next) => {
    assertServiceCaller(requestCtx(res));
    next();
  });

  router.post('/internal/payments', async (req, res) => {
    const ctx = requestCtx(res);
    assertServiceCaller(ctx);
    const result = await createPayment(ctx, deps, parseBody(createPaymentBody, req));
    res.status(result.created ? 201 : 200).json(result.payment);
  });

  router.get('/internal/payments', async (req, res) => {
    const ctx = requestCtx(res);
    assertServiceCaller(ctx);
    const { orderId } = parseQuery(orderQuery, req);
    const payment = await findOrderPayment(ctx, deps, orderId);
    res.json({ items: payment ? [payment] : [], nextCursor: null });
  });

  router.get('/internal/payments/:id', async (req, res) => {
    const ctx = requestCtx(res);
    assertServiceCaller(ctx);
    res.json(await getPayment(ctx, deps, paymentIdParam(req.params.id)));
  });

  // The unpaid-order timeout asks here before cancelling: the provider's state, applied first.
  router.post('/internal/payments/:id/sync', async (req, res) => {
    const ctx = requestCtx(res);
    assertServiceCaller(ctx);
    res.json(await syncPayment(ctx, deps, paymentIdParam(req.params.id)));
  });

  router.post('/internal/payments/:id/refunds', async (req, res) => {
    const ctx = requestCtx(res);
    assertServiceCaller(ctx);
    const paymentId = paymentIdParam(req.params.id);
    const body = parseBody(refundBody, req);
    const key = idempotencyKey.safeParse(req.header('idempotency-key'));
    const result = await refundPayment(ctx, deps, paymentId, {
      ...body,
      ...(key.success && key.data ? { idempotencyKey: key.data } : {}),
    });
    res.status(result.created ? 201 : 200).json(result.refund);
  });

  return router;
}
