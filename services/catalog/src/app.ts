import express, { type Express } from 'express';
import { createHttpApp, type ReadinessCheck } from '@fleet/http';
import { requireSignedContext } from '@fleet/tenancy';
import { tenantDataRoutes } from '@fleet/tenant-data';
import type { CatalogDeps } from './domain/catalog-deps';
import { adminExportRoutes } from './http/admin-export.routes';
import { adminImportRoutes } from './http/admin-import.routes';
import { adminProductRoutes } from './http/admin-products.routes';
import { adminTaxonomyRoutes } from './http/admin-taxonomy.routes';
import { internalRoutes } from './http/internal.routes';
import { storeRoutes } from './http/store.routes';
import { tenantDataPolicy } from './tenant-data';

export interface CatalogAppDeps extends CatalogDeps {
  signingKey: string;
  readiness: Record<string, ReadinessCheck>;
}

/** JSON bodies: 1 MB, except a bulk request (500 products). */
const JSON_LIMIT = '1mb';
const BULK_JSON_LIMIT = '16mb';

/**
 * Builds catalog's HTTP app; no side effects (main.ts owns connections and the port). Bodies are
 * read only after the signed context is checked; the CSV import streams its body and is mounted
 * before any parser.
 */
export function createApp(deps: CatalogAppDeps): Express {
  return createHttpApp({
    logger: deps.logger,
    readiness: deps.readiness,
    bodyParser: false,
    routes(app) {
      app.use(requireSignedContext({ key: deps.signingKey, audience: 'catalog' }));
      app.use(tenantDataRoutes(deps.db, tenantDataPolicy));
      app.use(adminImportRoutes(deps));
      app.use('/api/admin/products/bulk', express.json({ limit: BULK_JSON_LIMIT }));
      app.use(express.json({ limit: JSON_LIMIT }));
      app.use(storeRoutes(deps));
      app.use(adminExportRoutes(deps));
      app.use(adminProductRoutes(deps));
      app.use(adminTaxonomyRoutes(deps));
      app.use(internalRoutes(deps));
    },
  });
}
