import type { Express } from 'express';
import { createHttpApp, type ReadinessCheck } from '@fleet/http';
import { requireSignedContext } from '@fleet/tenancy';
import { tenantDataRoutes } from '@fleet/tenant-data';
import type { NotificationDeps } from './domain/notification-deps';
import { notificationRoutes } from './http/notifications.routes';
import { tenantDataPolicy } from './tenant-data';

export interface NotificationAppDeps extends NotificationDeps {
  signingKey: string;
  readiness: Record<string, ReadinessCheck>;
}

/** Builds notification's HTTP app; no side effects (start.ts owns connections, consumers and the port). */
export function createApp(deps: NotificationAppDeps): Express {
  return createHttpApp({
    logger: deps.logger,
    readiness: deps.readiness,
    routes(app) {
      app.use(requireSignedContext({ key: deps.signingKey, audience: 'notification' }));
      app.use(tenantDataRoutes(deps.db, tenantDataPolicy));
      app.use(notificationRoutes(deps));
    },
  });
}
