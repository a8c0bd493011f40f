import { Pool } from 'undici';
import type { TenantCtx } from '@fleet/context';
import type { VariantInfo, VariantLookupResponse } from '@fleet/contracts';
import { AppError } from '@fleet/errors';
import { CONTEXT_HEADER, signContext } from '@fleet/tenancy';

export interface CatalogClient {
  /** Catalog's answer for these variants of the tenant; unknown (or foreign) ids are absent. */
  lookup(ctx: TenantCtx, variantIds: readonly string[]): Promise<VariantInfo[]>;
  close(): Promise<void>;
}

export interface CatalogClientOptions {
  baseUrl: string;
  signingKey: string;
  timeoutMs: number;
  /** Keep-alive connections to catalog. Default 32. */
  connections?: number;
}

const unavailable = (detail: string, cause?: unknown) =>
  new AppError('unavailable', `Prices cannot be read right now (${detail}); retry.`, {
    code: 'catalog_unavailable',
    retryAfter: 1,
    cause,
  });

/** `POST /internal/variants/lookup` as the cart service, over a keep-alive undici pool. */
export function createCatalogClient(options: CatalogClientOptions): CatalogClient {
  const base = new URL(options.baseUrl);
  const path = `${base.pathname.replace(/\/$/, '')}/internal/variants/lookup`;
  const pool = new Pool(base.origin, { connections: options.connections ?? 32, keepAliveTimeout: 30_000 });

  return {
    async lookup(ctx, variantIds) {
      if (variantIds.length === 0) return [];
      const context = {
        requestId: ctx.requestId,
        tenantId: ctx.tenantId,
        correlationId: ctx.correlationId ?? ctx.requestId,
        actor: { kind: 'service' as const, id: 'cart' },
      };
      let res: Awaited<ReturnType<Pool['request']>>;
      try {
        res = await pool.request({
          path,
          method: 'POST',
          headers: {
            [CONTEXT_HEADER]: signContext(context, options.signingKey, {
              audience: 'catalog',
              method: 'POST',
              path,
            }),
            'content-type': 'application/json',
          },
          body: JSON.stringify({ variantIds }),
          headersTimeout: options.timeoutMs,
          bodyTimeout: options.timeoutMs,
        });
      } catch (err) {
        throw unavailable('no answer', err);
      }
      if (res.statusCode !== 200) {
        const text = await res.body.text().catch(() => '');
        throw unavailable(`catalog answered ${res.statusCode}`, new Error(text.slice(0, 500)));
      }
      return ((await res.body.json()) as VariantLookupResponse).items;
    },
    close: () => pool.close(),
  };
}
