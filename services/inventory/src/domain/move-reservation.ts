import type { TenantCtx } from '@fleet/context';
import { INVENTORY_EVENTS, type ReservationView } from '@fleet/contracts';
import type { Queryable } from '@fleet/db';
import { appendToOutbox } from '@fleet/messaging';
import { findReservation, moveReservation } from '../data-access/reservation.repository';
import {
  consumeHeldStock,
  restockHeldStock,
  returnHeldStock,
  type HeldLevel,
} from '../data-access/stock-level.repository';
import { levelChangedEvents, reservationEvent } from './inventory-events';
import {
  assertAlreadyDone,
  MOVE_FROM,
  normalizeLines,
  notFound,
  toView,
  type RequestedMove,
} from './reservation';

interface MovePlan {
  event: (typeof INVENTORY_EVENTS)['committed' | 'released' | 'restocked'];
  /** What the move does to the levels the reservation holds (locked in variant order). */
  stock: (tx: Queryable, tenantId: string, reservationId: string) => Promise<HeldLevel[]>;
  /** Whether sellable units change, so `inventory.level_changed` is due. */
  availableChanges: boolean;
}

const PLANS: Readonly<Record<RequestedMove, MovePlan>> = {
  // on hand and reserved drop together: available does not change.
  committed: { event: INVENTORY_EVENTS.committed, stock: consumeHeldStock, availableChanges: false },
  released: { event: INVENTORY_EVENTS.released, stock: returnHeldStock, availableChanges: true },
  restocked: { event: INVENTORY_EVENTS.restocked, stock: restockHeldStock, availableChanges: true },
};

/**
 * Moves a reservation with one conditional update (only from the status the move starts from),
 * then its stock, then its events, all in the caller's transaction. When the reservation is
 * elsewhere, a repeat of a done move answers the same view; anything else is a 404 or a 409.
 */
export async function applyMove(
  ctx: TenantCtx,
  tx: Queryable,
  reservationId: string,
  wanted: RequestedMove,
): Promise<ReservationView> {
  const moved = await moveReservation(tx, ctx.tenantId, reservationId, MOVE_FROM[wanted], wanted);
  if (!moved) {
    const existing = await findReservation(tx, ctx.tenantId, reservationId);
    if (!existing) throw notFound();
    assertAlreadyDone(existing.status, wanted);
    return toView(existing, existing.items);
  }
  const plan = PLANS[wanted];
  const held = await plan.stock(tx, ctx.tenantId, reservationId);
  const lines = normalizeLines(held);
  await appendToOutbox(tx, [
    reservationEvent(ctx, plan.event, moved, lines),
    ...(plan.availableChanges ? levelChangedEvents(ctx, held) : []),
  ]);
  return toView(moved, lines);
}
