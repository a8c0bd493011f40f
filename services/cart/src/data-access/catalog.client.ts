import type { TenantCtx } from '@fleet/context';
import type { VariantInfo, VariantLookupResponse } from '@fleet/contracts';
import { AppError } from '@fleet/errors';
import { createServiceClient } from '@fleet/http';

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

/** `POST /internal/variants/lookup` as the cart service: a read, so it is retried like one. */
export function createCatalogClient(options: CatalogClientOptions): CatalogClient {
  const client = createServiceClient({
    service: 'catalog',
    caller: 'cart',
    baseUrl: options.baseUrl,
    signingKey: options.signingKey,
    timeoutMs: options.timeoutMs,
    connections: options.connections ?? 32,
  });

  return {
    async lookup(ctx, variantIds) {
      if (variantIds.length === 0) return [];
      const result = await client.call<VariantLookupResponse>(ctx, {
        method: 'POST',
        path: '/internal/variants/lookup',
        body: { variantIds },
        idempotent: true,
      });
      if (result.ok && result.status === 200) return result.body.items;
      if (!result.ok && result.kind === 'unavailable' && result.status === undefined) {
        throw unavailable('no answer', new Error(result.error));
      }
      const body = result.ok ? result.body : result.problem;
      throw unavailable(`catalog answered ${result.status}`, new Error(JSON.stringify(body).slice(0, 500)));
    },
    close: () => client.close(),
  };
}
