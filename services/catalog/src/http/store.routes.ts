import { Router } from 'express';
import { parseParams, parseQuery } from '@fleet/http';
import type { CatalogDeps } from '../domain/catalog-deps';
import { categoryTree, listCollectionPage } from '../domain/taxonomy/read-taxonomy';
import { storeProduct, storeProductPage } from '../domain/products/store-products';
import { guard, storeCtx } from './guards';
import { sendRawJson, sendRawPage } from './raw-json';
import { pageQuery, storeListQuery, storeProductParams } from './schemas';

/** The storefront's catalog: active products only, for anyone on the store's host. */
export function storeRoutes(deps: CatalogDeps): Router {
  const router = Router();
  router.use(['/api/store/products', '/api/store/categories', '/api/store/collections'], guard(storeCtx));

  router.get('/api/store/products', async (req, res) => {
    sendRawPage(res, await storeProductPage(storeCtx(res), deps, parseQuery(storeListQuery, req)));
  });
  router.get('/api/store/products/:idOrSlug', async (req, res) => {
    sendRawJson(res, await storeProduct(storeCtx(res), deps, parseParams(storeProductParams, req).idOrSlug));
  });
  router.get('/api/store/categories', async (_req, res) => {
    res.json(await categoryTree(storeCtx(res), deps));
  });
  router.get('/api/store/collections', async (req, res) => {
    res.json(await listCollectionPage(storeCtx(res), deps, parseQuery(pageQuery, req)));
  });
  return router;
}
