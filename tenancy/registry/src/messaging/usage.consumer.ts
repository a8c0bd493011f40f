import type { Db } from '@fleet/db';
import { inboxConsumer, type EventEnvelope } from '@fleet/messaging';
import { addUsage } from '../data-access/usage.repository';

export const USAGE_EVENTS = ['product.created', 'product.deleted', 'order.placed'];

interface OrderPlaced {
  total?: number;
  currency?: string;
  /** A test order: paid in test mode, no real money. */
  test?: boolean | null;
}

/**
 * Keeps the console's per-tenant counters; the inbox makes each event count once. A test order
 * (`test: true`) counts as a test order only: never an order of the store's, never GMV.
 */
export function usageConsumer(db: Db) {
  return inboxConsumer(db, 'tenancy.usage', async (tx, event: EventEnvelope) => {
    switch (event.type) {
      case 'product.created':
        return addUsage(tx, event.tenantId, { products: 1 });
      case 'product.deleted':
        return addUsage(tx, event.tenantId, { products: -1 });
      case 'order.placed': {
        const data = event.data as OrderPlaced;
        if (data.test === true) return addUsage(tx, event.tenantId, { testOrders: 1 });
        const gmv =
          Number.isInteger(data.total) && typeof data.currency === 'string'
            ? { currency: data.currency, amount: data.total as number }
            : undefined;
        return addUsage(tx, event.tenantId, { orders: 1, gmv });
      }
      default:
        return undefined;
    }
  });
}
