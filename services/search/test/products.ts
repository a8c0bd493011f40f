import type { ProductDocument } from '@fleet/contracts';
import { newId } from '@fleet/db';
import { toSearchDocument } from '../src/domain/search-document';
import type { SearchDocument } from '../src/domain/search-engine';

let clock = Date.parse('2025-01-01T00:00:00Z');

/** A synthetic catalog product built from the contract (catalog's code is not a dependency). */
export function product(overrides: Partial<ProductDocument> = {}): ProductDocument {
  clock += 60_000;
  const id = overrides.id ?? newId('prod');
  const title = overrides.title ?? 'Plain Product';
  const price = overrides.priceMin ?? 1999;
  return {
    id,
    slug: title.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
    title,
    description: '',
    status: 'active',
    categoryIds: [],
    collectionIds: [],
    images: [`https://img.test/${id}.jpg`],
    variants: [
      {
        id: newId('var'),
        sku: `SKU-${id.slice(-6)}`,
        title: 'Default',
        price,
        currency: 'USD',
        compareAtPrice: null,
        available: 5,
        options: {},
      },
    ],
    priceMin: price,
    priceMax: overrides.priceMax ?? price,
    currency: 'USD',
    available: true,
    createdAt: new Date(clock).toISOString(),
    updatedAt: new Date(clock).toISOString(),
    version: 1,
    ...overrides,
  };
}

export const doc = (overrides: Partial<ProductDocument> = {}): SearchDocument =>
  toSearchDocument(product(overrides));

export const newTenant = (): string => newId('ten');
