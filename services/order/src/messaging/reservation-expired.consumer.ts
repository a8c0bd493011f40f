import { INVENTORY_EVENTS, type ReservationEvent } from '@fleet/contracts';
import { z } from 'zod';
import { cancel, ignore } from '../saga/saga-step';
import type { Reaction } from './reaction';

const schema = z.object({
  reservationId: z.string(),
  items: z.array(z.object({ variantId: z.string(), quantity: z.number() })),
});

/**
 * Inventory released an uncommitted reservation on its own: the order cannot ship. PENDING (or
 * PLACED before the commit landed) -> CANCEL_REQUESTED -> CANCELLED; the stock is already back;
 * captured money is refunded, and a payment that succeeds later is refunded too.
 */
export const reservationExpired: Reaction<ReservationEvent> = {
  type: INVENTORY_EVENTS.expired,
  schema,
  orderIdOf: (data) => data.reservationId,
  async react(unit) {
    const { status } = unit.order;
    if (status === 'PENDING' || (status === 'PLACED' && !unit.data.committed)) {
      return cancel({ reason: 'reservation_expired', stock: 'none' });
    }
    return ignore;
  },
};
