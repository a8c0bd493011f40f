import { Router } from 'express';
import { parseBody, parseQuery } from '@fleet/http';
import { z } from 'zod';
import type { CatalogDeps } from '../domain/catalog-deps';
import { LOOKUP_MAX_VARIANTS, lookupVariantInfo } from '../domain/products/lookup-variants';
import { exportProducts } from '../domain/products/read-products';
import { guard, serviceCtx } from './guards';
import { sendRawJson } from './raw-json';
import { internalListQuery } from './schemas';

const lookupBody = z.strictObject({
  variantIds: z.array(z.string().min(1).max(64)).min(1).max(LOOKUP_MAX_VARIANTS),
});

/** For other services only (a service actor with the tenant in the signed context). */
export function internalRoutes(deps: CatalogDeps): Router {
  const router = Router();
  router.use('/internal', guard(serviceCtx));

  /** Search's reindex: every product document of the tenant, any status, in id order. */
  router.get('/internal/products', async (req, res) => {
    res.json(await exportProducts(serviceCtx(res), deps, parseQuery(internalListQuery, req)));
  });

  /** Carts and checkout: `VariantLookupRequest` -> `VariantLookupResponse` (@fleet/contracts). */
  router.post('/internal/variants/lookup', async (req, res) => {
    const { variantIds } = parseBody(lookupBody, req);
    const { items } = await lookupVariantInfo(serviceCtx(res), deps, variantIds);
    sendRawJson(res, `{"items":[${items.join(',')}]}`);
  });
  return router;
}
