import type { TenantCtx } from '@fleet/context';
import type { OrderStatus, ShipmentEventData } from '@fleet/contracts';
import type { Queryable } from '@fleet/db';
import { applyShipmentEvent } from '../data-access/order-shipments.repository';
import { openOrderUnit } from './order-unit';

/** Where each shipment status takes the order, and the moves on the way there. */
const PATHS: Partial<Record<ShipmentEventData['status'], Partial<Record<OrderStatus, OrderStatus[]>>>> = {
  IN_TRANSIT: { FULFILLED: ['SHIPPED'] },
  DELIVERED: { FULFILLED: ['SHIPPED', 'DELIVERED'], SHIPPED: ['DELIVERED'] },
};

/**
 * The order follows its parcel: in transit -> SHIPPED (order.shipped with the carrier and
 * tracking), delivered -> DELIVERED (through SHIPPED when the in-transit event is still on its
 * way). An order already there (the merchant used `/ship`, `/deliver`) or elsewhere is left as it
 * is. The order's read model of its shipments takes the event too. False (nothing changed) when
 * this store has no such order.
 */
export async function followShipment(
  tx: Queryable,
  ctx: TenantCtx,
  data: ShipmentEventData,
  version: number,
): Promise<boolean> {
  const unit = (await openOrderUnit(tx, ctx, data.orderId))?.unit;
  if (!unit) return false;
  await applyShipmentEvent(tx, ctx.tenantId, data, version);
  const moves = PATHS[data.status]?.[unit.order.status];
  if (!moves) return true;
  await unit.recordFacts({ carrier: data.carrierName });
  for (const to of moves) {
    const reason =
      to === 'SHIPPED' ? `shipped carrier:${data.carrierName} tracking:${data.trackingNumber}` : 'delivered';
    await unit.transition(to, reason, {
      carrier: data.carrierName,
      trackingNumber: data.trackingNumber,
      trackingUrl: data.trackingUrl,
    });
  }
  return true;
}
