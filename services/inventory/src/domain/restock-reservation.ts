import type { TenantCtx } from '@fleet/context';
import type { ReservationView } from '@fleet/contracts';
import type { InventoryDeps } from './inventory-deps';
import { applyMove } from './move-reservation';

/**
 * committed -> restocked: a placed order was cancelled or returned, its sold units go back on the
 * shelf (on hand grows, available with it). A repeat answers the same; a reservation that was
 * never committed is a 409 `reservation_not_committed` (release it instead).
 */
export function restockReservation(
  ctx: TenantCtx,
  deps: InventoryDeps,
  reservationId: string,
): Promise<ReservationView> {
  return deps.db.withTenant(ctx, (tx) => applyMove(ctx, tx, reservationId, 'restocked'));
}
