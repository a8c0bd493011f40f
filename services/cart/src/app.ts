import type { Express } from 'express';
import { createHttpApp, type ReadinessCheck } from '@fleet/http';
import type { Logger } from '@fleet/logger';
import { requireSignedContext } from '@fleet/tenancy';
import type { CartDeps } from './domain/cart-deps';
import { internalCartRoutes } from './http/internal-carts.routes';
import { storeCartRoutes } from './http/store-carts.routes';

export interface CartAppDeps extends CartDeps {
  logger: Logger;
  signingKey: string;
  readiness: Record<string, ReadinessCheck>;
}

/** Builds the cart service's HTTP app; no side effects (main.ts owns connections and the port). */
export function createApp(deps: CartAppDeps): Express {
  return createHttpApp({
    logger: deps.logger,
    readiness: deps.readiness,
    bodyLimit: '16kb',
    routes(app) {
      app.use(requireSignedContext({ key: deps.signingKey, audience: 'cart' }));
      app.use(storeCartRoutes(deps));
      app.use(internalCartRoutes(deps));
    },
  });
}
