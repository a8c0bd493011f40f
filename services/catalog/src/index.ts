// Catalog as a library: benchmarks and other workspaces' tests run the real catalog in-process.
export { createApp, type CatalogAppDeps } from './app';
export { configSchema, type CatalogConfig } from './config';
export { migrations, relayTables } from './data-access/migrations';
export type { CatalogDeps } from './domain/catalog-deps';
export type { ProductView, VariantView } from './domain/products/product-view';
export {
  INVENTORY_BINDINGS,
  INVENTORY_LEVEL_CONSUMER,
  inventoryLevelConsumer,
} from './messaging/inventory-level.consumer';
export { seedProducts, type SeedOptions, type SeededCatalog } from './testing-seed';
export { start } from './start';
export { tenantDataPolicy } from './tenant-data';
