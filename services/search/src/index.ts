// The search service as a library: tests, the benchmark case and the console use these.
export { createApp, type SearchAppDeps } from './app';
export { configSchema, type SearchConfig } from './config';
export { migrations, relayTables } from './data-access/migrations';
export { createPostgresSearchEngine } from './data-access/postgres-search-engine';
export { MATCH_CAP } from './data-access/postgres-search.sql';
export { createMeiliSearchEngine, type MeiliEngineOptions } from './data-access/meili-search-engine';
export { chooseSearchEngine } from './data-access/search-engine.factory';
export { createCatalogClient } from './data-access/catalog.client';
export { seedSearchDocuments, SEED_QUERIES } from './data-access/seed-documents';
export { createOwnedDatabase, type OwnedDatabase } from './data-access/owned-database';
export { PRICE_BUCKETS, PRICE_BUCKET_KEYS, priceBucketOf, type PriceBucket } from './domain/price-buckets';
export { toSearchDocument } from './domain/search-document';
export type * from './domain/search-engine';
export type { ReindexProgress } from './domain/reindex-tenant';
export { PRODUCT_EVENT_BINDINGS, productEventsConsumer } from './messaging/product-events.consumer';
export {
  REINDEX_QUEUE,
  reindexQueuePrefix,
  createReindexQueue,
  type ReindexJobData,
  type ReindexStatus,
} from './messaging/reindex.queue';
export { startReindexWorker } from './messaging/reindex.worker';
export { start } from './start';
export { tenantDataPolicy } from './tenant-data';
