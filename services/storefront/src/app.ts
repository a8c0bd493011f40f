import type { Express } from 'express';
import type { Db } from '@fleet/db';
import { createHttpApp, notFoundMiddleware, type ReadinessCheck } from '@fleet/http';
import { requireSignedContext } from '@fleet/tenancy';
import { tenantDataRoutes } from '@fleet/tenant-data';
import type { StorefrontDeps } from './domain/storefront-deps';
import { pageRoutes } from './http/pages.routes';
import { staticRoutes } from './http/static.routes';
import { themeAdminRoutes } from './http/theme-admin.routes';
import { tenantDataPolicy } from './tenant-data';

export interface StorefrontAppDeps extends StorefrontDeps {
  /** The service's database (theme overrides), for the tenant-data endpoints. */
  db: Db;
  signingKey: string;
  readiness: Record<string, ReadinessCheck>;
}

/**
 * The storefront: every non-API path of store hosts and the apex, behind the gateway (signed
 * context required). Static assets first, then the theme admin API (any other `/api` path is a
 * problem+json 404), then the pages.
 */
export function createApp(deps: StorefrontAppDeps): Express {
  return createHttpApp({
    logger: deps.logger,
    readiness: deps.readiness,
    helmet: { crossOriginResourcePolicy: { policy: 'same-origin' } },
    routes(app) {
      app.use(requireSignedContext({ key: deps.signingKey, audience: 'storefront' }));
      app.use(tenantDataRoutes(deps.db, tenantDataPolicy));
      app.use(staticRoutes(deps));
      app.use(themeAdminRoutes(deps));
      // An API path the theme admin does not serve is an API miss (problem+json), never a page.
      app.use('/api', notFoundMiddleware());
      app.use(pageRoutes(deps));
    },
  });
}
