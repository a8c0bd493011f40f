import type { TenantCtx } from '@fleet/context';
import {
  createServiceClient,
  type ServiceRequest,
  type ServiceResult,
  type UpstreamProblem,
} from '@fleet/http';

/** A problem document another service answered with (all its members are kept). */
export type RemoteProblem = UpstreamProblem;

/**
 * ok: 2xx. rejected: a 4xx that a retry would not change (the answer is final).
 * unavailable: no answer, a timeout, 5xx, 408 or 429 after the quick retries, or the callee's
 * circuit is open: try again later.
 */
export type RemoteResult<T> =
  | { ok: true; status: number; body: T }
  | { ok: false; kind: 'rejected'; status: number; problem: RemoteProblem }
  | { ok: false; kind: 'unavailable'; error: string; timedOut?: boolean };

export interface ServiceCallerOptions {
  /** Name of the callee, for errors and as the audience of the signed context (`inventory`). */
  service: string;
  baseUrl: string;
  signingKey: string;
  timeoutMs: number;
  /** Attempts per call (quick retries). Default 3. */
  attempts?: number;
}

export interface ServiceCaller {
  call<T>(
    ctx: TenantCtx,
    method: ServiceRequest['method'],
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<RemoteResult<T>>;
  close(): Promise<void>;
}

const RETRY_DELAYS_MS = [50, 200, 500];

/**
 * Calls another service's internal API as the order service (a service actor) in the caller's
 * tenant, through the shared service client. Every call order makes is idempotent at the callee
 * (keyed by the order, the reservation or the payment), so each may be retried quickly.
 */
export function createServiceCaller(options: ServiceCallerOptions): ServiceCaller {
  const client = createServiceClient({
    service: options.service,
    caller: 'order',
    baseUrl: options.baseUrl,
    signingKey: options.signingKey,
    timeoutMs: options.timeoutMs,
    retries: (options.attempts ?? 3) - 1,
    retryDelayMs: (attempt) => RETRY_DELAYS_MS[attempt - 1] ?? 500,
    connections: 64,
  });
  return {
    async call<T>(
      ctx: TenantCtx,
      method: ServiceRequest['method'],
      path: string,
      body?: unknown,
      headers?: Record<string, string>,
    ) {
      const result = await client.call<T>(ctx, { method, path, body, headers, idempotent: true });
      return remoteResult(result);
    },
    close: () => client.close(),
  };
}

function remoteResult<T>(result: ServiceResult<T>): RemoteResult<T> {
  if (result.ok) return { ok: true, status: result.status, body: result.body };
  if (result.kind === 'problem') {
    return { ok: false, kind: 'rejected', status: result.status, problem: result.problem };
  }
  return { ok: false, kind: 'unavailable', error: result.error, timedOut: result.reason === 'timeout' };
}
