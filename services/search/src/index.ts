// The search service as a library: tests, the benchmark case and the console use these.
export { migrations } from './data-access/migrations';
export { createPostgresSearchEngine } from './data-access/postgres-search-engine';
export { seedSearchDocuments, SEED_QUERIES } from './data-access/seed-documents';
export { PRICE_BUCKETS, PRICE_BUCKET_KEYS, priceBucketOf, type PriceBucket } from './domain/price-buckets';
export { toSearchDocument } from './domain/search-document';
export type * from './domain/search-engine';
