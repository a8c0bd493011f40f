import type { Express, NextFunction, Request, Response } from 'express';
import { createHttpApp, getMetricsRegistry, type HttpAppOptions, type ReadinessCheck } from '@fleet/http';
import type { Logger } from '@fleet/logger';
import { gatewayLane } from './http/gateway-lane';
import { registerApiDocs } from './http/api-docs';
import type { GatewayDeps } from './http/gateway-request';
import type { TrustProxy } from './http/request-info';
import { boundedTenantLabel, TENANT_LABEL_LIMIT } from './http/tenant-label';

export interface GatewayAppDeps extends GatewayDeps {
  logger: Logger;
  readiness: Record<string, ReadinessCheck>;
  /** Express `trust proxy` (TRUST_PROXY): which hops may name the client IP. */
  trustProxy?: HttpAppOptions['trustProxy'];
}

interface Observer {
  observe(labels: Record<string, string>, seconds: number): void;
}

interface Handling {
  handle(req: Request, res: Response, next: NextFunction): void;
}

/**
 * The only public entry point. createHttpApp provides what every service has (the liveness probe,
 * the request histogram with `tenant` and `prefix` labels; `/readyz` and `/metrics` are on the
 * internal ops app, see bootstrap.ts);
 * every other request takes the gateway's lane in front of express (see http/gateway-lane.ts).
 * Bodies are streamed to upstreams, never parsed here.
 */
export function createApp(deps: GatewayAppDeps): Express {
  const none = () => 'none';
  const app = createHttpApp({
    logger: deps.logger,
    readiness: deps.readiness,
    trustProxy: deps.trustProxy,
    bodyParser: false,
    continueTrace: false,
    // `/readyz` and `/metrics` (tenant ids, traffic) are served on the ops listener only (createOpsApp).
    opsRoutes: 'healthz',
    metrics: { extraLabels: { tenant: none, prefix: none } },
    routes: registerApiDocs,
  });
  const histogram = getMetricsRegistry(app).getSingleMetric(
    'http_request_duration_seconds',
  ) as unknown as Observer;
  const lane = gatewayLane(deps, {
    logger: deps.logger,
    trust: app.get('trust proxy fn') as TrustProxy,
    observe: (labels, seconds) => histogram.observe(labels, seconds),
    tenantLabel: boundedTenantLabel(TENANT_LABEL_LIMIT),
  });
  // express() is `(req, res, next) => app.handle(req, res, next)`: the lane goes in front.
  const viaExpress = (app as unknown as Handling).handle.bind(app);
  (app as unknown as Handling).handle = (req, res, next) => lane(req, res, () => viaExpress(req, res, next));
  return app;
}
