import type { OrderDetail } from '../api';

/**
 * The shipment as the merchant entered it. The order keeps the carrier as a fact; the tracking
 * number only in the note of its SHIPPED step ("shipped carrier:DHL tracking:JD0146000032"),
 * written last, so everything after "tracking:" is the number.
 */
export function shipmentOf(order: OrderDetail): { carrier: string | null; trackingNumber: string | null } {
  const shipped = order.statusHistory.findLast((h) => h.to === 'SHIPPED');
  const tracking = /(?:^| )tracking:(.+)$/.exec(shipped?.reason ?? '')?.[1]?.trim();
  return { carrier: order.carrier, trackingNumber: tracking || null };
}
