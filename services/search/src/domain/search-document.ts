import type { IndexedProduct } from './indexed-product';
import type { SearchDocument, SearchHit } from './search-engine';

/** The searchable projection of a catalog product (the first image is the thumbnail). */
export function toSearchDocument(product: IndexedProduct): SearchDocument {
  const doc: SearchDocument = {
    id: product.id,
    version: product.version,
    status: product.status,
    slug: product.slug,
    title: product.title,
    description: product.description,
    categoryIds: [...product.categoryIds],
    priceMin: product.priceMin,
    priceMax: product.priceMax,
    currency: product.currency,
    available: product.available,
    createdAt: product.createdAt,
  };
  const image = product.images[0];
  if (image !== undefined) doc.image = image;
  if (product.rating) doc.rating = { average: product.rating.average, count: product.rating.count };
  return doc;
}

export const isSearchable = (doc: Pick<SearchDocument, 'status'>): boolean => doc.status === 'active';

/** Keeps the newest version of each product of a batch (a batch may repeat a product). */
export function newestPerProduct(docs: readonly SearchDocument[]): SearchDocument[] {
  const newest = new Map<string, SearchDocument>();
  for (const doc of docs) {
    const seen = newest.get(doc.id);
    if (!seen || seen.version < doc.version) newest.set(doc.id, doc);
  }
  return [...newest.values()];
}

export function toHit(doc: SearchHit): SearchHit {
  const hit: SearchHit = {
    id: doc.id,
    slug: doc.slug,
    title: doc.title,
    priceMin: doc.priceMin,
    priceMax: doc.priceMax,
    currency: doc.currency,
    available: doc.available,
  };
  if (doc.image !== undefined && doc.image !== null) hit.image = doc.image;
  // Only a reviewed product's hit has a rating (the same from both engines).
  if (doc.rating && doc.rating.count > 0) hit.rating = doc.rating;
  return hit;
}
