/**
 * Fixed price buckets over a product's lowest price (`priceMin`), in minor units of the store's
 * currency: lower bound inclusive, upper bound exclusive. For a two-decimal currency they read
 * "under 10", "10–25", "25–50", "50–100", "100–250", "250 and up". The keys are part of the API
 * (`?priceBucket=` and `facets.priceBucket`); changing them needs a reindex.
 */
export const PRICE_BUCKETS = [
  { key: '0-1000', min: 0, max: 1000 },
  { key: '1000-2500', min: 1000, max: 2500 },
  { key: '2500-5000', min: 2500, max: 5000 },
  { key: '5000-10000', min: 5000, max: 10000 },
  { key: '10000-25000', min: 10000, max: 25000 },
  { key: '25000+', min: 25000, max: null },
] as const;

export type PriceBucket = (typeof PRICE_BUCKETS)[number]['key'];

export const PRICE_BUCKET_KEYS = PRICE_BUCKETS.map((b) => b.key) as [PriceBucket, ...PriceBucket[]];

export function priceBucketOf(priceMin: number): PriceBucket {
  for (const bucket of PRICE_BUCKETS) {
    if (bucket.max === null || priceMin < bucket.max) return bucket.key;
  }
  return '25000+';
}

/** The same mapping as SQL over a column (used by the bulk seeding helper). */
export function priceBucketSql(column: string): string {
  const arms = PRICE_BUCKETS.filter((b) => b.max !== null).map(
    (b) => `WHEN ${column} < ${b.max} THEN '${b.key}'`,
  );
  return `CASE ${arms.join(' ')} ELSE '25000+' END`;
}
