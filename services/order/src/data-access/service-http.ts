import { setTimeout as sleep } from 'node:timers/promises';
import { Agent, request, type Dispatcher } from 'undici';
import type { TenantCtx } from '@fleet/context';
import { CONTEXT_HEADER, signContext } from '@fleet/tenancy';

/** A problem document another service answered with (all its members are kept). */
export interface RemoteProblem {
  code: string;
  detail: string;
  [member: string]: unknown;
}

/**
 * ok: 2xx. rejected: a 4xx that a retry would not change (the answer is final).
 * unavailable: no answer, a timeout, 5xx, 408 or 429 after the quick retries: try again later.
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
  /** Attempts per call (quick retries of idempotent calls). Default 3. */
  attempts?: number;
}

export interface ServiceCaller {
  call<T>(
    ctx: TenantCtx,
    method: Dispatcher.HttpMethod,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<RemoteResult<T>>;
  close(): Promise<void>;
}

const RETRY_DELAYS_MS = [50, 200, 500];

/**
 * Calls another service's internal API as the order service (a service actor) in the caller's
 * tenant, over a keep-alive pool, with a timeout per attempt. Only idempotent calls go through it.
 */
export function createServiceCaller(options: ServiceCallerOptions): ServiceCaller {
  const agent = new Agent({ connections: 64, connect: { timeout: options.timeoutMs } });
  const attempts = options.attempts ?? 3;

  async function once<T>(
    ctx: TenantCtx,
    method: Dispatcher.HttpMethod,
    path: string,
    body: unknown,
    headers: Record<string, string>,
  ): Promise<RemoteResult<T>> {
    const url = new URL(path, options.baseUrl);
    const signed = signContext(
      {
        requestId: ctx.requestId,
        tenantId: ctx.tenantId,
        correlationId: ctx.correlationId ?? ctx.requestId,
        actor: { kind: 'service', id: 'order' },
      },
      options.signingKey,
      { audience: options.service, method, path: url.pathname },
    );
    try {
      const res = await request(url, {
        method,
        dispatcher: agent,
        headers: { [CONTEXT_HEADER]: signed, 'content-type': 'application/json', ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
        headersTimeout: options.timeoutMs,
        bodyTimeout: options.timeoutMs,
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      const text = await res.body.text();
      return classify<T>(options.service, res.statusCode, text);
    } catch (err) {
      const error = err as Error & { code?: string };
      const timedOut = error.name === 'TimeoutError' || error.code === 'UND_ERR_HEADERS_TIMEOUT';
      return { ok: false, kind: 'unavailable', error: `${options.service}: ${error.message}`, timedOut };
    }
  }

  return {
    // Quick retries are for fast failures (refused, reset, 5xx); a timeout already took long.
    async call(ctx, method, path, body, headers = {}) {
      let result = await once<never>(ctx, method, path, body, headers);
      for (let i = 1; i < attempts && !result.ok && result.kind === 'unavailable' && !result.timedOut; i++) {
        await sleep(RETRY_DELAYS_MS[i - 1] ?? 500);
        result = await once(ctx, method, path, body, headers);
      }
      return result;
    },
    close: () => agent.close(),
  };
}

function classify<T>(service: string, status: number, text: string): RemoteResult<T> {
  const parsed = parseJson(text);
  if (status >= 200 && status < 300) return { ok: true, status, body: (parsed ?? {}) as T };
  if (status >= 500 || status === 408 || status === 429) {
    return { ok: false, kind: 'unavailable', error: `${service} answered ${status}` };
  }
  const problem = (parsed && typeof parsed === 'object' ? parsed : {}) as Record<string, unknown>;
  return {
    ok: false,
    kind: 'rejected',
    status,
    problem: {
      ...problem,
      code: typeof problem.code === 'string' ? problem.code : `http_${status}`,
      detail: typeof problem.detail === 'string' ? problem.detail : `${service} answered ${status}`,
    },
  };
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
