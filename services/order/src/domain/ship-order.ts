import type { TenantCtx } from '@fleet/context';
import type { OrderRecord } from '../data-access/order.repository';
import type { OrderDeps } from './order-deps';
import { orderNotFound } from './order-errors';
import { openOrderUnit } from './order-unit';

export interface Shipment {
  carrier?: string;
  trackingNumber?: string;
}

/**
 * FULFILLED -> SHIPPED (order.shipped) and SHIPPED -> DELIVERED (order.delivered): the merchant
 * reports what the carrier did. The transition table refuses anything out of order (409); the
 * carrier and tracking number are kept in the status history's note.
 */
export async function shipOrder(
  ctx: TenantCtx,
  deps: OrderDeps,
  orderId: string,
  shipment: Shipment,
): Promise<OrderRecord> {
  return deps.db.withTenant(ctx, async (tx) => {
    const unit = (await openOrderUnit(tx, ctx, orderId))?.unit;
    if (!unit) throw orderNotFound();
    if (shipment.carrier !== undefined) await unit.recordFacts({ carrier: shipment.carrier });
    const note = [
      'shipped',
      shipment.carrier && `carrier:${shipment.carrier}`,
      shipment.trackingNumber && `tracking:${shipment.trackingNumber}`,
    ];
    await unit.transition('SHIPPED', note.filter(Boolean).join(' '));
    return unit.order;
  });
}

export async function markDelivered(ctx: TenantCtx, deps: OrderDeps, orderId: string): Promise<OrderRecord> {
  return deps.db.withTenant(ctx, async (tx) => {
    const unit = (await openOrderUnit(tx, ctx, orderId))?.unit;
    if (!unit) throw orderNotFound();
    await unit.transition('DELIVERED', 'delivered');
    return unit.order;
  });
}
