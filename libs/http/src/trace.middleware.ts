import type { RequestHandler } from 'express';
import type { Ctx } from '@fleet/context';
import { endRequestSpan, isTracing, openSpan, SpanKind, withOpenSpan } from '@fleet/telemetry';
import { routePatternOf } from './route-pattern';

export interface TraceOptions {
  /** The service the spans belong to. */
  service: string;
  /**
   * Continue a caller's trace (`traceparent`). True between services; the gateway sets false, so
   * a public client cannot choose trace ids and every trace starts at the front door.
   */
  continueTrace: boolean;
}

/**
 * One SERVER span per request, the parent of whatever the request does (calls, queries' events),
 * named by method and route pattern once the route is known. Without tracing it only calls next.
 */
export function traceMiddleware(options: TraceOptions): RequestHandler {
  return (req, res, next) => {
    if (!isTracing()) return next();
    const carrier = options.continueTrace ? (req.headers as Record<string, unknown>) : {};
    const open = openSpan(
      options.service,
      req.method,
      SpanKind.SERVER,
      { 'http.request.method': req.method, 'url.path': req.path },
      carrier,
    );
    if (!open) return next();
    res.once('close', () => {
      const tenantId = (res.locals.ctx as Ctx | undefined)?.tenantId;
      endRequestSpan(open, {
        method: req.method,
        route: routePatternOf(req),
        statusCode: res.statusCode,
        tenantId,
      });
    });
    withOpenSpan(open, next);
  };
}
