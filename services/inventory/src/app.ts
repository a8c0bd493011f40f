import type { Express } from 'express';
import { createHttpApp, type ReadinessCheck } from '@fleet/http';
import { requireSignedContext } from '@fleet/tenancy';
import { tenantDataRoutes } from '@fleet/tenant-data';
import type { InventoryDeps } from './domain/inventory-deps';
import { inventoryRoutes } from './http/inventory.routes';
import { reservationRoutes } from './http/reservations.routes';
import { tenantDataPolicy } from './tenant-data';

export interface InventoryAppDeps extends InventoryDeps {
  signingKey: string;
  readiness: Record<string, ReadinessCheck>;
}

/** Builds inventory's HTTP app; no side effects (main.ts owns connections, consumers and the port). */
export function createApp(deps: InventoryAppDeps): Express {
  return createHttpApp({
    logger: deps.logger,
    readiness: deps.readiness,
    routes(app) {
      app.use(requireSignedContext({ key: deps.signingKey, audience: 'inventory' }));
      app.use(tenantDataRoutes(deps.db, tenantDataPolicy));
      app.use(reservationRoutes(deps));
      app.use(inventoryRoutes(deps));
    },
  });
}
