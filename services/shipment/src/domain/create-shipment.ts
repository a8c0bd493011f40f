import { randomInt } from 'node:crypto';
import type { TenantCtx } from '@fleet/context';
import { newId, type Queryable } from '@fleet/db';
import { appendToOutbox } from '@fleet/messaging';
import { appendTrackingEvent, insertShipment } from '../data-access/shipment.repository';
import { storeCarrier } from './shipping-settings';
import { shipmentStatusEvent } from './shipment-events';

/**
 * The shipment of a fulfilled order, labelled by the store's carrier, with its first tracking
 * event and `shipment.created`, in the caller's (inbox) transaction. An order has one shipment:
 * when it already has one, nothing changes.
 */
export async function createShipmentForOrder(tx: Queryable, ctx: TenantCtx, orderId: string): Promise<void> {
  const carrier = await storeCarrier(tx);
  const label = carrier.createLabel(randomInt(0, 2 ** 47));
  const shipment = await insertShipment(tx, ctx.tenantId, {
    id: newId('shp'),
    orderId,
    carrier: carrier.name,
    carrierName: carrier.displayName,
    trackingNumber: label.trackingNumber,
    trackingUrl: label.trackingUrl,
  });
  if (!shipment) return;
  await appendTrackingEvent(tx, ctx.tenantId, {
    shipmentId: shipment.id,
    status: 'CREATED',
    description: `Label created with ${carrier.displayName}`,
    source: 'system',
  });
  await appendToOutbox(tx, shipmentStatusEvent(ctx, shipment));
}
