/**
 * Events of the shipment service (services/shipment). Every shipment event carries the
 * shipment's state after the change; consumers (order, notification) need nothing else.
 */
export const SHIPMENT_EVENTS = {
  created: 'shipment.created',
  inTransit: 'shipment.in_transit',
  delivered: 'shipment.delivered',
  returned: 'shipment.returned',
  lost: 'shipment.lost',
} as const;

export type ShipmentStatus = 'CREATED' | 'IN_TRANSIT' | 'DELIVERED' | 'RETURNED' | 'LOST';

export interface ShipmentEventData {
  shipmentId: string;
  orderId: string;
  /** The carrier's registry name (`flat`, `parcelpost`, `swiftship`). */
  carrier: string;
  /** Its display name (`Store delivery`, `ParcelPost`). */
  carrierName: string;
  trackingNumber: string;
  trackingUrl: string | null;
  status: ShipmentStatus;
  /** When the carrier (or the merchant) reported this status, ISO-8601 UTC. */
  occurredAt: string;
}
