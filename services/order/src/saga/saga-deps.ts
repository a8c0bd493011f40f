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
}

/** What the orchestrator and its steps need. */
export interface SagaDeps {
  db: Db;
  logger: Logger;
  inventory: InventoryClient;
  payment: PaymentClient;
  saga: SagaSettings;
}
