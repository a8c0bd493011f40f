import type { Ctx } from '@fleet/context';
import { INVENTORY_EVENTS, type LevelChanged, type ReservationEvent } from '@fleet/contracts';
import { createEnvelope, type EventEnvelope } from '@fleet/messaging';
import type { LevelRow } from '../data-access/level-columns';
import type { ReservationRow } from '../data-access/reservation.repository';
import type { ReservationLine } from './reservation';

type ReservationEventType = Exclude<
  (typeof INVENTORY_EVENTS)[keyof typeof INVENTORY_EVENTS],
  typeof INVENTORY_EVENTS.levelChanged
>;

/** Sellable units: none once the product is archived. */
export const availableOf = (level: Pick<LevelRow, 'onHand' | 'reserved' | 'archived'>): number =>
  level.archived ? 0 : level.onHand - level.reserved;

/** A reservation's event; its aggregate is the reservation, versioned by its row. */
export function reservationEvent(
  ctx: Ctx,
  type: ReservationEventType,
  reservation: ReservationRow,
  items: readonly ReservationLine[],
): EventEnvelope<ReservationEvent> {
  return createEnvelope<ReservationEvent>(ctx, {
    type,
    aggregateId: reservation.id,
    version: reservation.version,
    data: {
      reservationId: reservation.id,
      items: items.map(({ variantId, quantity }) => ({ variantId, quantity })),
    },
  });
}

/**
 * One `inventory.level_changed` per level whose row was just updated (and so locked): the
 * aggregate is the variant, the version its row's, so consumers drop stale ones.
 */
export function levelChangedEvents(
  ctx: Ctx,
  levels: readonly LevelRow[],
): Array<EventEnvelope<LevelChanged>> {
  return levels.map((level) =>
    createEnvelope<LevelChanged>(ctx, {
      type: INVENTORY_EVENTS.levelChanged,
      aggregateId: level.variantId,
      version: level.version,
      data: { variantId: level.variantId, productId: level.productId, available: availableOf(level) },
    }),
  );
}
