import type { TenantCtx } from '@fleet/context';
import { createServiceClient } from '@fleet/http';
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
  const client = createServiceClient({
    service: 'catalog',
    caller: 'search',
    baseUrl: options.baseUrl,
    signingKey: options.signingKey,
    timeoutMs: options.timeoutMs ?? 10_000,
    // The reindex job retries and resumes at the failed page: quick retries here would hide that.
    retries: 0,
  });
  return {
    async listProducts(ctx: TenantCtx, page): Promise<CatalogPage> {
      const query = new URLSearchParams({ limit: String(page.limit) });
      if (page.cursor) query.set('cursor', page.cursor);
      const path = `/internal/products?${query}`;
      const result = await client.call<unknown>(ctx, {
        method: 'GET',
        path,
        headers: { accept: 'application/json' },
      });
      if (!result.ok) {
        const answered = result.status === undefined ? 'did not answer' : `answered ${result.status}`;
        throw new Error(`catalog ${answered} to GET ${path}`);
      }
      return pageSchema.parse(result.body);
    },
  };
}
