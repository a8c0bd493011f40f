import { Router } from 'express';
import { parseBody, parseParams, parseQuery } from '@fleet/http';
import { bulkUpsertProducts } from '../domain/products/bulk-products';
import type { CatalogDeps } from '../domain/catalog-deps';
import { createProduct } from '../domain/products/create-product';
import { deleteProduct } from '../domain/products/delete-product';
import { productInput, productPatch } from '../domain/products/product-input';
import { getProduct, listProducts } from '../domain/products/read-products';
import { updateProduct } from '../domain/products/update-product';
import { guard, staffCtx } from './guards';
import { adminListQuery, bulkBody, productParams } from './schemas';

/** The merchant admin's products (staff of the host's store). */
export function adminProductRoutes(deps: CatalogDeps): Router {
  const router = Router();
  router.use('/api/admin/products', guard(staffCtx));

  router.post('/api/admin/products', async (req, res) => {
    res.status(201).json(await createProduct(staffCtx(res), deps, parseBody(productInput, req)));
  });
  router.get('/api/admin/products', async (req, res) => {
    res.json(await listProducts(staffCtx(res), deps, parseQuery(adminListQuery, req)));
  });
  router.post('/api/admin/products/bulk', async (req, res) => {
    res.json(await bulkUpsertProducts(staffCtx(res), deps, parseBody(bulkBody, req).products));
  });
  router.get('/api/admin/products/:id', async (req, res) => {
    res.json(await getProduct(staffCtx(res), deps, parseParams(productParams, req).id));
  });
  router.patch('/api/admin/products/:id', async (req, res) => {
    const { id } = parseParams(productParams, req);
    res.json(await updateProduct(staffCtx(res), deps, id, parseBody(productPatch, req)));
  });
  router.delete('/api/admin/products/:id', async (req, res) => {
    await deleteProduct(staffCtx(res), deps, parseParams(productParams, req).id);
    res.status(204).end();
  });
  return router;
}
