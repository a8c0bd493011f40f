import type { Express, Request, Response } from 'express';
import { createHttpApp, type HttpAppOptions, type ReadinessCheck } from '@fleet/http';
import type { Logger } from '@fleet/logger';
import { gatewayHandler, type GatewayDeps } from './http/gateway.handler';

export interface GatewayAppDeps extends GatewayDeps {
  logger: Logger;
  readiness: Record<string, ReadinessCheck>;
  /** Express `trust proxy` (TRUST_PROXY): which hops may name the client IP. */
  trustProxy?: HttpAppOptions['trustProxy'];
}

const tenantLabel = (_req: Request, res: Response) =>
  (res.locals.ctx as { tenantId?: string } | undefined)?.tenantId ?? 'none';

/** The route rule's prefix, never the raw path: a bounded label. */
const prefixLabel = (_req: Request, res: Response) => (res.locals.routePrefix as string | undefined) ?? 'none';

/**
 * The only public entry point; bodies are streamed to upstreams, never parsed here. Request
 * metrics carry the tenant and the route prefix on top of method, route pattern and status.
 */
export function createApp(deps: GatewayAppDeps): Express {
  return createHttpApp({
    logger: deps.logger,
    readiness: deps.readiness,
    trustProxy: deps.trustProxy,
    bodyParser: false,
    metrics: { extraLabels: { tenant: tenantLabel, prefix: prefixLabel } },
    routes(app) {
      app.use(gatewayHandler(deps));
    },
  });
}
