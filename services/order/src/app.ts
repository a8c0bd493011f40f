import type { Express } from 'express';
import { createHttpApp, type ReadinessCheck } from '@fleet/http';
import { requireSignedContext } from '@fleet/tenancy';
import { tenantDataRoutes } from '@fleet/tenant-data';
import type { OrderDeps } from './domain/order-deps';
import { adminRoutes } from './http/admin.routes';
import { internalRoutes } from './http/internal.routes';
import { returnRoutes } from './http/returns.routes';
import { storeRoutes } from './http/store.routes';
import { tenantDataPolicy } from './tenant-data';

export interface OrderAppDeps extends OrderDeps {
  signingKey: string;
  readiness: Record<string, ReadinessCheck>;
}

/** Builds the order service's HTTP app; no side effects (main.ts owns connections and the port). */
export function createApp(deps: OrderAppDeps): Express {
  return createHttpApp({
    logger: deps.logger,
    readiness: deps.readiness,
    routes(app) {
      app.use(requireSignedContext({ key: deps.signingKey, audience: 'order' }));
      app.use(tenantDataRoutes(deps.db, tenantDataPolicy));
      app.use(internalRoutes(deps));
      app.use(returnRoutes(deps));
      app.use(storeRoutes(deps));
      app.use(adminRoutes(deps));
    },
  });
}
