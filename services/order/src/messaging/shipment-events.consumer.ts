import { SHIPMENT_EVENTS, type ShipmentEventData } from '@fleet/contracts';
import type { Db } from '@fleet/db';
import type { Logger } from '@fleet/logger';
import { inboxConsumer, type ConsumeOptions, type EventHandler } from '@fleet/messaging';
import { z } from 'zod';
import { followShipment } from '../domain/follow-shipment';

/** Order's second durable queue (`${prefix}order.shipments`): the shipment service's events. */
export const SHIPMENT_CONSUMER = {
  name: 'shipments',
  bindings: Object.values(SHIPMENT_EVENTS),
} as const;

const schema = z.object({
  shipmentId: z.string().min(1).max(100),
  orderId: z.string().min(1).max(100),
  carrier: z.string().min(1).max(100),
  carrierName: z.string().min(1).max(200),
  trackingNumber: z.string().min(1).max(100),
  trackingUrl: z.string().max(2000).nullable(),
  status: z.enum(['CREATED', 'IN_TRANSIT', 'DELIVERED', 'RETURNED', 'LOST']),
  occurredAt: z.iso.datetime({ offset: true }),
}) satisfies z.ZodType<ShipmentEventData>;

/**
 * Each shipment event, once (inbox): the order's read model of its shipments takes it, and the
 * order follows the parcel (`in_transit` -> SHIPPED, `delivered` -> DELIVERED) in the same
 * transaction. A malformed body throws: retried, then dead-lettered.
 */
export function shipmentEventsHandler(db: Db, logger: Logger): EventHandler {
  return inboxConsumer(db, `order.${SHIPMENT_CONSUMER.name}`, async (tx, envelope, ctx) => {
    const data = schema.parse(envelope.data);
    const found = await followShipment(tx, ctx, data, envelope.version ?? 0);
    if (!found) logger.warn({ eventId: envelope.id, orderId: data.orderId }, 'shipment of an unknown order');
  });
}

/** Consume options for `broker.consume` (tests shorten the retry delay). */
export function shipmentConsumer(
  deps: { db: Db; logger: Logger },
  overrides: Partial<ConsumeOptions> = {},
): ConsumeOptions {
  return {
    ...SHIPMENT_CONSUMER,
    bindings: [...SHIPMENT_CONSUMER.bindings],
    handler: shipmentEventsHandler(deps.db, deps.logger),
    ...overrides,
  };
}
