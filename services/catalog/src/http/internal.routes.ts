import { Router } from 'express';
import { parseQuery } from '@fleet/http';
import type { CatalogDeps } from '../domain/catalog-deps';
import { exportProducts } from '../domain/read-products';
import { guard, serviceCtx } from './guards';
import { internalListQuery } from './schemas';

/** For other services only: `GET /internal/products` pages through every product document of a tenant. */
export function internalRoutes(deps: CatalogDeps): Router {
  const router = Router();
  router.use('/internal', guard(serviceCtx));
  router.get('/internal/products', async (req, res) => {
    res.json(await exportProducts(serviceCtx(res), deps, parseQuery(internalListQuery, req)));
  });
  return router;
}
