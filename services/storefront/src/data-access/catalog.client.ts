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
  };
}

export type CatalogClient = ReturnType<typeof createCatalogClient>;
