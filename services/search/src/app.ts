import type { Express } from 'express';
import { createHttpApp, type ReadinessCheck } from '@fleet/http';
import type { Db } from '@fleet/db';
import type { Logger } from '@fleet/logger';
import { requireSignedContext } from '@fleet/tenancy';
import { tenantDataRoutes } from '@fleet/tenant-data';
import type { SearchDeps } from './domain/search-deps';
import { internalRoutes } from './http/internal.routes';
import { platformRoutes } from './http/platform.routes';
import { searchRoutes } from './http/search.routes';
import { tenantDataPolicy } from './tenant-data';

export interface SearchAppDeps extends SearchDeps {
  /** The service's database, for the tenant-data endpoints (export and purge). */
  db: Db;
  logger: Logger;
  signingKey: string;
  readiness: Record<string, ReadinessCheck>;
}

/** Builds the search service's HTTP app; no side effects (main.ts owns connections and the port). */
export function createApp(deps: SearchAppDeps): Express {
  return createHttpApp({
    logger: deps.logger,
    readiness: deps.readiness,
    routes(app) {
      app.use(requireSignedContext({ key: deps.signingKey, audience: 'search' }));
      app.use(
        tenantDataRoutes(deps.db, {
          ...tenantDataPolicy,
          onPurge: (ctx) => deps.engine.clearTenant(ctx.tenantId),
        }),
      );
      app.use(searchRoutes(deps));
      app.use(internalRoutes(deps));
      app.use(platformRoutes(deps));
    },
  });
}
