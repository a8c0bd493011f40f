import type { Express } from 'express';
import { createHttpApp, type ReadinessCheck } from '@fleet/http';
import { requireSignedContext } from '@fleet/tenancy';
import { tenantDataRoutes } from '@fleet/tenant-data';
import type { EngagementDeps } from './domain/engagement-deps';
import { adminReviewRoutes } from './http/admin-reviews.routes';
import { recommendationRoutes } from './http/recommendations.routes';
import { reviewRoutes } from './http/reviews.routes';
import { wishlistRoutes } from './http/wishlist.routes';
import { tenantDataPolicy } from './tenant-data';

export interface EngagementAppDeps extends EngagementDeps {
  signingKey: string;
  readiness: Record<string, ReadinessCheck>;
}

/** Builds engagement's HTTP app; no side effects (start.ts owns connections, consumers and the port). */
export function createApp(deps: EngagementAppDeps): Express {
  return createHttpApp({
    logger: deps.logger,
    readiness: deps.readiness,
    routes(app) {
      app.use(requireSignedContext({ key: deps.signingKey, audience: 'engagement' }));
      app.use(tenantDataRoutes(deps.db, tenantDataPolicy));
      app.use(wishlistRoutes(deps));
      app.use(reviewRoutes(deps));
      app.use(recommendationRoutes(deps));
      app.use(adminReviewRoutes(deps));
    },
  });
}
