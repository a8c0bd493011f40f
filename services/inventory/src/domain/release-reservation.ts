import type { TenantCtx } from '@fleet/context';
import { INVENTORY_EVENTS, type ReservationView } from '@fleet/contracts';
import { appendToOutbox } from '@fleet/messaging';
import { insertTombstone } from '../data-access/reservation.repository';
import type { InventoryDeps } from './inventory-deps';
import { reservationEvent } from './inventory-events';
import { applyMove } from './move-reservation';
import { toView } from './reservation';

/**
 * reserved -> released: the held units are available again. A compensation never fails for lack
 * of something to undo: an unknown id gets a 'released' tombstone (its `inventory.released` has no
 * items), so a reserve arriving late is refused; an expired reservation is answered as it is.
 * Only a sold (committed or restocked) one is a 409 `reservation_committed`.
 */
export function releaseReservation(
  ctx: TenantCtx,
  deps: InventoryDeps,
  reservationId: string,
): Promise<ReservationView> {
  return deps.db.withTenant(ctx, async (tx) => {
    // Waits for a reserve of the same id still in flight, then conflicts with it.
    const tombstone = await insertTombstone(tx, ctx.tenantId, reservationId);
    if (!tombstone) return applyMove(ctx, tx, reservationId, 'released');
    await appendToOutbox(tx, reservationEvent(ctx, INVENTORY_EVENTS.released, tombstone, []));
    return toView(tombstone, []);
  });
}
