import type { Answer, CallCtx, InternalCaller } from './internal-call';

export interface SearchHit {
  id: string;
  slug: string;
  title: string;
  priceMin: number;
  priceMax: number;
  currency: string;
  available: boolean;
  image?: string;
}

export interface SearchResult {
  hits: SearchHit[];
  facets: {
    category: Record<string, number>;
    priceBucket: Record<string, number>;
    availability: Record<string, number>;
  };
  estimatedTotal: number;
}

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
