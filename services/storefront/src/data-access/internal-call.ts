import { Pool } from 'undici';
import type { Actor } from '@fleet/context';
import { AppError } from '@fleet/errors';
import { CONTEXT_HEADER, contextTarget, signContext } from '@fleet/tenancy';

/** Who the storefront calls on behalf of: the shopper's request as the gateway signed it. */
export interface CallCtx {
  requestId: string;
  tenantId?: string;
  clientIp?: string;
  /** The signed-in customer, else an anonymous shopper. */
  actor?: Actor;
}

export interface CallInit {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** Path and query, e.g. `/api/store/products?limit=4`. */
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** Call as the storefront service itself (internal routes) instead of as the shopper. */
  asService?: boolean;
}

/** A 2xx or 4xx answer: 4xx problems are outcomes a page shows (a field error, out of stock). */
export interface Answer<T = unknown> {
  status: number;
  body: T;
}

export interface InternalCaller {
  call<T = unknown>(ctx: CallCtx, init: CallInit): Promise<Answer<T>>;
  close(): Promise<void>;
}

export const SERVICE_ACTOR: Actor = { kind: 'service', id: 'storefront' };

/**
 * The one place where the storefront signs a context for another service: each upstream's client
 * (catalog.client.ts, cart.client.ts, ...) calls through here, so a change to the signing API is
 * an edit of this file only. Keep-alive pool per upstream; a 5xx or a network failure is thrown
 * as `unavailable` (the page says so), a 4xx is returned for the page to show.
 */
export function createInternalCaller(
  name: string,
  baseUrl: string,
  options: { signingKey: string; timeoutMs: number },
): InternalCaller {
  const pool = new Pool(baseUrl, {
    connections: 32,
    keepAliveTimeout: 30_000,
    headersTimeout: options.timeoutMs,
    bodyTimeout: options.timeoutMs,
  });
  return {
    async call<T>(ctx: CallCtx, init: CallInit): Promise<Answer<T>> {
      const method = init.method ?? (init.body === undefined ? 'GET' : 'POST');
      const signed = signContext(
        {
          requestId: ctx.requestId,
          tenantId: ctx.tenantId,
          clientIp: ctx.clientIp,
          actor: init.asService ? SERVICE_ACTOR : (ctx.actor ?? { kind: 'anonymous' }),
        },
        options.signingKey,
        contextTarget(name, method, init.path),
      );
      const headers: Record<string, string> = {
        [CONTEXT_HEADER]: signed,
        'x-request-id': ctx.requestId,
        accept: 'application/json',
        ...init.headers,
      };
      if (init.body !== undefined) headers['content-type'] = 'application/json';
      let status: number;
      let text: string;
      try {
        const res = await pool.request({
          method,
          path: init.path,
          headers,
          body: init.body === undefined ? undefined : JSON.stringify(init.body),
        });
        status = res.statusCode;
        text = await res.body.text();
      } catch (err) {
        throw new AppError('unavailable', `The ${name} service could not be reached.`, {
          code: 'upstream_unavailable',
          cause: err,
        });
      }
      if (status >= 500) {
        throw new AppError('unavailable', `The ${name} service answered ${status}.`, {
          code: 'upstream_unavailable',
        });
      }
      return { status, body: (text ? JSON.parse(text) : null) as T };
    },
    close: () => pool.close(),
  };
}

/** The problem+json members a page shows: the title and the field errors. */
export interface Problem {
  title?: string;
  detail?: string;
  code?: string;
  errors?: Array<{ path: string; message: string }>;
}
