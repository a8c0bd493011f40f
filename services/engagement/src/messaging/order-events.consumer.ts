import type { Broker, EventHandler } from '@fleet/messaging';
import { inboxConsumer } from '@fleet/messaging';
import { z } from 'zod';
import type { Db } from '@fleet/db';
import { recordDeliveredOrder, recordPlacedOrder } from '../domain/record-order';

/** `order.placed` (its items) and `order.delivered`: the projection reviews and recommendations read. */
export const ORDER_EVENT_BINDINGS = ['order.placed', 'order.delivered'];

/** The inbox consumer name: (tenant, consumer, event id) is applied once. */
export const ORDER_CONSUMER = 'engagement.orders';

const id = z.string().min(1).max(100);
// Only what engagement reads of `OrderEventData`; anything else may change freely.
const placed = z.looseObject({
  orderId: id,
  customerId: id.nullable().optional(),
  items: z.array(z.looseObject({ productId: id })).max(1000),
});
const delivered = z.looseObject({ orderId: id });

/** A malformed body throws: retried, then dead-lettered where an operator sees it. */
export function orderEventsHandler(db: Db): EventHandler {
  return inboxConsumer(db, ORDER_CONSUMER, async (tx, envelope, ctx) => {
    if (envelope.type === 'order.placed') {
      const data = placed.parse(envelope.data);
      return recordPlacedOrder(tx, ctx, { ...data, customerId: data.customerId ?? null });
    }
    if (envelope.type === 'order.delivered') {
      return recordDeliveredOrder(tx, ctx, delivered.parse(envelope.data).orderId);
    }
  });
}

/** Starts consuming on the service's durable queue `${prefix}engagement.orders`. */
export function consumeOrderEvents(
  broker: Pick<Broker, 'consume'>,
  db: Db,
  options: { baseDelayMs?: number; maxAttempts?: number } = {},
): Promise<string> {
  return broker.consume({
    name: 'orders',
    bindings: ORDER_EVENT_BINDINGS,
    handler: orderEventsHandler(db),
    ...options,
  });
}
