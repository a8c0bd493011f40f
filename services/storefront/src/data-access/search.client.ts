import type { SearchResult } from '@fleet/api-contract';
import type { Answer, CallCtx, InternalCaller } from './internal-call';

/** Search's answer is the public contract's (`/api/store/search`). */
export type { SearchResult } from '@fleet/api-contract';
export type SearchHit = SearchResult['hits'][number];

export interface SearchQuery {
  q: string;
  limit: number;
  offset?: number;
  category?: string;
  available?: boolean;
  priceBucket?: string;
}

/** Search's storefront query (`/api/store/search`): typo tolerant, with facets. */
export function createSearchClient(caller: InternalCaller) {
  return {
    search(ctx: CallCtx, query: SearchQuery): Promise<Answer<SearchResult>> {
      const params = new URLSearchParams();
      for (const [key, value] of Object.entries(query)) {
        if (value !== undefined && value !== '') params.set(key, String(value));
      }
      return caller.call(ctx, { path: `/api/store/search?${params}` });
    },
  };
}

export type SearchClient = ReturnType<typeof createSearchClient>;
