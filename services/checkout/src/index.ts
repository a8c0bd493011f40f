// Checkout as a library: end-to-end tests and the benchmarks run it in-process (see README).
export { createApp, type CheckoutAppDeps } from './app';
export { createCheckoutDeps, type CheckoutDepsOptions, type CheckoutRuntimeDeps } from './bootstrap';
export { configSchema, type CheckoutConfig } from './config';
export { createIdempotencyStore, type IdempotencyStoreOptions } from './data-access/idempotency.store';
export { createRatesCache, type RatesCache, type RatesCacheOptions } from './data-access/rates-cache';
export { subscribeToSettingsChanges } from './messaging/settings-changed.consumer';
export { bodyFingerprint, canonicalJson, checkoutIdFor } from './domain/checkout-keys';
export type { CheckoutAnswer, CheckoutDeps, IdempotencyStore, OrderRequest } from './domain/checkout-deps';
export { divideRoundHalfUp, orderTotals, taxOf, type Totals } from './domain/totals';
export { start } from './start';
