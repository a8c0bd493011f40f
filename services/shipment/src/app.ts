import type { Express } from 'express';
import { createHttpApp, type ReadinessCheck } from '@fleet/http';
import { requireSignedContext } from '@fleet/tenancy';
import { tenantDataRoutes } from '@fleet/tenant-data';
import type { ShipmentDeps } from './domain/shipment-deps';
import { adminRoutes } from './http/admin.routes';
import { internalRoutes } from './http/internal.routes';
import { tenantDataPolicy } from './tenant-data';

export interface ShipmentAppDeps extends ShipmentDeps {
  signingKey: string;
  readiness: Record<string, ReadinessCheck>;
}

/** Builds shipment's HTTP app; no side effects (start.ts owns connections, consumers and the port). */
export function createApp(deps: ShipmentAppDeps): Express {
  return createHttpApp({
    logger: deps.logger,
    readiness: deps.readiness,
    routes(app) {
      app.use(requireSignedContext({ key: deps.signingKey, audience: 'shipment' }));
      app.use(tenantDataRoutes(deps.db, tenantDataPolicy));
      app.use(internalRoutes(deps));
      app.use(adminRoutes(deps));
    },
  });
}
