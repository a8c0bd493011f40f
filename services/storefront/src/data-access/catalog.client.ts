import type { Answer, CallCtx, InternalCaller } from './internal-call';

export interface Variant {
  id: string;
  sku: string;
  title: string;
  price: number;
  compareAtPrice?: number | null;
  currency: string;
  available: boolean;
  availableQuantity?: number;
  options?: Record<string, string>;
}

export interface Product {
  id: string;
  slug: string;
  title: string;
  description: string;
  categoryIds?: string[];
  images?: Array<string | { url: string; alt?: string }>;
  variants: Variant[];
  seo?: { title: string | null; description: string | null };
  options?: string[];
  createdAt?: string;
  updatedAt?: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Category {
  id: string;
  slug: string;
  name: string;
  parentId: string | null;
  children: Category[];
}

/** A merchant's hand-picked set of products (`/api/store/collections`). */
export interface Collection {
  id: string;
  slug: string;
  title: string;
  description: string;
}

/** Pages of 100 the storefront reads at most: a store's first 1,000 collections (by creation). */
const MAX_COLLECTION_PAGES = 10;

export interface ProductQuery {
  category?: string;
  collection?: string;
  minPrice?: number;
  maxPrice?: number;
  available?: boolean;
  sort?: 'newest' | 'price_asc' | 'price_desc';
  limit?: number;
  cursor?: string;
}

/** Catalog's storefront reads (`/api/store/products`, `/categories`, `/collections`). */
export function createCatalogClient(caller: InternalCaller) {
  return {
    async products(ctx: CallCtx, query: ProductQuery): Promise<Answer<Page<Product>>> {
      const params = new URLSearchParams();
      for (const [key, value] of Object.entries(query)) {
        if (value !== undefined && value !== '') params.set(key, String(value));
      }
      return caller.call(ctx, { path: `/api/store/products?${params}` });
    },
    async product(ctx: CallCtx, idOrSlug: string): Promise<Product | null> {
      const answer = await caller.call<Product>(ctx, {
        path: `/api/store/products/${encodeURIComponent(idOrSlug)}`,
      });
      return answer.status === 200 ? answer.body : null;
    },
    async categories(ctx: CallCtx): Promise<Category[]> {
      const answer = await caller.call<Category[] | { items: Category[] }>(ctx, {
        path: '/api/store/categories',
      });
      if (answer.status !== 200) return [];
      return Array.isArray(answer.body) ? answer.body : (answer.body.items ?? []);
    },
    /** Every collection in creation order (up to 1,000); an upstream refusal ends the list. */
    async collections(ctx: CallCtx): Promise<Collection[]> {
      const all: Collection[] = [];
      let cursor: string | null = null;
      for (let n = 0; n < MAX_COLLECTION_PAGES; n++) {
        const query = new URLSearchParams({ limit: '100' });
        if (cursor) query.set('cursor', cursor);
        const answer: Answer<Page<Collection>> = await caller.call(ctx, {
          path: `/api/store/collections?${query}`,
        });
        if (answer.status !== 200) break;
        all.push(...answer.body.items);
        cursor = answer.body.nextCursor;
        if (!cursor) break;
      }
      return all;
    },
  };
}

export type CatalogClient = ReturnType<typeof createCatalogClient>;
