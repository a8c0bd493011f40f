import type { ReservationStatus, ReservationView } from '@fleet/contracts';
import type { Queryable } from '@fleet/db';
import { AppError } from '@fleet/errors';
import { findReservation } from '../data-access/reservation.repository';
import { sameLines, toView, type ReservationLine } from './reservation';

/** A repeated reserve gets the first reservation only while it is active or sold. */
const REPEATABLE: readonly ReservationStatus[] = ['reserved', 'committed'];

/**
 * A reserve whose id is taken: the same request again gets the first reservation. A released id
 * (including the tombstone of a release that came first), an expired or a restocked one is a 409
 * `reservation_<status>`, as is the same id with other lines (`reservation_mismatch`).
 */
export async function existingReservationFor(
  tx: Queryable,
  tenantId: string,
  id: string,
  lines: readonly ReservationLine[],
): Promise<ReservationView> {
  const existing = await findReservation(tx, tenantId, id);
  if (!existing) throw new Error(`Reservation ${id} conflicted but cannot be read.`);
  if (!REPEATABLE.includes(existing.status)) {
    throw new AppError('conflict', `This reservation is ${existing.status}; it cannot be reserved again.`, {
      code: `reservation_${existing.status}`,
    });
  }
  if (!sameLines(existing.items, lines)) {
    throw new AppError('conflict', 'A reservation with this id exists with other items.', {
      code: 'reservation_mismatch',
    });
  }
  return toView(existing, existing.items);
}
