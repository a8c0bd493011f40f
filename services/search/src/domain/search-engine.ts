import type { Queryable } from '@fleet/db';
import type { PriceBucket } from './price-buckets';

/** The searchable part of a catalog product, as both engines index it. */
export interface SearchDocument {
  id: string;
  /** The product's version: an older version never overwrites a newer one. */
  version: number;
  /** Only `active` documents are searchable; the others are kept as version markers. */
  status: 'draft' | 'active' | 'archived';
  slug: string;
  title: string;
  description: string;
  categoryIds: string[];
  /** Minor units of `currency`. */
  priceMin: number;
  priceMax: number;
  currency: string;
  /** True when any variant can be bought now. */
  available: boolean;
  image?: string;
  /** Visible reviews' mean and count (catalog's document, from engagement's summaries). */
  rating?: { average: number | null; count: number };
  /** ISO-8601; an empty query lists the newest first. */
  createdAt: string;
}

export interface SearchFilters {
  /** Any of these categories. */
  categoryIds?: string[];
  available?: boolean;
  priceBucket?: PriceBucket;
}

export interface SearchQuery {
  /** Free text; empty lists every active product, newest first. */
  q: string;
  limit: number;
  offset?: number;
  filters?: SearchFilters;
}

export interface SearchHit {
  id: string;
  slug: string;
  title: string;
  priceMin: number;
  priceMax: number;
  currency: string;
  available: boolean;
  image?: string;
  rating?: { average: number | null; count: number };
}

export type Availability = 'in_stock' | 'out_of_stock';

/** Counts over every match of the query and filters (not only the returned page). */
export interface SearchFacets {
  /** Category id -> matches; categories with no match are absent. */
  category: Record<string, number>;
  /** Every bucket, zero included. */
  priceBucket: Record<PriceBucket, number>;
  /** Both values, zero included. */
  availability: Record<Availability, number>;
}

export interface SearchResult {
  hits: SearchHit[];
  facets: SearchFacets;
  estimatedTotal: number;
}

export interface WriteOptions {
  /**
   * The caller's tenant transaction to join (the inbox transaction of an event), so the effect
   * commits with the inbox row. Without it the engine opens its own.
   */
  tx?: Queryable;
}

/**
 * A search backend for one deployment, shared by every tenant. Every call names its tenant and
 * no call can reach another tenant's documents. Writes are idempotent and version-guarded, so
 * events may arrive twice or out of order.
 */
export interface SearchEngine {
  readonly name: 'postgres' | 'meilisearch';
  /** Indexes documents; a document older than the indexed one is ignored; non-active ones leave results. */
  upsert(tenantId: string, docs: readonly SearchDocument[], options?: WriteOptions): Promise<void>;
  /** Removes a product unless a newer version is indexed; deletion wins a tie. */
  remove(tenantId: string, productId: string, version: number, options?: WriteOptions): Promise<void>;
  search(tenantId: string, query: SearchQuery): Promise<SearchResult>;
  /** Drops every document and version marker of the tenant. */
  clearTenant(tenantId: string): Promise<void>;
  /** Resolves when the backend is reachable (readiness). */
  ping(): Promise<void>;
}
