import type { Express } from 'express';
import { createHttpApp, type ReadinessCheck } from '@fleet/http';
import type { Logger } from '@fleet/logger';
import { requireSignedContext } from '@fleet/tenancy';
import type { RegistryDeps } from './domain/registry-deps';
import { domainRoutes } from './http/domains.routes';
import { internalRoutes } from './http/internal.routes';
import { platformRoutes } from './http/platform.routes';
import { ratesRoutes } from './http/rates.routes';
import { settingsRoutes } from './http/settings.routes';
import { signUpRoutes } from './http/signup.routes';
import { storeRoutes } from './http/store.routes';

export interface RegistryAppDeps extends RegistryDeps {
  logger: Logger;
  signingKey: string;
  readiness: Record<string, ReadinessCheck>;
}

/** Builds the registry's HTTP app; no side effects (main.ts owns connections and the port). */
export function createApp(deps: RegistryAppDeps): Express {
  return createHttpApp({
    logger: deps.logger,
    readiness: deps.readiness,
    routes(app) {
      app.use(requireSignedContext({ key: deps.signingKey, audience: 'tenancy' }));
      app.use(internalRoutes(deps));
      app.use(signUpRoutes(deps));
      app.use(platformRoutes(deps));
      app.use(storeRoutes(deps));
      app.use(settingsRoutes(deps));
      app.use(ratesRoutes(deps));
      app.use(domainRoutes(deps));
    },
  });
}
