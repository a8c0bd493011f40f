import { Router } from 'express';
import { parseBody, parseParams, parseQuery } from '@fleet/http';
import { z } from 'zod';
import type { CatalogDeps } from '../domain/catalog-deps';
import { LOOKUP_MAX_VARIANTS, lookupVariantInfo } from '../domain/products/lookup-variants';
import { exportProducts } from '../domain/products/read-products';
import { productCards, similarProducts } from '../domain/products/product-cards';
import { guard, serviceCtx } from './guards';
import { sendRawJson } from './raw-json';
import { internalListQuery } from './schemas';

const lookupBody = z.strictObject({
  variantIds: z.array(z.string().min(1).max(64)).min(1).max(LOOKUP_MAX_VARIANTS),
});

const cardsBody = z.strictObject({
  productIds: z.array(z.string().min(1).max(100)).min(1).max(100),
});
const similarParams = z.strictObject({ id: z.string().min(1).max(100) });
const similarQuery = z.strictObject({ limit: z.coerce.number().int().min(1).max(50).default(8) });

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
  /** Engagement (wishlists, recommendations): storefront cards of the active products among the ids. */
  router.post('/internal/products/cards', async (req, res) => {
    const { productIds } = parseBody(cardsBody, req);
    const cards = await productCards(serviceCtx(res), deps, productIds);
    sendRawJson(res, `{"items":[${cards.join(',')}]}`);
  });

  /** Engagement's "similar": active products sharing a category with this one. */
  router.get('/internal/products/:id/similar', async (req, res) => {
    const { id } = parseParams(similarParams, req);
    const { limit } = parseQuery(similarQuery, req);
    const cards = await similarProducts(serviceCtx(res), deps, id, limit);
    sendRawJson(res, `{"items":[${cards.join(',')}]}`);
  });
  return router;
}
