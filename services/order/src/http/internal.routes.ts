import { Router } from 'express';
import { AppError } from '@fleet/errors';
import { parseBody } from '@fleet/http';
import { requestCtx } from '@fleet/tenancy';
import { createOrder } from '../saga/create-order';
import type { OrderDeps } from '../domain/order-deps';
import { assertServiceCaller } from './guards';
import { sendRichProblem } from './route-helpers';
import { createOrderBody } from './schemas';

/** Checkout's entry point: `POST /internal/orders` (service actor, tenant in the signed context). */
export function internalRoutes(deps: OrderDeps): Router {
  const router = Router();

  router.post('/internal/orders', async (req, res) => {
    const ctx = requestCtx(res);
    assertServiceCaller(ctx);
    const outcome = await createOrder(ctx, deps, parseBody(createOrderBody, req));
    switch (outcome.kind) {
      case 'created':
        if (outcome.replayed) res.setHeader('Idempotent-Replayed', 'true');
        res.status(201).json(outcome.response);
        return;
      case 'rejected':
        return sendRichProblem(req, res, 'business_rule', outcome);
      case 'cancelled':
        throw new AppError('conflict', 'This checkout’s order was cancelled.', { code: 'order_cancelled' });
      case 'pending':
        throw new AppError('unavailable', 'The order is still being placed; retry with the same checkout.', {
          code: 'order_pending',
          retryAfter: 2,
        });
    }
  });

  return router;
}
