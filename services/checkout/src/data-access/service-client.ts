import type { TenantCtx } from '@fleet/context';
import { AppError } from '@fleet/errors';
import { createServiceClient as createSharedClient } from '@fleet/http';

/** Another service's answer: status, parsed JSON body (or {}), and Retry-After seconds if sent. */
export interface ServiceAnswer {
  status: number;
  body: Record<string, unknown>;
  retryAfter?: number;
}

export interface ServiceClient {
  call(ctx: TenantCtx, method: 'GET' | 'POST', path: string, body?: unknown): Promise<ServiceAnswer>;
  close(): Promise<void>;
}

export interface ServiceClientOptions {
  /** The callee's name, for error codes (`order` -> `order_unavailable`) and the context's audience. */
  service: string;
  baseUrl: string;
  signingKey: string;
  timeoutMs: number;
  connections?: number;
}

/**
 * Calls another service's internal API as checkout (a service actor) in the shopper's tenant,
 * through the shared service client. Every answer is passed on with its status (the callers
 * decide); no answer, a timeout or an open circuit is a 503 `<service>_unavailable`.
 */
export function createServiceClient(options: ServiceClientOptions): ServiceClient {
  const client = createSharedClient({
    service: options.service,
    caller: 'checkout',
    baseUrl: options.baseUrl,
    signingKey: options.signingKey,
    timeoutMs: options.timeoutMs,
    connections: options.connections ?? 16,
  });
  return {
    async call(ctx, method, path, body) {
      const result = await client.call<Record<string, unknown>>(ctx, { method, path, body });
      if (result.ok) return answer(result.status, result.body, result.retryAfter);
      if (result.kind === 'problem') return answer(result.status, result.problem, result.retryAfter);
      if (result.status !== undefined) return answer(result.status, result.problem ?? {}, result.retryAfter);
      throw new AppError('unavailable', `The ${options.service} service did not answer; retry.`, {
        code: `${options.service}_unavailable`,
        retryAfter: result.retryAfter ?? 2,
        cause: new Error(result.error),
      });
    },
    close: () => client.close(),
  };
}

function answer(status: number, body: Record<string, unknown>, retryAfter?: number): ServiceAnswer {
  const parsed = body !== null && typeof body === 'object' && !Array.isArray(body) ? body : {};
  return retryAfter === undefined ? { status, body: parsed } : { status, body: parsed, retryAfter };
}

/** A refusal we did not expect from a service: logged as a 503 the shopper may retry. */
export function unexpected(service: string, answer: ServiceAnswer): AppError {
  return new AppError('unavailable', `The ${service} service answered ${answer.status}; retry.`, {
    code: `${service}_unavailable`,
    retryAfter: answer.retryAfter ?? 2,
    cause: new Error(JSON.stringify(answer.body).slice(0, 500)),
  });
}
