import type { TenantCtx } from '@fleet/context';
import type { ShipmentEventData } from '@fleet/contracts';
import { createEnvelope, type EventEnvelope } from '@fleet/messaging';
import type { ShipmentRow } from '../data-access/shipment.repository';
import { SHIPMENT_STATUS_EVENTS } from './shipment-state-machine';

/** The event of the shipment's arrival in its current status, versioned by its row. */
export function shipmentStatusEvent(ctx: TenantCtx, shipment: ShipmentRow): EventEnvelope<ShipmentEventData> {
  return createEnvelope<ShipmentEventData>(ctx, {
    type: SHIPMENT_STATUS_EVENTS[shipment.status],
    aggregateId: shipment.id,
    version: shipment.version,
    data: {
      shipmentId: shipment.id,
      orderId: shipment.orderId,
      carrier: shipment.carrier,
      carrierName: shipment.carrierName,
      trackingNumber: shipment.trackingNumber,
      trackingUrl: shipment.trackingUrl,
      status: shipment.status,
      occurredAt: shipment.updatedAt.toISOString(),
    },
  });
}
