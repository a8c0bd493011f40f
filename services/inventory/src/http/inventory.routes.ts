import { Router } from 'express';
import { parseBody, parseParams, parseQuery } from '@fleet/http';
import { requestCtx } from '@fleet/tenancy';
import type { InventoryDeps } from '../domain/inventory-deps';
import { listStock } from '../domain/list-stock';
import { setStock } from '../domain/set-stock';
import { assertStaff } from './guards';
import { listQuery, setStockBody, variantParams } from './schemas';

/** The merchant's stock: `GET /api/admin/inventory`, `PUT /api/admin/inventory/{variantId}`. */
export function inventoryRoutes(deps: InventoryDeps): Router {
  const router = Router();
  const ctxOf = (res: Parameters<typeof requestCtx>[0]) => {
    const ctx = requestCtx(res);
    assertStaff(ctx);
    return ctx;
  };

  router.get('/api/admin/inventory', async (req, res) => {
    const ctx = ctxOf(res);
    res.json(await listStock(ctx, deps, parseQuery(listQuery, req)));
  });

  router.put('/api/admin/inventory/:variantId', async (req, res) => {
    const ctx = ctxOf(res);
    const { variantId } = parseParams(variantParams, req);
    const result = await setStock(ctx, deps, { variantId, ...parseBody(setStockBody, req) });
    res.status(result.created ? 201 : 200).json(result.level);
  });

  return router;
}
