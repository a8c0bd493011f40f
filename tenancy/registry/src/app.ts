import type { Express, RequestHandler } from 'express';
import { createHttpApp, type ReadinessCheck } from '@fleet/http';
import type { Logger } from '@fleet/logger';
import { requireSignedContext } from '@fleet/tenancy';
import { tenantDataRoutes } from '@fleet/tenant-data';
import type { JobDashboardPasses } from './data-access/job-dashboard-passes';
import type { DeadLetterDeps } from './domain/dead-letter-sources';
import type { RegistryDeps } from './domain/registry-deps';
import { deadLetterRoutes } from './http/dead-letters.routes';
import { domainRoutes } from './http/domains.routes';
import { internalRoutes } from './http/internal.routes';
import { jobDashboardRoutes } from './http/job-dashboard.routes';
import { lifecycleRoutes } from './http/lifecycle.routes';
import { platformRoutes } from './http/platform.routes';
import { ratesRoutes } from './http/rates.routes';
import { settingsRoutes } from './http/settings.routes';
import { signUpRoutes } from './http/signup.routes';
import { storeRoutes } from './http/store.routes';
import { tenantDataPolicy } from './tenant-data';

export interface RegistryAppDeps extends RegistryDeps {
  logger: Logger;
  signingKey: string;
  readiness: Record<string, ReadinessCheck>;
  /** The platform's dead letters (RabbitMQ), for the console. */
  deadLetters?: DeadLetterDeps;
  /** The job dashboard at `/queues` (bull-board) and its passes. */
  jobDashboard?: { passes: JobDashboardPasses; dashboard: RequestHandler };
}

/** Builds the registry's HTTP app; no side effects (main.ts owns connections and the port). */
export function createApp(deps: RegistryAppDeps): Express {
  return createHttpApp({
    logger: deps.logger,
    readiness: deps.readiness,
    routes(app) {
      app.use(requireSignedContext({ key: deps.signingKey, audience: 'tenancy' }));
      app.use(tenantDataRoutes(deps.db, tenantDataPolicy));
      app.use(internalRoutes(deps));
      app.use(signUpRoutes(deps));
      app.use(lifecycleRoutes(deps));
      app.use(platformRoutes(deps));
      app.use(deadLetterRoutes(deps));
      if (deps.jobDashboard) app.use(jobDashboardRoutes(deps.jobDashboard));
      app.use(storeRoutes(deps));
      app.use(settingsRoutes(deps));
      app.use(ratesRoutes(deps));
      app.use(domainRoutes(deps));
    },
  });
}
