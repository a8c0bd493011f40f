import type { TenantCtx } from '@fleet/context';
import type { OrderStatus } from '@fleet/contracts';
import { createEnvelope, type EventEnvelope } from '@fleet/messaging';
import type { OrderItemRecord } from '../data-access/order-lines.repository';
import type { OrderRecord } from '../data-access/order.repository';
import { STATUS_EVENTS } from './order-state-machine';

/** What every order.* event carries: enough for usage (total, currency) and notifications. */
export interface OrderEventData {
  orderId: string;
  checkoutId: string;
  status: OrderStatus;
  previousStatus: OrderStatus | null;
  reason: string | null;
  total: number;
  currency: string;
  customerId: string | null;
  email: string;
  items?: Array<{ variantId: string; productId: string; quantity: number; unitPrice: number }>;
  carrier?: string;
  /** On order.shipped and order.delivered that followed a shipment. */
  trackingNumber?: string;
  trackingUrl?: string | null;
  /**
   * A test order (paid in the store's test mode): never revenue. Null while no payment exists
   * (order.created, a rejection before payment).
   */
  test: boolean | null;
}

/** What a shipment tells the order's events about the parcel. */
export interface ShipmentTracking {
  carrier: string;
  trackingNumber: string;
  trackingUrl: string | null;
}

/** The event of the order's arrival in its current status, versioned by the order's version. */
export function orderStatusEvent(
  ctx: TenantCtx,
  order: OrderRecord,
  previousStatus: OrderStatus | null,
  items?: readonly OrderItemRecord[],
  tracking?: ShipmentTracking,
): EventEnvelope<OrderEventData> {
  const data: OrderEventData = {
    orderId: order.id,
    checkoutId: order.checkoutId,
    status: order.status,
    previousStatus,
    reason: order.statusReason,
    total: order.total,
    currency: order.currency,
    customerId: order.customerId,
    email: order.email,
    test: order.test,
  };
  if (items) {
    data.items = items.map((i) => ({
      variantId: i.variantId,
      productId: i.productId,
      quantity: i.quantity,
      unitPrice: i.unitPrice,
    }));
  }
  if (order.carrier) data.carrier = order.carrier;
  if (tracking) Object.assign(data, tracking);
  return createEnvelope(ctx, {
    type: STATUS_EVENTS[order.status],
    aggregateId: order.id,
    version: order.version,
    data,
  });
}
