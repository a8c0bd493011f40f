import { PRICE_BUCKET_KEYS, type PriceBucket } from './price-buckets';
import type { Availability, SearchFacets } from './search-engine';

export interface RawFacets {
  category?: Record<string, number>;
  priceBucket?: Record<string, number>;
  availability?: Partial<Record<Availability, number>>;
}

/** The one facet shape both engines answer: every bucket and both availability values present. */
export function completeFacets(raw: RawFacets): SearchFacets {
  const priceBucket = Object.fromEntries(
    PRICE_BUCKET_KEYS.map((key) => [key, raw.priceBucket?.[key] ?? 0]),
  ) as Record<PriceBucket, number>;
  return {
    category: { ...raw.category },
    priceBucket,
    availability: {
      in_stock: raw.availability?.in_stock ?? 0,
      out_of_stock: raw.availability?.out_of_stock ?? 0,
    },
  };
}
