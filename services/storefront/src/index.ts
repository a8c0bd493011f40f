// The storefront service as a library: the host, tests and benchmarks use these.
export { createApp, type StorefrontAppDeps } from './app';
export { configSchema, type StorefrontConfig } from './config';
export { migrations, relayTables } from './data-access/migrations';
export { createStorefrontDeps, type StorefrontWiring } from './bootstrap';
export { start } from './start';
export { tenantDataPolicy } from './tenant-data';
