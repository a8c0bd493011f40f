import { Router } from 'express';
import { parseBody, parseQuery } from '@fleet/http';
import { requestCtx } from '@fleet/tenancy';
import { requestCancel } from '../saga/cancel-order';
import { fulfillOrder } from '../domain/fulfill-order';
import { getMerchantOrder } from '../domain/get-order';
import { listOrderPage } from '../domain/list-orders';
import type { OrderDeps } from '../domain/order-deps';
import { refundOrder } from '../domain/refund-order';
import { markDelivered, shipOrder } from '../domain/ship-order';
import { assertStaff } from './guards';
import { merchantOrderView, orderSummary } from './order-views';
import { orderIdOf, sendRichProblem, withBody } from './route-helpers';
import { deliverBody, fulfillBody, listQuery, refundBody, shipBody } from './schemas';

/** Merchant staff of the store. */
export function adminRoutes(deps: OrderDeps): Router {
  const router = Router();

  router.get('/api/admin/orders', async (req, res) => {
    const ctx = requestCtx(res);
    assertStaff(ctx);
    const page = await listOrderPage(ctx, deps, parseQuery(listQuery, req));
    res.json({ items: page.orders.map(orderSummary), nextCursor: page.nextCursor });
  });

  router.get('/api/admin/orders/:id', async (req, res) => {
    const ctx = requestCtx(res);
    assertStaff(ctx);
    res.json(merchantOrderView(await getMerchantOrder(ctx, deps, orderIdOf(req))));
  });

  router.post('/api/admin/orders/:id/cancel', async (req, res) => {
    const ctx = requestCtx(res);
    assertStaff(ctx);
    const order = await requestCancel(ctx, deps, orderIdOf(req), {
      reason: 'merchant_request',
      allowed: () => true,
    });
    res.status(202).json({ id: order.id, status: order.status });
  });

  router.post('/api/admin/orders/:id/fulfill', async (req, res) => {
    const ctx = requestCtx(res);
    assertStaff(ctx);
    const { carrier } = parseBody(fulfillBody, withBody(req));
    const order = await fulfillOrder(ctx, deps, orderIdOf(req), carrier);
    res.json({ id: order.id, status: order.status, carrier: order.carrier });
  });

  router.post('/api/admin/orders/:id/ship', async (req, res) => {
    const ctx = requestCtx(res);
    assertStaff(ctx);
    const order = await shipOrder(ctx, deps, orderIdOf(req), parseBody(shipBody, withBody(req)));
    res.json({ id: order.id, status: order.status, carrier: order.carrier });
  });

  router.post('/api/admin/orders/:id/deliver', async (req, res) => {
    const ctx = requestCtx(res);
    assertStaff(ctx);
    parseBody(deliverBody, withBody(req));
    const order = await markDelivered(ctx, deps, orderIdOf(req));
    res.json({ id: order.id, status: order.status });
  });

  router.post('/api/admin/orders/:id/refund', async (req, res) => {
    const ctx = requestCtx(res);
    assertStaff(ctx);
    const { amount } = parseBody(refundBody, withBody(req));
    const idempotencyKey = req.header('idempotency-key')?.slice(0, 200);
    const outcome = await refundOrder(ctx, deps, orderIdOf(req), { amount, idempotencyKey });
    if (outcome.ok) {
      res.status(201).json(outcome.refund);
      return;
    }
    const { code, detail, ...extra } = outcome.problem;
    const kind = outcome.status === 409 ? 'conflict' : 'business_rule';
    sendRichProblem(req, res, kind, { code, detail, extra });
  });

  return router;
}
