import type { TenantCtx } from '@fleet/context';
import type { ShipmentStatus } from '@fleet/contracts';
import { appendToOutbox } from '@fleet/messaging';
import {
  appendTrackingEvent,
  findShipment,
  updateShipmentStatus,
  type TrackingEventRow,
} from '../data-access/shipment.repository';
import { findCarrier } from './carriers/registry';
import { readShipment, type ShipmentView } from './get-shipment';
import type { ShipmentDeps } from './shipment-deps';
import { shipmentNotFound } from './shipment-errors';
import { assertTransition } from './shipment-state-machine';
import { shipmentStatusEvent } from './shipment-events';

export interface Move {
  status: ShipmentStatus;
  description?: string;
  source: TrackingEventRow['source'];
}

const DEFAULT_DESCRIPTIONS: Record<ShipmentStatus, string> = {
  CREATED: 'Label created',
  IN_TRANSIT: 'On its way',
  DELIVERED: 'Delivered',
  RETURNED: 'Returned to the store',
  LOST: 'Reported lost',
};

/**
 * Moves a shipment along the transition table (409 for anything else) with a tracking event and
 * the status's event, in one transaction with the shipment locked.
 */
export async function moveShipment(
  ctx: TenantCtx,
  deps: ShipmentDeps,
  shipmentId: string,
  move: Move,
): Promise<ShipmentView> {
  return deps.db.withTenant(ctx, async (tx) => {
    const shipment = await findShipment(tx, shipmentId, true);
    if (!shipment) throw shipmentNotFound();
    assertTransition(shipment.status, move.status);
    const moved = await updateShipmentStatus(tx, shipment.id, move.status);
    if (!moved) throw shipmentNotFound();
    const carrier = findCarrier(moved.carrier);
    const description =
      move.description ?? `${DEFAULT_DESCRIPTIONS[move.status]}${carrier ? ` (${carrier.displayName})` : ''}`;
    await appendTrackingEvent(tx, ctx.tenantId, {
      shipmentId: moved.id,
      status: move.status,
      description,
      source: move.source,
    });
    await appendToOutbox(tx, shipmentStatusEvent(ctx, moved));
    return readShipment(tx, moved.id);
  });
}
