import type { Ctx } from '@fleet/context';
import { assertTenantRequest } from './guards';
import type { SearchEngine, SearchQuery, SearchResult } from './search-engine';

/** A shopper's search on the host's store: that store's active products only. */
export async function searchProducts(
  ctx: Ctx,
  deps: { engine: SearchEngine },
  query: SearchQuery,
): Promise<SearchResult> {
  assertTenantRequest(ctx);
  return deps.engine.search(ctx.tenantId, query);
}
