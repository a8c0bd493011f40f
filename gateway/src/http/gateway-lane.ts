import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { runWithContext } from '@fleet/context';
import { endRequestSpan, isTracing, openSpan, SpanKind, withOpenSpan, type OpenSpan } from '@fleet/telemetry';
import { AppError, isAppError } from '@fleet/errors';
import { isValidRequestId, REQUEST_ID_HEADER, UNMATCHED_ROUTE } from '@fleet/http';
import type { Logger } from '@fleet/logger';
import { handleGatewayRequest, type GatewayDeps, type GatewayExchange } from './gateway-request';
import { answerError } from './problems';
import { clientAddressOf, pathOf, protocolOf, type TrustProxy } from './request-info';
import { SECURITY_HEADERS } from './security-headers';

export interface LaneOptions {
  logger: Logger;
  trust: TrustProxy;
  /** Records one request in createHttpApp's `http_request_duration_seconds`. */
  observe(labels: Record<string, string>, seconds: number): void;
  /** The histogram's bounded tenant label (tenant-label.ts). */
  tenantLabel(tenantId: string | null | undefined): string;
}

/**
 * Served by express: the liveness probe (for load balancers) and the API document. `/readyz` and
 * `/metrics` are not served on the public port (they name tenants): here they are unknown routes.
 */
const OPS_PATHS: ReadonlySet<string> = new Set(['/healthz', '/api/docs']);

/** Handles a request itself, or hands it to express (`viaExpress`). */
export type Lane = (req: IncomingMessage, res: ServerResponse, viaExpress: () => void) => void;

/**
 * The gateway's request path, in front of express. Everything but the ops routes is handled here
 * on node's own request and response: the express chain (router, request/response prototypes,
 * per-request middleware) cost more CPU than the whole proxying, so the few things it gave the
 * gateway are done here the same way: the request id (inbound when well-formed, else a UUID,
 * echoed back), the request context for logs, helmet's headers, one access log line and one
 * observation of the request histogram per request, and problem+json for every failure.
 */
export function gatewayLane(deps: GatewayDeps, options: LaneOptions): Lane {
  return (req, res, viaExpress) => {
    const path = pathOf(req.url);
    if (OPS_PATHS.has(path) || path.startsWith('/api/docs/')) return viaExpress();
    const startedAt = process.hrtime.bigint();
    const inbound = req.headers[REQUEST_ID_HEADER];
    const requestId = isValidRequestId(inbound) ? inbound : randomUUID();
    res.setHeader(REQUEST_ID_HEADER, requestId);
    for (const [name, value] of SECURITY_HEADERS) res.setHeader(name, value);
    const ip = clientAddressOf(req, options.trust);
    const exchange: GatewayExchange = {
      req,
      res,
      path,
      client: { ip, protocol: protocolOf(req, options.trust) },
      ctx: { requestId, actor: { kind: 'anonymous' }, clientIp: ip },
    };
    // The root span of the request's trace, only while tracing is on (one branch otherwise).
    const span = isTracing()
      ? openSpan('gateway', req.method ?? 'GET', SpanKind.SERVER, { 'url.path': path })
      : undefined;
    res.once('close', () => finished(options, exchange, startedAt, span));
    const handle = () =>
      runWithContext(exchange.ctx, () =>
        handleGatewayRequest(deps, exchange).catch((err: unknown) => failed(options.logger, exchange, err)),
      );
    if (span) withOpenSpan(span, handle);
    else handle();
  };
}

/** The histogram and the access log, as createHttpApp's observer writes them. */
function finished(options: LaneOptions, x: GatewayExchange, startedAt: bigint, span?: OpenSpan): void {
  const seconds = Number(process.hrtime.bigint() - startedAt) / 1e9;
  const method = x.req.method ?? '';
  const route = x.routePrefix ?? UNMATCHED_ROUTE;
  const statusCode = x.res.statusCode;
  if (span) endRequestSpan(span, { method, route, statusCode, tenantId: x.ctx.tenantId });
  options.observe(
    {
      method,
      route,
      status_code: String(statusCode),
      tenant: options.tenantLabel(x.ctx.tenantId),
      prefix: x.routePrefix ?? 'none',
    },
    seconds,
  );
  const line = {
    method,
    route,
    statusCode,
    durationMs: Math.round(seconds * 1e6) / 1e3,
    ...(x.res.writableFinished ? {} : { aborted: true }),
  };
  runWithContext(x.ctx, () => options.logger.info(line, 'request finished'));
}

/** As createHttpApp's error handler: log by kind, answer a problem that leaks nothing. */
function failed(logger: Logger, x: GatewayExchange, err: unknown): void {
  const known = isAppError(err) ? err : undefined;
  const where = { method: x.req.method, path: x.path };
  if (!known) logger.error({ err, ...where }, 'unhandled error');
  else if (known.status >= 500) logger.warn({ err, ...where }, known.message);
  if (x.res.headersSent) return void x.res.destroy();
  answerError(x.res, x.path, known ?? new AppError('internal', 'An unexpected error occurred.'));
}
