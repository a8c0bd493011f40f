import type { Express } from 'express';
import { createHttpApp, type ReadinessCheck } from '@fleet/http';
import { requireSignedContext } from '@fleet/tenancy';
import type { CheckoutDeps } from './domain/checkout-deps';
import { checkoutRoutes } from './http/checkout.routes';

export interface CheckoutAppDeps extends CheckoutDeps {
  signingKey: string;
  readiness: Record<string, ReadinessCheck>;
}

/** Builds checkout's HTTP app; no side effects (main.ts owns connections and the port). */
export function createApp(deps: CheckoutAppDeps): Express {
  return createHttpApp({
    logger: deps.logger,
    readiness: deps.readiness,
    bodyLimit: '32kb',
    routes(app) {
      app.use(requireSignedContext({ key: deps.signingKey, audience: 'checkout' }));
      app.use(checkoutRoutes(deps));
    },
  });
}
