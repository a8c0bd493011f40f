import type { Order } from '../data-access/order.client';

/** Order statuses in which a shopper may ask to return units (order decides; this offers the form). */
export const RETURNABLE: ReadonlySet<string> = new Set(['DELIVERED', 'PARTIALLY_RETURNED']);

const SHIPMENT_LABELS: Readonly<Record<string, string>> = {
  CREATED: 'Label created',
  IN_TRANSIT: 'On its way',
  DELIVERED: 'Delivered',
  RETURNED: 'Returned to the store',
  LOST: 'Lost',
};

export const shipmentLabel = (status: string): string => SHIPMENT_LABELS[status] ?? status;

/** Each line with how many units may still be asked back (ordered less what open returns claim). */
export function returnableLines(order: Order) {
  const claimed = new Map<string, number>();
  for (const r of order.returns ?? []) {
    if (r.status === 'REJECTED') continue;
    for (const l of r.lines) claimed.set(l.variantId, (claimed.get(l.variantId) ?? 0) + l.quantity);
  }
  return order.items
    .map((item) => ({
      variant_id: item.variantId,
      title: item.title,
      returnable: item.quantity - (claimed.get(item.variantId) ?? 0),
    }))
    .filter((line) => line.returnable > 0);
}
