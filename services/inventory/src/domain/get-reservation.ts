import type { TenantCtx } from '@fleet/context';
import type { ReservationView } from '@fleet/contracts';
import { findReservation } from '../data-access/reservation.repository';
import type { InventoryDeps } from './inventory-deps';
import { notFound, toView } from './reservation';

export async function getReservation(
  ctx: TenantCtx,
  deps: InventoryDeps,
  reservationId: string,
): Promise<ReservationView> {
  const found = await deps.db.readAsTenant(ctx, (tx) => findReservation(tx, ctx.tenantId, reservationId));
  if (!found) throw notFound();
  return toView(found, found.items);
}
