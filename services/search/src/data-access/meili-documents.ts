import type { Settings } from 'meilisearch' with { 'resolution-mode': 'import' };
import { priceBucketOf } from '../domain/price-buckets';
import type { SearchDocument, SearchFilters } from '../domain/search-engine';

/** A product as stored in its tenant's Meilisearch index (only active products are stored). */
export interface MeiliDocument {
  id: string;
  slug: string;
  title: string;
  description: string;
  categoryIds: string[];
  priceMin: number;
  priceMax: number;
  priceBucket: string;
  currency: string;
  available: boolean;
  availability: 'in_stock' | 'out_of_stock';
  image: string | null;
  rating: { average: number | null; count: number } | null;
  /** Epoch milliseconds: sortable, and the last ranking rule (newest first on ties). */
  createdAt: number;
  version: number;
}

export const HIT_ATTRIBUTES = [
  'id',
  'slug',
  'title',
  'priceMin',
  'priceMax',
  'currency',
  'available',
  'image',
  'rating',
];
export const FACETS = ['categoryIds', 'priceBucket', 'availability'];

/**
 * Every index gets these settings explicitly (nothing is left to Meilisearch's inference):
 * title is more important than description, facets and filters on category, price bucket and
 * availability, one typo from 5 letters and two from 9 (the defaults, stated), newest first
 * on ties and for an empty query.
 */
export const INDEX_SETTINGS: Settings = {
  searchableAttributes: ['title', 'description'],
  displayedAttributes: HIT_ATTRIBUTES,
  filterableAttributes: FACETS,
  sortableAttributes: ['createdAt', 'priceMin'],
  rankingRules: ['words', 'typo', 'proximity', 'attribute', 'sort', 'exactness', 'createdAt:desc'],
  typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 } },
  faceting: { maxValuesPerFacet: 200 },
  pagination: { maxTotalHits: 10_000 },
};

export function toMeiliDocument(doc: SearchDocument): MeiliDocument {
  return {
    id: doc.id,
    slug: doc.slug,
    title: doc.title,
    description: doc.description,
    categoryIds: doc.categoryIds,
    priceMin: doc.priceMin,
    priceMax: doc.priceMax,
    priceBucket: priceBucketOf(doc.priceMin),
    currency: doc.currency,
    available: doc.available,
    availability: doc.available ? 'in_stock' : 'out_of_stock',
    image: doc.image ?? null,
    rating: doc.rating ?? null,
    createdAt: Date.parse(doc.createdAt),
    version: doc.version,
  };
}

/** Filter expressions; values are JSON strings, so a quote in a value cannot end it. */
export function meiliFilter(filters: SearchFilters = {}): string[] {
  const clauses: string[] = [];
  if (filters.categoryIds?.length) {
    clauses.push(`categoryIds IN [${filters.categoryIds.map((id) => JSON.stringify(id)).join(', ')}]`);
  }
  if (filters.available !== undefined) {
    clauses.push(`availability = ${JSON.stringify(filters.available ? 'in_stock' : 'out_of_stock')}`);
  }
  if (filters.priceBucket !== undefined) clauses.push(`priceBucket = ${JSON.stringify(filters.priceBucket)}`);
  return clauses;
}
