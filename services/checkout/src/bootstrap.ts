import type Redis from 'ioredis';
import type { Logger } from '@fleet/logger';
import { createCartClient } from './data-access/cart.client';
import { createIdempotencyStore } from './data-access/idempotency.store';
import { createOrderClient } from './data-access/order.client';
import { createRatesCache, type RatesCache, type RatesCacheOptions } from './data-access/rates-cache';
import { createRatesClient } from './data-access/rates.client';
import { createServiceClient } from './data-access/service-client';
import { createShippingClient } from './data-access/shipping.client';
import type { CheckoutDeps } from './domain/checkout-deps';

export interface CheckoutDepsOptions {
  redis: Redis;
  redisPrefix: string;
  logger: Logger;
  signingKey: string;
  cartUrl: string;
  orderUrl: string;
  tenancyUrl: string;
  shipmentUrl: string;
  idempotencyTtlSeconds?: number;
  idempotencyLockMs?: number;
  idempotencyWaitMs?: number;
  pollMs?: number;
  orderTimeoutMs?: number;
  serviceTimeoutMs?: number;
  /**
   * Keep store rates in process. Only together with `subscribeToSettingsChanges(broker,
   * deps.ratesCache)`, which drops them when they change; without it every checkout reads them.
   */
  ratesCache?: Omit<RatesCacheOptions, 'now'>;
}

export type CheckoutRuntimeDeps = CheckoutDeps & { ratesCache: RatesCache; close(): Promise<void> };

/** Everything the checkout use case needs, from plain settings (main.ts, and tests anywhere). */
export function createCheckoutDeps(options: CheckoutDepsOptions): CheckoutRuntimeDeps {
  const common = { signingKey: options.signingKey, timeoutMs: options.serviceTimeoutMs ?? 5_000 };
  const cart = createServiceClient({ ...common, service: 'cart', baseUrl: options.cartUrl });
  const tenancy = createServiceClient({ ...common, service: 'tenancy', baseUrl: options.tenancyUrl });
  const shipment = createServiceClient({ ...common, service: 'shipment', baseUrl: options.shipmentUrl });
  const order = createServiceClient({
    ...common,
    service: 'order',
    baseUrl: options.orderUrl,
    timeoutMs: options.orderTimeoutMs ?? 30_000,
  });
  const ratesCache = createRatesCache(
    createRatesClient(tenancy),
    options.ratesCache ?? { maxEntries: 0, maxAgeMs: 0 },
  );
  return {
    carts: createCartClient(cart),
    rates: ratesCache,
    ratesCache,
    shipping: createShippingClient(shipment),
    orders: createOrderClient(order),
    idempotency: createIdempotencyStore({
      redis: options.redis,
      prefix: options.redisPrefix,
      ttlMs: (options.idempotencyTtlSeconds ?? 86_400) * 1000,
      lockMs: options.idempotencyLockMs ?? 60_000,
    }),
    logger: options.logger,
    waitMs: options.idempotencyWaitMs ?? 10_000,
    pollMs: options.pollMs,
    async close() {
      await Promise.all([cart.close(), tenancy.close(), shipment.close(), order.close()]);
    },
  };
}
