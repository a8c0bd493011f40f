import type { Express } from 'express';
import { createHttpApp, type ReadinessCheck } from '@fleet/http';
import type { Logger } from '@fleet/logger';
import { gatewayHandler, type GatewayDeps } from './http/gateway.handler';

export interface GatewayAppDeps extends GatewayDeps {
  logger: Logger;
  readiness: Record<string, ReadinessCheck>;
}

/** The only public entry point; bodies are streamed to upstreams, never parsed here. */
export function createApp(deps: GatewayAppDeps): Express {
  return createHttpApp({
    logger: deps.logger,
    readiness: deps.readiness,
    bodyParser: false,
    metrics: {
      extraLabels: {
        tenant: (_req, res) => (res.locals.ctx as { tenantId?: string } | undefined)?.tenantId ?? 'none',
      },
    },
    routes(app) {
      app.use(gatewayHandler(deps));
    },
  });
}
