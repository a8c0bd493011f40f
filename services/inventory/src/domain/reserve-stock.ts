import type { TenantCtx } from '@fleet/context';
import { INVENTORY_EVENTS, type OutOfStockDetail, type ReservationView } from '@fleet/contracts';
import { appendToOutbox } from '@fleet/messaging';
import type { LevelRow } from '../data-access/level-columns';
import { insertItems, insertReservation } from '../data-access/reservation.repository';
import { reserveUnits } from '../data-access/stock-level.repository';
import { existingReservationFor } from './existing-reservation';
import type { InventoryDeps } from './inventory-deps';
import { levelChangedEvents, reservationEvent } from './inventory-events';
import { normalizeLines, toView, type ReservationLine } from './reservation';
import { shortagesOf } from './shortages';

export interface ReserveInput {
  reservationId: string;
  items: ReservationLine[];
  expiresAt: string;
}

export type ReserveOutcome =
  | { ok: true; created: boolean; reservation: ReservationView }
  | { ok: false; code: 'out_of_stock'; details: OutOfStockDetail[] };

/** Thrown inside the transaction to roll every line back; never leaves this file. */
class ShortLine extends Error {
  constructor(readonly variantId: string) {
    super(`short of ${variantId}`);
  }
}

/**
 * All or nothing, in one transaction: claim the reservation id (the primary key makes a repeat,
 * even a concurrent one, find the first), then one conditional update per line in variant order;
 * a short line rolls everything back and the answer lists what is short.
 */
export async function reserveStock(
  ctx: TenantCtx,
  deps: InventoryDeps,
  input: ReserveInput,
): Promise<ReserveOutcome> {
  const lines = normalizeLines(input.items);
  try {
    return await deps.db.withTenant(ctx, async (tx) => {
      const claimed = await insertReservation(tx, ctx.tenantId, input.reservationId, input.expiresAt);
      if (!claimed) {
        const reservation = await existingReservationFor(tx, ctx.tenantId, input.reservationId, lines);
        return { ok: true, created: false, reservation };
      }
      const levels: LevelRow[] = [];
      for (const line of lines) {
        const level = await reserveUnits(tx, ctx.tenantId, line.variantId, line.quantity);
        if (!level) throw new ShortLine(line.variantId);
        levels.push(level);
      }
      await insertItems(
        tx,
        ctx.tenantId,
        claimed.id,
        levels.map((level, i) => ({ ...level, quantity: (lines[i] as ReservationLine).quantity })),
      );
      await appendToOutbox(tx, [
        reservationEvent(ctx, INVENTORY_EVENTS.reserved, claimed, lines),
        ...levelChangedEvents(ctx, levels),
      ]);
      return { ok: true, created: true, reservation: toView(claimed, lines) };
    });
  } catch (err) {
    if (!(err instanceof ShortLine)) throw err;
    return { ok: false, code: 'out_of_stock', details: await shortagesOf(ctx, deps, lines, err.variantId) };
  }
}
