import type { Express } from 'express';
import { createHttpApp, type ReadinessCheck } from '@fleet/http';
import type { Logger } from '@fleet/logger';
import { requireSignedContext } from '@fleet/tenancy';
import type { SearchDeps } from './domain/search-deps';
import { internalRoutes } from './http/internal.routes';
import { platformRoutes } from './http/platform.routes';
import { searchRoutes } from './http/search.routes';

export interface SearchAppDeps extends SearchDeps {
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
      app.use(searchRoutes(deps));
      app.use(internalRoutes(deps));
      app.use(platformRoutes(deps));
    },
  });
}
