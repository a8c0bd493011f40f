import { Router } from 'express';
import { parseBody, parseParams, parseQuery } from '@fleet/http';
import { requestCtx } from '@fleet/tenancy';
import { commitReservation } from '../domain/commit-reservation';
import { getReservation } from '../domain/get-reservation';
import type { InventoryDeps } from '../domain/inventory-deps';
import { stockOf } from '../domain/list-stock';
import { releaseReservation } from '../domain/release-reservation';
import { reserveStock } from '../domain/reserve-stock';
import { restockReservation } from '../domain/restock-reservation';
import { assertServiceCaller } from './guards';
import { sendOutOfStock } from './out-of-stock.problem';
import { reservationParams, reserveBody, stockQuery } from './schemas';

/** Inventory's internal API: the order saga reserves, commits, releases and restocks by order id. */
export function reservationRoutes(deps: InventoryDeps): Router {
  const router = Router();
  const ctxOf = (res: Parameters<typeof requestCtx>[0]) => {
    const ctx = requestCtx(res);
    assertServiceCaller(ctx);
    return ctx;
  };

  router.post('/internal/reservations', async (req, res) => {
    const ctx = ctxOf(res);
    const body = parseBody(reserveBody, req);
    const outcome = await reserveStock(ctx, deps, body);
    if (!outcome.ok) return sendOutOfStock(req, res, body.items, outcome.details);
    res.status(outcome.created ? 201 : 200).json(outcome.reservation);
  });

  router.get('/internal/reservations/:id', async (req, res) => {
    const ctx = ctxOf(res);
    res.json(await getReservation(ctx, deps, parseParams(reservationParams, req).id));
  });

  router.post('/internal/reservations/:id/commit', async (req, res) => {
    const ctx = ctxOf(res);
    res.json(await commitReservation(ctx, deps, parseParams(reservationParams, req).id));
  });

  router.post('/internal/reservations/:id/release', async (req, res) => {
    const ctx = ctxOf(res);
    res.json(await releaseReservation(ctx, deps, parseParams(reservationParams, req).id));
  });

  router.post('/internal/reservations/:id/restock', async (req, res) => {
    const ctx = ctxOf(res);
    res.json(await restockReservation(ctx, deps, parseParams(reservationParams, req).id));
  });

  router.get('/internal/stock-levels', async (req, res) => {
    const ctx = ctxOf(res);
    res.json({ items: await stockOf(ctx, deps, parseQuery(stockQuery, req).variantIds) });
  });

  return router;
}
