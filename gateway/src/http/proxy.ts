import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Dispatcher } from 'undici';
import { AppError } from '@fleet/errors';
import { INTERNAL_HEADER_PREFIX } from '@fleet/tenancy';
import { injectTraceHeaders } from '@fleet/telemetry';
import { CircuitOpenError, isConnectionError, isTimeout, retryDelayMs } from '@fleet/http';
import { isIdempotent } from './retry-policy';
import { BrokenRelayError, HOP_BY_HOP, RelayHandler, type Exchange, type ResponseTap } from './relay-handler';
import { UpstreamServerError, type Upstream } from './upstream';

/** Set by the gateway from what it saw; inbound values are dropped, never trusted. */
const FORWARDED = new Set([
  'forwarded',
  'x-forwarded-for',
  'x-forwarded-host',
  'x-forwarded-proto',
  'x-real-ip',
  // The gateway starts every trace: a client's trace context is not continued.
  'traceparent',
  'tracestate',
]);

/** Inbound headers minus hop-by-hop ones, forwarding claims and anything claiming to be internal. */
export function forwardableHeaders(headers: IncomingHttpHeaders): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const name in headers) {
    const value = headers[name];
    if (value === undefined || HOP_BY_HOP.has(name) || FORWARDED.has(name)) continue;
    if (name.startsWith(INTERNAL_HEADER_PREFIX)) continue;
    out[name] = value;
  }
  return out;
}

/**
 * Sends the request to the upstream through its circuit breakers (the `bulkhead`'s, then the
 * upstream's: see bulkhead-breakers.ts) and streams the answer back,
 * buffering neither body. Idempotent reads (without a body) are retried after a connection error
 * or a 5xx; a 5xx that may be retried is kept back, so a retry always happens before any byte went
 * to the client. `extra` headers (the signed context, the request id) are added after the inbound
 * ones are cleaned. `tap` sees the answer that is relayed.
 */
export async function forward(
  upstream: Upstream,
  req: IncomingMessage,
  res: ServerResponse,
  extra: Record<string, string>,
  client: { ip: string; protocol: string },
  /** The tenant of the request (the door when there is none): its own circuit. */
  bulkhead: string,
  tap?: ResponseTap,
): Promise<void> {
  const headers = forwardableHeaders(req.headers);
  Object.assign(headers, extra);
  headers['x-forwarded-for'] = client.ip;
  headers['x-forwarded-host'] = req.headers.host ?? '';
  headers['x-forwarded-proto'] = client.protocol;
  injectTraceHeaders(headers);
  const withBody = hasBody(req.headers);
  const method = req.method ?? 'GET';
  const request: Dispatcher.DispatchOptions = {
    method: method as Dispatcher.HttpMethod,
    path: req.url ?? '/',
    headers,
    body: withBody ? req : null,
  };
  const attempts = isIdempotent(method) && !withBody ? 1 + upstream.retries : 1;
  for (let attempt = 1; ; attempt++) {
    const last = attempt >= attempts;
    try {
      await upstream.breakers.run(bulkhead, () => exchange(upstream, request, res, !last, tap));
      return;
    } catch (err) {
      if (err instanceof UpstreamServerError && err.relayed) return;
      if (err instanceof BrokenRelayError || res.destroyed) return;
      if (last || !(err instanceof UpstreamServerError || isConnectionError(err)))
        throw failure(upstream, err);
      await sleep(retryDelayMs(attempt));
    }
  }
}

/** One attempt; a 5xx answer is a failure for the circuit breaker, relayed or not. */
function exchange(
  upstream: Upstream,
  request: Dispatcher.DispatchOptions,
  res: ServerResponse,
  keepBackServerErrors: boolean,
  tap: ResponseTap | undefined,
): Promise<Exchange> {
  return new Promise<Exchange>((resolve, reject) => {
    upstream.pool.dispatch(
      request,
      new RelayHandler(res, keepBackServerErrors, upstream.timeoutMs, resolve, reject, tap),
    );
  }).then((outcome) => {
    if (outcome.status >= 500) throw new UpstreamServerError(outcome.status, outcome.relayed);
    return outcome;
  });
}

function hasBody(headers: IncomingHttpHeaders): boolean {
  if (headers['transfer-encoding'] !== undefined) return true;
  const length = headers['content-length'];
  return length !== undefined && length !== '0';
}

/** What the client gets when no answer came back. */
function failure(upstream: Upstream, err: unknown): AppError {
  if (err instanceof CircuitOpenError) {
    return new AppError('unavailable', `The ${upstream.name} service is unavailable; retry shortly.`, {
      code: 'upstream_unavailable',
      retryAfter: Math.max(1, Math.ceil(err.retryAfterMs / 1000)),
      cause: err,
    });
  }
  if (isTimeout(err)) {
    return new AppError('unavailable', `The ${upstream.name} service did not answer in time.`, {
      code: 'upstream_timeout',
      retryAfter: 1,
      cause: err,
    });
  }
  return new AppError('unavailable', `The ${upstream.name} service is not answering.`, {
    code: 'upstream_unavailable',
    retryAfter: 1,
    cause: err,
  });
}
