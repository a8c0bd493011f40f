import express, { type Express } from 'express';
import helmet from 'helmet';
import { isTracing, serviceRegistry } from '@fleet/telemetry';
import { initAppState } from './app-state';
import { errorMiddleware } from './error.middleware';
import type { Logger } from '@fleet/logger';
import type { HttpAppOptions, ReadinessCheck } from './http-app.options';
import { createHttpMetrics } from './metrics';
import { notFoundMiddleware } from './not-found.middleware';
import { registerOpsRoutes } from './ops.routes';
import { requestContextMiddleware } from './request-context';
import { requestIdMiddleware } from './request-id.middleware';
import { requestObserverMiddleware } from './request-observer.middleware';
import { routePatternMiddleware } from './route-pattern';
import { traceMiddleware } from './trace.middleware';

const DEFAULT_BODY_LIMIT = '1mb';
const DEFAULT_READINESS_TIMEOUT_MS = 2000;

/**
 * Builds an express app with the platform's standard chain, in this order: the request's trace span,
 * request id, async context, metrics and access log, helmet, JSON body, `/healthz` `/readyz` `/metrics` (only
 * `/healthz` with `opsRoutes: 'healthz'`), the caller's routes, 404, and the one error handler.
 * No side effects: nothing listens yet.
 */
export function createHttpApp(options: HttpAppOptions): Express {
  const app = express();
  const metrics = createHttpMetrics(options.metrics);
  initAppState(app, metrics.registry, metrics.processRegistry, serviceRegistry(serviceOf(options)));

  app.disable('x-powered-by');
  app.set('trust proxy', options.trustProxy ?? false);

  // Tracing is started (startTelemetry) before a service builds its app; when it is off, the chain
  // has no tracing layer at all.
  if (isTracing())
    app.use(traceMiddleware({ service: serviceOf(options), continueTrace: options.continueTrace ?? true }));
  app.use(requestIdMiddleware());
  app.use(requestContextMiddleware());
  app.use(routePatternMiddleware());
  app.use(
    requestObserverMiddleware({
      metrics,
      extraLabels: options.metrics?.extraLabels ?? {},
      logger: options.logger,
      accessLog: options.accessLog ?? true,
    }),
  );
  if (options.helmet !== false) app.use(helmet({ contentSecurityPolicy: false, ...options.helmet }));
  if (options.bodyParser !== false) app.use(express.json({ limit: options.bodyLimit ?? DEFAULT_BODY_LIMIT }));

  registerOpsRoutes(app, {
    logger: options.logger,
    readiness: options.readiness ?? {},
    readinessTimeoutMs: options.readinessTimeoutMs ?? DEFAULT_READINESS_TIMEOUT_MS,
    only: options.opsRoutes === 'healthz' ? 'healthz' : undefined,
  });
  options.routes(app);

  app.use(notFoundMiddleware());
  app.use(errorMiddleware(options.logger));
  return app;
}

/** The app's service: named in its options, or else by its logger (`createLogger({ service })`). */
function serviceOf(options: HttpAppOptions): string {
  if (options.service) return options.service;
  const bound: unknown = options.logger.bindings().service;
  return typeof bound === 'string' ? bound : 'unknown';
}

export interface OpsAppOptions {
  logger: Logger;
  /** Checks of `/readyz`, as for createHttpApp. */
  readiness: Record<string, ReadinessCheck>;
  readinessTimeoutMs?: number;
}

/**
 * The operations endpoints of `source` (an app built by createHttpApp with `opsRoutes: 'healthz'`)
 * as an app of their own, for an internal listener: `/healthz`, `/readyz` (503 once `source` is
 * shutting down) and `/metrics` (`source`'s registry); every other path is a 404 problem.
 */
export function createOpsApp(source: Express, options: OpsAppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  registerOpsRoutes(app, {
    logger: options.logger,
    readiness: options.readiness,
    readinessTimeoutMs: options.readinessTimeoutMs ?? DEFAULT_READINESS_TIMEOUT_MS,
    source,
  });
  app.use(notFoundMiddleware());
  app.use(errorMiddleware(options.logger));
  return app;
}
