import { Router } from 'express';
import { parseQuery } from '@fleet/http';
import { requestCtx } from '@fleet/tenancy';
import { requestCancel } from '../saga/cancel-order';
import { getShopperOrder } from '../domain/get-order';
import { listOrderPage } from '../domain/list-orders';
import { shopperOwns } from '../domain/order-access';
import type { OrderDeps } from '../domain/order-deps';
import { assertCustomer, assertTenantRequest } from './guards';
import { orderSummary, shopperOrderView } from './order-views';
import { orderIdOf } from './route-helpers';
import { myOrdersQuery, tokenQuery } from './schemas';

/** Shoppers: a guest with `?token=` or the signed-in customer who placed the order. */
export function storeRoutes(deps: OrderDeps): Router {
  const router = Router();

  router.get('/api/store/orders/:id', async (req, res) => {
    const ctx = requestCtx(res);
    assertTenantRequest(ctx);
    const { token } = parseQuery(tokenQuery, req);
    res.json(shopperOrderView(await getShopperOrder(ctx, deps, orderIdOf(req), { token })));
  });

  router.post('/api/store/orders/:id/cancel', async (req, res) => {
    const ctx = requestCtx(res);
    assertTenantRequest(ctx);
    const { token } = parseQuery(tokenQuery, req);
    const order = await requestCancel(ctx, deps, orderIdOf(req), {
      reason: 'shopper_request',
      allowed: (o) => shopperOwns(ctx, o, { token }),
    });
    res.status(202).json({ id: order.id, status: order.status });
  });

  router.get('/api/store/me/orders', async (req, res) => {
    const ctx = requestCtx(res);
    assertCustomer(ctx);
    const query = parseQuery(myOrdersQuery, req);
    const page = await listOrderPage(ctx, deps, { ...query, customerId: ctx.actor.id });
    res.json({ items: page.orders.map(orderSummary), nextCursor: page.nextCursor });
  });

  return router;
}
