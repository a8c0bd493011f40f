import type { Request, RequestHandler, Response } from 'express';
import type { Logger } from '@fleet/logger';
import { runWithContext } from '@fleet/context';
import type { MetricLabelFn } from './http-app.options';
import type { HttpMetrics } from './metrics';
import { getRequestContext } from './request-context';
import { routePatternOf } from './route-pattern';

export interface RequestObserverOptions {
  metrics: HttpMetrics;
  extraLabels: Record<string, MetricLabelFn>;
  logger: Logger;
  accessLog: boolean;
}

function labelsOf(req: Request, res: Response, extra: Record<string, MetricLabelFn>): Record<string, string> {
  const labels: Record<string, string> = {
    method: req.method,
    route: routePatternOf(req),
    status_code: String(res.statusCode),
  };
  for (const [name, fn] of Object.entries(extra)) labels[name] = fn(req, res) ?? '';
  return labels;
}

/** Probe and scrape endpoints log at debug so they do not drown the access log. */
const QUIET_ROUTES = new Set(['/healthz', '/readyz', '/metrics']);

/**
 * Times every request into the histogram and writes one access log line when it ends
 * ('close' also fires when the client went away before the response was complete).
 */
export function requestObserverMiddleware(options: RequestObserverOptions): RequestHandler {
  return (req, res, next) => {
    const startedAt = process.hrtime.bigint();
    res.once('close', () => {
      const seconds = Number(process.hrtime.bigint() - startedAt) / 1e9;
      const labels = labelsOf(req, res, options.extraLabels);
      options.metrics.requestDuration.observe(labels, seconds);
      if (!options.accessLog) return;
      const level = QUIET_ROUTES.has(labels.route ?? '') ? 'debug' : 'info';
      const line = {
        method: req.method,
        route: labels.route,
        statusCode: res.statusCode,
        durationMs: Math.round(seconds * 1e6) / 1e3,
        ...(res.writableFinished ? {} : { aborted: true }),
      };
      // 'close' fires outside the request's async context: re-enter the latest one for the log.
      runWithContext(getRequestContext(req), () => options.logger[level](line, 'request finished'));
    });
    next();
  };
}
