import type { Db } from '@fleet/db';
import type { Logger } from '@fleet/logger';
import type { InventoryClient } from '../data-access/inventory.client';
import type { PaymentClient } from '../data-access/payment.client';

export interface SagaSettings {
  /** How long a process owns a step it started before another may retry it. */
  leaseMs: number;
  /** First retry delay of a failed step; doubles per attempt up to `retryMaxMs`. */
  retryBaseMs: number;
  retryMaxMs: number;
  /**
   * Time past an order's unpaid timeout that the saga still gives its payment: the one extension
   * of the wait for a payment the provider is still processing, and how long payment may be
   * unreachable before the order is cancelled without an answer. The reservation is held this
   * long past the timeout plus `RESERVATION_MARGIN_MS`, so a payment found late can still commit.
   */
  paymentGraceMs: number;
}

/** What the orchestrator and its steps need. */
export interface SagaDeps {
  db: Db;
  logger: Logger;
  inventory: InventoryClient;
  payment: PaymentClient;
  saga: SagaSettings;
}

/** What the order use cases need; main.ts builds it from config, tests from fixtures. */
export interface OrderDeps extends SagaDeps {
  /** Derives guest order tokens (see order-token.ts). */
  tokenKey: Buffer;
  /** Used when checkout sends no `unpaidOrderTimeoutMinutes`. */
  unpaidOrderTimeoutMinutes: number;
  /** Unpaid (PENDING, unexpired) orders one e-mail address may hold in a store at once. */
  maxOpenCheckoutsPerEmail: number;
  /** How long a create call waits for a saga another call is running. */
  createWaitMs: number;
}
