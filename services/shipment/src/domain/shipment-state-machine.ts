import { SHIPMENT_EVENTS, type ShipmentStatus } from '@fleet/contracts';
import { transitionGuard } from '@fleet/errors';

/**
 * The shipment lifecycle as data: every allowed move, nothing else. A parcel in transit may come
 * back (RETURNED: refused, undeliverable) or vanish (LOST); a delivered one may still come back
 * to the store as a return. LOST and RETURNED are final.
 */
export const SHIPMENT_TRANSITIONS: Readonly<Record<ShipmentStatus, readonly ShipmentStatus[]>> = {
  CREATED: ['IN_TRANSIT', 'LOST'],
  IN_TRANSIT: ['DELIVERED', 'RETURNED', 'LOST'],
  DELIVERED: ['RETURNED'],
  RETURNED: [],
  LOST: [],
};

/** The event each arrival in a status publishes. */
export const SHIPMENT_STATUS_EVENTS: Readonly<Record<ShipmentStatus, string>> = {
  CREATED: SHIPMENT_EVENTS.created,
  IN_TRANSIT: SHIPMENT_EVENTS.inTransit,
  DELIVERED: SHIPMENT_EVENTS.delivered,
  RETURNED: SHIPMENT_EVENTS.returned,
  LOST: SHIPMENT_EVENTS.lost,
};

/** `assertTransition` throws 409 `invalid_transition` for a move the table does not allow. */
export const { canTransition, assertTransition } = transitionGuard(SHIPMENT_TRANSITIONS, {
  subject: 'A shipment',
  code: 'invalid_transition',
});
