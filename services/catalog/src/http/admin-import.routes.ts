import { Router } from 'express';
import { AppError } from '@fleet/errors';
import type { CatalogDeps } from '../domain/catalog-deps';
import { importProducts } from '../domain/import/import-products';
import { csvRecords } from './csv-records';
import { guard, staffCtx } from './guards';

/**
 * `POST /api/admin/products/import` with a `text/csv` body. Mounted before the JSON parser, which
 * would leave a text/csv body alone anyway (it reads application/json only): the stream reaches
 * csv-parse untouched.
 */
export function adminImportRoutes(deps: CatalogDeps): Router {
  const router = Router();
  router.use('/api/admin/products/import', guard(staffCtx));
  router.post('/api/admin/products/import', async (req, res) => {
    const ctx = staffCtx(res);
    if (!req.is('text/csv')) {
      throw new AppError('validation', 'The body must be a CSV file sent as Content-Type: text/csv.', {
        code: 'unsupported_media_type',
        errors: [{ path: 'content-type', message: 'must be text/csv' }],
      });
    }
    res.json(await importProducts(ctx, deps, csvRecords(req)));
  });
  return router;
}
