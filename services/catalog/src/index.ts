// Catalog as a library: benchmarks and other workspaces' tests run the real catalog in-process.
export { createApp, type CatalogAppDeps } from './app';
export { configSchema, type CatalogConfig } from './config';
/** The `catalog` stamp renewed after every committed write (the storefront's page cache follows it). */
export { createCacheStamps } from './data-access/cache-stamps';
export { migrations, relayTables } from './data-access/migrations';
/** Rebuilds products' read rows after a bulk write (the test seeding in `testing/` uses it). */
export { refreshProducts } from './data-access/product.repository';
export type { CatalogDeps } from './domain/catalog-deps';
export type { ProductView, VariantView } from './domain/products/product-view';
export {
  INVENTORY_BINDINGS,
  INVENTORY_LEVEL_CONSUMER,
  inventoryLevelConsumer,
} from './messaging/inventory-level.consumer';
export {
  REVIEW_BINDINGS,
  REVIEW_SUMMARY_CONSUMER,
  reviewSummaryConsumer,
} from './messaging/review-summary.consumer';
export { start } from './start';
export { tenantDataPolicy } from './tenant-data';
