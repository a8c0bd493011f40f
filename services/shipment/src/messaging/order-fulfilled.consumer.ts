import { ORDER_EVENTS } from '@fleet/contracts';
import type { Db } from '@fleet/db';
import { inboxConsumer, type Broker, type EventHandler } from '@fleet/messaging';
import { z } from 'zod';
import { createShipmentForOrder } from '../domain/create-shipment';

/** The consumer's name: queue `${AMQP_PREFIX}shipment.orders`, inbox consumer `shipment.orders`. */
export const ORDERS_CONSUMER = 'shipment.orders';
export const ORDER_EVENT_BINDINGS = [ORDER_EVENTS.fulfilled];

// Only what shipment reads of an order event.
const fulfilled = z.object({ orderId: z.string().min(1).max(100) });

/**
 * `order.fulfilled` creates the order's shipment with the store's carrier, exactly once (inbox,
 * plus one shipment per order). A malformed body throws: retried, then dead-lettered.
 */
export function orderEventsHandler(db: Db): EventHandler {
  return inboxConsumer(db, ORDERS_CONSUMER, (tx, envelope, ctx) =>
    createShipmentForOrder(tx, ctx, fulfilled.parse(envelope.data).orderId),
  );
}

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
