import { RETURN_EVENTS } from '@fleet/contracts';
import type { Db } from '@fleet/db';
import { inboxConsumer, type Broker, type EventHandler } from '@fleet/messaging';
import { z } from 'zod';
import { restockReturn } from '../domain/restock-return';

/** Queue `${prefix}inventory.returns`, inbox consumer `inventory.returns`. */
export const RETURNS_CONSUMER = 'inventory.returns';
export const RETURN_EVENT_BINDINGS = [RETURN_EVENTS.received];

const received = z.object({
  orderId: z.string().min(1).max(100),
  restock: z.boolean().nullable(),
  lines: z
    .array(
      z.object({ variantId: z.string().min(1).max(100), quantity: z.number().int().min(1).max(1_000_000) }),
    )
    .max(250),
});

/**
 * `order.return_received`: when the merchant restocks, the units go back on the shelf, once
 * (inbox). Not restocked (damaged goods): nothing changes. A malformed body is dead-lettered.
 */
export function returnEventsHandler(db: Db): EventHandler {
  return inboxConsumer(db, RETURNS_CONSUMER, async (tx, envelope, ctx) => {
    const data = received.parse(envelope.data);
    if (data.restock === true) await restockReturn(tx, ctx, data);
  });
}

export function consumeReturnEvents(
  broker: Pick<Broker, 'consume'>,
  db: Db,
  options: { baseDelayMs?: number; maxAttempts?: number } = {},
): Promise<string> {
  return broker.consume({
    name: 'returns',
    bindings: RETURN_EVENT_BINDINGS,
    handler: returnEventsHandler(db),
    ...options,
  });
}
