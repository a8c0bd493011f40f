import { Router } from 'express';
import { parseBody, parseParams, parseQuery } from '@fleet/http';
import { createCategory, updateCategory } from '../domain/taxonomy/categories';
import type { CatalogDeps } from '../domain/catalog-deps';
import { createCollection, updateCollection } from '../domain/taxonomy/collections';
import { deleteCategory, deleteCollection } from '../domain/taxonomy/delete-taxonomy';
import { listCategoryPage, listCollectionPage } from '../domain/taxonomy/read-taxonomy';
import { guard, staffCtx } from './guards';
import {
  categoryParams,
  collectionParams,
  createCategoryBody,
  createCollectionBody,
  pageQuery,
  updateCategoryBody,
  updateCollectionBody,
} from './schemas';

/** The merchant admin's categories (a tree) and collections (staff of the host's store). */
export function adminTaxonomyRoutes(deps: CatalogDeps): Router {
  const router = Router();
  router.use(['/api/admin/categories', '/api/admin/collections'], guard(staffCtx));

  router.post('/api/admin/categories', async (req, res) => {
    res.status(201).json(await createCategory(staffCtx(res), deps, parseBody(createCategoryBody, req)));
  });
  router.get('/api/admin/categories', async (req, res) => {
    res.json(await listCategoryPage(staffCtx(res), deps, parseQuery(pageQuery, req)));
  });
  router.patch('/api/admin/categories/:id', async (req, res) => {
    const { id } = parseParams(categoryParams, req);
    res.json(await updateCategory(staffCtx(res), deps, id, parseBody(updateCategoryBody, req)));
  });
  router.delete('/api/admin/categories/:id', async (req, res) => {
    await deleteCategory(staffCtx(res), deps, parseParams(categoryParams, req).id);
    res.status(204).end();
  });

  router.post('/api/admin/collections', async (req, res) => {
    res.status(201).json(await createCollection(staffCtx(res), deps, parseBody(createCollectionBody, req)));
  });
  router.get('/api/admin/collections', async (req, res) => {
    res.json(await listCollectionPage(staffCtx(res), deps, parseQuery(pageQuery, req)));
  });
  router.patch('/api/admin/collections/:id', async (req, res) => {
    const { id } = parseParams(collectionParams, req);
    res.json(await updateCollection(staffCtx(res), deps, id, parseBody(updateCollectionBody, req)));
  });
  router.delete('/api/admin/collections/:id', async (req, res) => {
    await deleteCollection(staffCtx(res), deps, parseParams(collectionParams, req).id);
    res.status(204).end();
  });
  return router;
}
