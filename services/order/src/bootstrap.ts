import type { Db } from '@fleet/db';
import type { Logger } from '@fleet/logger';
import { createInventoryClient } from './data-access/inventory.client';
import { createPaymentClient } from './data-access/payment.client';
import { createServiceCaller } from './data-access/service-http';
import type { OrderDeps } from './domain/order-deps';
import { deriveTokenKey } from './domain/order-token';

export interface OrderDepsOptions {
  db: Db;
  logger: Logger;
  signingKey: string;
  inventoryUrl: string;
  paymentUrl: string;
  unpaidOrderTimeoutMinutes?: number;
  remoteTimeoutMs?: number;
  stepLeaseMs?: number;
  retryBaseMs?: number;
  retryMaxMs?: number;
  createWaitMs?: number;
  paymentGraceMs?: number;
  maxOpenCheckoutsPerEmail?: number;
}

/** Everything the use cases, consumers and recovery need, from plain settings. */
export function createOrderDeps(options: OrderDepsOptions): OrderDeps & { close(): Promise<void> } {
  const timeoutMs = options.remoteTimeoutMs ?? 5_000;
  const inventoryCaller = createServiceCaller({
    service: 'inventory',
    baseUrl: options.inventoryUrl,
    signingKey: options.signingKey,
    timeoutMs,
  });
  const paymentCaller = createServiceCaller({
    service: 'payment',
    baseUrl: options.paymentUrl,
    signingKey: options.signingKey,
    timeoutMs,
  });
  return {
    db: options.db,
    logger: options.logger,
    inventory: createInventoryClient(inventoryCaller),
    payment: createPaymentClient(paymentCaller),
    tokenKey: deriveTokenKey(options.signingKey),
    unpaidOrderTimeoutMinutes: options.unpaidOrderTimeoutMinutes ?? 30,
    createWaitMs: options.createWaitMs ?? 10_000,
    maxOpenCheckoutsPerEmail: options.maxOpenCheckoutsPerEmail ?? 5,
    saga: {
      leaseMs: options.stepLeaseMs ?? 30_000,
      retryBaseMs: options.retryBaseMs ?? 1_000,
      retryMaxMs: options.retryMaxMs ?? 60_000,
      paymentGraceMs: options.paymentGraceMs ?? 600_000,
    },
    async close() {
      await Promise.all([inventoryCaller.close(), paymentCaller.close()]);
    },
  };
}
