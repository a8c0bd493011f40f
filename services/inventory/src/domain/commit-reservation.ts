import type { TenantCtx } from '@fleet/context';
import type { ReservationView } from '@fleet/contracts';
import type { InventoryDeps } from './inventory-deps';
import { applyMove } from './move-reservation';

/**
 * reserved -> committed: the held units are sold (on hand and reserved drop together). A repeat
 * answers the same; a released, expired or restocked reservation is a 409 `reservation_not_active`.
 * A commit reaching a reservation past its expiry before the sweep does still wins: the stock is
 * still held, and the sweep only expires what is still 'reserved'.
 */
export function commitReservation(
  ctx: TenantCtx,
  deps: InventoryDeps,
  reservationId: string,
): Promise<ReservationView> {
  return deps.db.withTenant(ctx, (tx) => applyMove(ctx, tx, reservationId, 'committed'));
}
