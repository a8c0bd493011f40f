import type { TenantCtx } from '@fleet/context';
import { CONTEXT_HEADER, signContext } from '@fleet/tenancy';
import { z } from 'zod';
import { indexedProductSchema } from '../domain/indexed-product';
import type { CatalogPage, CatalogReader } from '../domain/reindex-tenant';

export interface CatalogClientOptions {
  /** The catalog service, e.g. `http://catalog:4003`. */
  baseUrl: string;
  signingKey: string;
  timeoutMs?: number;
}

const pageSchema = z.looseObject({
  items: z.array(indexedProductSchema),
  nextCursor: z.string().min(1).nullable(),
});

/**
 * The catalog's internal API, `GET /internal/products?cursor=&limit=` (every status, for one
 * tenant), called as the search service with a signed context. Any failure throws: the reindex
 * job is retried.
 */
export function createCatalogClient(options: CatalogClientOptions): CatalogReader {
  return {
    async listProducts(ctx: TenantCtx, page): Promise<CatalogPage> {
      const url = new URL('/internal/products', options.baseUrl);
      url.searchParams.set('limit', String(page.limit));
      if (page.cursor) url.searchParams.set('cursor', page.cursor);
      const signed = signContext(
        {
          requestId: ctx.requestId,
          tenantId: ctx.tenantId,
          correlationId: ctx.correlationId ?? ctx.requestId,
          actor: { kind: 'service', id: 'search' },
        },
        options.signingKey,
        { audience: 'catalog', method: 'GET', path: url.pathname },
      );
      const response = await fetch(url, {
        headers: { [CONTEXT_HEADER]: signed, accept: 'application/json' },
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      });
      if (!response.ok) {
        throw new Error(`catalog answered ${response.status} to GET ${url.pathname}${url.search}`);
      }
      return pageSchema.parse(await response.json());
    },
  };
}
