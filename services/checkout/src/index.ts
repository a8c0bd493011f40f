// Checkout as a library: end-to-end tests and the benchmarks run it in-process (see README).
export { createApp, type CheckoutAppDeps } from './app';
export { createCheckoutDeps, type CheckoutDepsOptions } from './bootstrap';
export { configSchema, type CheckoutConfig } from './config';
export { createIdempotencyStore, type IdempotencyStoreOptions } from './data-access/idempotency.store';
export { bodyFingerprint, canonicalJson, checkoutIdFor } from './domain/checkout-keys';
export type { CheckoutAnswer, CheckoutDeps, IdempotencyStore, OrderRequest } from './domain/checkout-deps';
export { divideRoundHalfUp, orderTotals, taxOf, type Totals } from './domain/totals';
