// Catalog's test set-up, built apart from the service (`@fleet/catalog/testing`): benchmarks and
// other workspaces' tests fill a catalog with it; the service's own code holds no seeding.
export { seedProducts, type SeedOptions, type SeededCatalog } from './seed';
