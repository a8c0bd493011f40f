import express, { type Express } from 'express';
import { createHttpApp, type ReadinessCheck } from '@fleet/http';
import { requireSignedContext } from '@fleet/tenancy';
import { tenantDataRoutes } from '@fleet/tenant-data';
import type { PaymentDeps } from './domain/payment-deps';
import { internalRoutes } from './http/internal.routes';
import { settingsRoutes } from './http/settings.routes';
import { storeRoutes } from './http/store.routes';
import { webhookRoutes } from './http/webhook.routes';
import { tenantDataPolicy } from './tenant-data';

export interface PaymentAppDeps extends PaymentDeps {
  /** INTERNAL_SIGNING_KEY: every request but the probes carries a context signed with it. */
  signingKey: string;
  readiness: Record<string, ReadinessCheck>;
}

const JSON_BODY_LIMIT = '1mb';

/**
 * Builds payment's HTTP app; no side effects (main.ts owns connections and the port). The shared
 * JSON parser is turned off: webhooks are verified over their raw bytes, so their route reads the
 * body itself and comes first; the JSON parser then serves every other route.
 */
export function createApp(deps: PaymentAppDeps): Express {
  return createHttpApp({
    logger: deps.logger,
    readiness: deps.readiness,
    bodyParser: false,
    routes(app) {
      app.use(requireSignedContext({ key: deps.signingKey, audience: 'payment' }));
      app.use(tenantDataRoutes(deps.db, tenantDataPolicy));
      app.use(webhookRoutes(deps));
      app.use(express.json({ limit: JSON_BODY_LIMIT }));
      app.use(internalRoutes(deps));
      app.use(storeRoutes(deps));
      app.use(settingsRoutes(deps));
    },
  });
}
