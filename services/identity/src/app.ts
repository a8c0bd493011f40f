import type { Express } from 'express';
import { createHttpApp, type ReadinessCheck } from '@fleet/http';
import { requireSignedContext } from '@fleet/tenancy';
import { tenantDataRoutes } from '@fleet/tenant-data';
import type { IdentityDeps } from './domain/identity-deps';
import { accountTokenRoutes } from './http/account-tokens.routes';
import { authRoutes } from './http/auth.routes';
import { internalRoutes } from './http/internal.routes';
import { JWKS_PATH, jwksRoutes } from './http/jwks.routes';
import { profileRoutes } from './http/profile.routes';
import { sessionRoutes } from './http/session.routes';
import { staffRoutes } from './http/staff.routes';
import { tenantDataPolicy } from './tenant-data';

export interface IdentityAppDeps extends IdentityDeps {
  signingKey: string;
  readiness: Record<string, ReadinessCheck>;
}

/** Probes and the JWKS need no signed context; everything else comes through the gateway. */
const PUBLIC_PATHS: ReadonlySet<string> = new Set(['/healthz', '/readyz', '/metrics', JWKS_PATH]);

/** Builds identity's HTTP app; no side effects (main.ts owns connections and the port). */
export function createApp(deps: IdentityAppDeps): Express {
  return createHttpApp({
    logger: deps.logger,
    readiness: deps.readiness,
    routes(app) {
      app.use(
        requireSignedContext({ key: deps.signingKey, audience: 'identity', publicPaths: PUBLIC_PATHS }),
      );
      app.use(tenantDataRoutes(deps.db, tenantDataPolicy));
      app.use(jwksRoutes(deps));
      app.use(internalRoutes(deps));
      app.use(authRoutes(deps));
      app.use(accountTokenRoutes(deps));
      app.use(sessionRoutes(deps));
      app.use(profileRoutes(deps));
      app.use(staffRoutes(deps));
    },
  });
}
