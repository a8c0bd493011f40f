import { Router } from 'express';
import { parseBody } from '@fleet/http';
import { requestCtx } from '@fleet/tenancy';
import type { PaymentDeps } from '../domain/payment-deps';
import { confirmPayment } from '../domain/payments/confirm-payment';
import { simulatePayment } from '../domain/payments/simulate-payment';
import { assertTenantRequest, paymentIdParam } from './guards';
import { confirmBody, simulateBody } from './schemas';

/** Shopper-facing endpoints (store hosts, through the gateway). */
export function storeRoutes(deps: PaymentDeps): Router {
  const router = Router();
  router.post('/api/store/payments/:id/simulate', async (req, res) => {
    const ctx = requestCtx(res);
    assertTenantRequest(ctx);
    const paymentId = paymentIdParam(req.params.id);
    const { outcome } = parseBody(simulateBody, req);
    res.status(202).json(await simulatePayment(ctx, deps, paymentId, outcome));
  });
  router.post('/api/store/payments/:id/confirm', async (req, res) => {
    const ctx = requestCtx(res);
    assertTenantRequest(ctx);
    const paymentId = paymentIdParam(req.params.id);
    res.json(await confirmPayment(ctx, deps, paymentId, parseBody(confirmBody, req)));
  });
  return router;
}
