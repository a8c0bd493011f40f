import { Pool } from 'undici';
import type { TenantCtx } from '@fleet/context';
import { AppError } from '@fleet/errors';
import { CONTEXT_HEADER, contextTarget, signContext } from '@fleet/tenancy';

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

function parse(text: string): Record<string, unknown> {
  try {
    const value: unknown = text ? JSON.parse(text) : {};
    return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function retryAfterOf(header: string | string[] | undefined): number | undefined {
  const seconds = Number(Array.isArray(header) ? header[0] : header);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : undefined;
}

/**
 * Calls another service's internal API as checkout (a service actor) in the shopper's tenant,
 * over a keep-alive pool. No answer or a timeout is a 503 `<service>_unavailable`.
 */
export function createServiceClient(options: ServiceClientOptions): ServiceClient {
  const base = new URL(options.baseUrl);
  const prefix = base.pathname.replace(/\/$/, '');
  const pool = new Pool(base.origin, { connections: options.connections ?? 16, keepAliveTimeout: 30_000 });
  return {
    async call(ctx, method, path, body) {
      const context = {
        requestId: ctx.requestId,
        tenantId: ctx.tenantId,
        correlationId: ctx.correlationId ?? ctx.requestId,
        actor: { kind: 'service' as const, id: 'checkout' },
      };
      const fullPath = `${prefix}${path}`;
      const target = contextTarget(options.service, method, fullPath);
      try {
        const res = await pool.request({
          path: fullPath,
          method,
          headers: {
            [CONTEXT_HEADER]: signContext(context, options.signingKey, target),
            'content-type': 'application/json',
          },
          body: body === undefined ? undefined : JSON.stringify(body),
          headersTimeout: options.timeoutMs,
          bodyTimeout: options.timeoutMs,
        });
        const text = await res.body.text();
        return {
          status: res.statusCode,
          body: parse(text),
          retryAfter: retryAfterOf(res.headers['retry-after']),
        };
      } catch (err) {
        throw new AppError('unavailable', `The ${options.service} service did not answer; retry.`, {
          code: `${options.service}_unavailable`,
          retryAfter: 2,
          cause: err,
        });
      }
    },
    close: () => pool.close(),
  };
}

/** A refusal we did not expect from a service: logged as a 503 the shopper may retry. */
export function unexpected(service: string, answer: ServiceAnswer): AppError {
  return new AppError('unavailable', `The ${service} service answered ${answer.status}; retry.`, {
    code: `${service}_unavailable`,
    retryAfter: answer.retryAfter ?? 2,
    cause: new Error(JSON.stringify(answer.body).slice(0, 500)),
  });
}
