import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { pipeline } from 'node:stream/promises';
import type { Request, Response } from 'express';
import type { Dispatcher } from 'undici';
import { AppError } from '@fleet/errors';
import { INTERNAL_HEADER_PREFIX } from '@fleet/tenancy';
import { CircuitOpenError } from './circuit-breaker';
import { isConnectionError, isIdempotent, isTimeout, retryDelayMs } from './retry-policy';
import { UpstreamServerError, UpstreamTimeoutError, type Upstream } from './upstream';

const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'host',
]);

/** Set by the gateway from what it saw; inbound values are dropped, never trusted. */
const FORWARDED = new Set(['forwarded', 'x-forwarded-for', 'x-forwarded-host', 'x-forwarded-proto', 'x-real-ip']);

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
 * Sends the request to the upstream through its circuit breaker and streams the answer back,
 * buffering neither body. Idempotent reads are retried after a connection error or a 5xx, which
 * is always before any byte went to the client (the answer is only relayed once it is final).
 * `extra` headers (the signed context, the request id) are added after the inbound ones are cleaned.
 */
export async function forward(
  upstream: Upstream,
  req: Request,
  res: Response,
  extra: Record<string, string>,
): Promise<void> {
  const headers = {
    ...forwardableHeaders(req.headers),
    ...extra,
    'x-forwarded-for': req.ip ?? '',
    'x-forwarded-host': req.headers.host ?? '',
    'x-forwarded-proto': req.protocol,
  };
  const request: Dispatcher.RequestOptions = {
    method: req.method as Dispatcher.HttpMethod,
    path: req.originalUrl,
    headers,
    body: hasBody(req.headers) ? req : null,
  };
  const attempts = isIdempotent(req.method) ? 1 + upstream.retries : 1;
  for (let attempt = 1; ; attempt++) {
    try {
      return await relay(await upstream.breaker.run(() => send(upstream, request)), res);
    } catch (err) {
      const last = attempt >= attempts || res.destroyed;
      if (err instanceof UpstreamServerError && last) return relay(err.answer, res);
      if (last || !(err instanceof UpstreamServerError || isConnectionError(err))) throw failure(upstream, err);
      if (err instanceof UpstreamServerError) await err.answer.body.dump();
      await sleep(retryDelayMs(attempt));
    }
  }
}

/**
 * One attempt. undici's own headers timeout ticks on a coarse (500 ms) clock, so the deadline for
 * the response headers is kept here precisely; undici's timeouts stay as the backstop and bound
 * the gaps between body chunks.
 */
async function send(upstream: Upstream, request: Dispatcher.RequestOptions): Promise<Dispatcher.ResponseData> {
  const abort = new AbortController();
  const deadline = setTimeout(() => abort.abort(new UpstreamTimeoutError(upstream.timeoutMs)), upstream.timeoutMs);
  let answer: Dispatcher.ResponseData;
  try {
    answer = await upstream.pool.request({ ...request, signal: abort.signal });
  } finally {
    clearTimeout(deadline);
  }
  if (answer.statusCode >= 500) throw new UpstreamServerError(answer);
  return answer;
}

async function relay(answer: Dispatcher.ResponseData, res: Response): Promise<void> {
  res.statusCode = answer.statusCode;
  const headers: OutgoingHttpHeaders = answer.headers;
  for (const name in headers) {
    const value = headers[name];
    if (value !== undefined && !HOP_BY_HOP.has(name)) res.setHeader(name, value);
  }
  try {
    await pipeline(answer.body, res);
  } catch {
    // The client went away, or the upstream broke off mid-body (then the client sees a cut
    // connection, which is the truth). Either way both streams are closed by now.
  }
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
