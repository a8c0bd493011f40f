// The cart service as a library: checkout's tests and the benchmarks run it in-process (see README).
export { createApp, type CartAppDeps } from './app';
export { createCartDeps, type CartDepsOptions } from './bootstrap';
export { configSchema, type CartConfig } from './config';
export { createCartStore, type CartStoreOptions } from './data-access/cart.store';
export { createCatalogClient, type CatalogClient } from './data-access/catalog.client';
export { cachedVariantSource } from './data-access/variant-source';
export { MAX_LINES, MAX_QUANTITY, lineIdOf } from './domain/cart';
export type { CartDeps, CartStore, VariantSource } from './domain/cart-deps';
export type { CartItemView, CartView } from './domain/cart-view';
export { start } from './start';
