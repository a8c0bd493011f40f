import { setTimeout as sleep } from 'node:timers/promises';
import { Pool, type Dispatcher } from 'undici';
import { CONTEXT_HEADER, contextTarget, signContext, type Actor, type Ctx } from '@fleet/context';
import {
  endSpan,
  injectTraceHeaders,
  isTracing,
  openSpan,
  SpanKind,
  TENANT_ATTRIBUTE,
} from '@fleet/telemetry';
import { trackBreaker } from './breaker-metrics';
import { CircuitOpenError, createBreaker, type BreakerOptions, type CircuitState } from './circuit-breaker';
import { isTimeout, retryDelayMs } from './failure-kinds';
import type { ServiceResult, ServiceUnavailable } from './service-result';
import { resultOf, retryAfterOf } from './upstream-answer';

export interface ServiceClientOptions {
  /** The callee's name: the audience of the signed context (`inventory`), and named in errors. */
  service: string;
  /** The calling service's name: the signed context's actor (`{ kind: 'service', id: caller }`). */
  caller: string;
  /** Where the callee is reached; a function when it is known late (a test's port). */
  baseUrl: string | (() => string);
  /** INTERNAL_SIGNING_KEY. */
  signingKey: string;
  /** Longest wait for the whole answer, per attempt. Default 5 s. */
  timeoutMs?: number;
  /** Retries of an idempotent call after a connection error, 5xx, 408 or 429 (0-4). Default 2. */
  retries?: number;
  /** Pause before retry `attempt` (1, 2...). Default 20-40 ms, then 40-60 ms (the gateway's). */
  retryDelayMs?: (attempt: number) => number;
  /** Keep-alive connections to the callee. Default 32. */
  connections?: number;
  /** The callee's circuit breaker; it counts connection errors, timeouts and 5xx, never a 4xx. */
  breaker?: Partial<BreakerOptions>;
  /** Told when the callee's circuit opens, turns half-open or closes (for logs). */
  onCircuitChange?(service: string, state: CircuitState): void;
}

export interface ServiceRequest {
  method: Dispatcher.HttpMethod;
  /** Path and query, after the base URL's path (`/internal/reservations/res_1`). */
  path: string;
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as it is instead of `body` (a provider's webhook, byte for byte). */
  rawBody?: string;
  headers?: Record<string, string>;
  /**
   * The callee applies this call at most once whatever the repeats (it is keyed by a business id,
   * such as a reservation by its order). Default: GET, HEAD, PUT, DELETE, or an Idempotency-Key.
   */
  idempotent?: boolean;
  /** Signs the context for this actor instead of the calling service. */
  actor?: Actor;
}

export interface ServiceClient {
  /** Calls the callee in the context's tenant; upstream failures come back as results, never thrown. */
  call<T>(ctx: Ctx, request: ServiceRequest): Promise<ServiceResult<T>>;
  /** The callee's circuit. */
  circuit(): CircuitState;
  close(): Promise<void>;
}

const clientAttributes = (ctx: Ctx, service: string): Record<string, string> =>
  ctx.tenantId ? { 'peer.service': service, [TENANT_ATTRIBUTE]: ctx.tenantId } : { 'peer.service': service };

const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'PUT', 'DELETE']);

const isIdempotentCall = (request: ServiceRequest): boolean =>
  request.idempotent ??
  (IDEMPOTENT_METHODS.has(request.method) ||
    Object.keys(request.headers ?? {}).some((name) => name.toLowerCase() === 'idempotency-key'));

/** A failure the breaker counts (no answer, a timeout, a 5xx), carried through it as a rejection. */
class UpstreamFailure extends Error {
  constructor(readonly result: ServiceUnavailable) {
    super(result.error);
  }
}

/**
 * The one client for calls between services: signs the context for the callee, the method and
 * the path; sends and parses JSON over a keep-alive pool; retries idempotent calls after quick
 * failures (not after a timeout: that already took long); and guards the callee with a circuit
 * breaker, so a sick callee is answered for at once with `unavailable` instead of being waited on.
 */
export function createServiceClient(options: ServiceClientOptions): ServiceClient {
  const { service, caller, signingKey } = options;
  const timeoutMs = options.timeoutMs ?? 5_000;
  const retries = Math.min(4, Math.max(0, options.retries ?? 2));
  const delayOf = options.retryDelayMs ?? ((attempt: number) => retryDelayMs(attempt));
  const baseUrl = typeof options.baseUrl === 'string' ? () => options.baseUrl as string : options.baseUrl;
  const pools = new Map<string, Pool>();
  const breaker = createBreaker(`service:${service}`, options.breaker, {
    onStateChange: (state) => options.onCircuitChange?.(service, state),
  });
  const untrack = trackBreaker({ service: caller, upstream: service, state: () => breaker.state() });

  function poolFor(origin: string): Pool {
    let pool = pools.get(origin);
    if (!pool) {
      pool = new Pool(origin, {
        connections: options.connections ?? 32,
        keepAliveTimeout: 30_000,
        connectTimeout: Math.min(timeoutMs, 2_000),
      });
      pools.set(origin, pool);
    }
    return pool;
  }

  async function exchange<T>(ctx: Ctx, request: ServiceRequest): Promise<ServiceResult<T>> {
    const base = new URL(baseUrl());
    const path = `${base.pathname.replace(/\/$/, '')}${request.path}`;
    const context: Ctx = {
      requestId: ctx.requestId,
      tenantId: ctx.tenantId,
      correlationId: ctx.correlationId ?? ctx.requestId,
      actor: request.actor ?? { kind: 'service', id: caller },
    };
    const target = contextTarget(service, request.method, path);
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      ...request.headers,
      [CONTEXT_HEADER]: signContext(context, signingKey, target),
    };
    const span = isTracing()
      ? openSpan(caller, `${request.method} ${service}`, SpanKind.CLIENT, clientAttributes(ctx, service))
      : undefined;
    injectTraceHeaders(headers, span);
    let status: number;
    let text: string;
    let retryAfter: number | undefined;
    try {
      const res = await poolFor(base.origin).request({
        path,
        method: request.method,
        headers,
        body: request.rawBody ?? (request.body === undefined ? undefined : JSON.stringify(request.body)),
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
        signal: AbortSignal.timeout(timeoutMs),
      });
      status = res.statusCode;
      retryAfter = retryAfterOf(res.headers['retry-after']);
      text = await res.body.text();
    } catch (err) {
      const timedOut = isTimeout(err);
      const error = `${service}: ${(err as Error).message}`;
      endSpan(span, err);
      throw new UpstreamFailure({
        ok: false,
        kind: 'unavailable',
        reason: timedOut ? 'timeout' : 'connection',
        error,
      });
    }
    span?.span.setAttribute('http.response.status_code', status);
    endSpan(span, status >= 500 ? new Error(`status ${status}`) : undefined);
    const result = resultOf<T>(service, status, text, retryAfter);
    if (!result.ok && result.kind === 'unavailable' && status >= 500) throw new UpstreamFailure(result);
    return result;
  }

  async function once<T>(ctx: Ctx, request: ServiceRequest): Promise<ServiceResult<T>> {
    try {
      return await breaker.run(() => exchange<T>(ctx, request));
    } catch (err) {
      if (err instanceof UpstreamFailure) return err.result;
      if (err instanceof CircuitOpenError) {
        const retryAfter = Math.max(1, Math.ceil(err.retryAfterMs / 1000));
        const error = `${service}: the circuit is open`;
        return { ok: false, kind: 'unavailable', reason: 'circuit_open', error, retryAfter };
      }
      throw err;
    }
  }

  return {
    async call<T>(ctx: Ctx, request: ServiceRequest): Promise<ServiceResult<T>> {
      const attempts = isIdempotentCall(request) ? 1 + retries : 1;
      for (let attempt = 1; ; attempt++) {
        const result = await once<T>(ctx, request);
        if (result.ok || result.kind === 'problem' || attempt >= attempts) return result;
        if (result.reason === 'timeout' || result.reason === 'circuit_open') return result;
        await sleep(delayOf(attempt));
      }
    },
    circuit: () => breaker.state(),
    async close() {
      untrack();
      breaker.shutdown();
      await Promise.all([...pools.values()].map((pool) => pool.close()));
    },
  };
}
