import type { ReservationStatus, ReservationView } from '@fleet/contracts';
import { AppError, transitionGuard } from '@fleet/errors';
import type { ReservationRow } from '../data-access/reservation.repository';

export interface ReservationLine {
  variantId: string;
  quantity: number;
}

/** The reservation lifecycle: every move happens once, from exactly one status. */
export const RESERVATION_TRANSITIONS: Readonly<Record<ReservationStatus, readonly ReservationStatus[]>> = {
  reserved: ['committed', 'released', 'expired'],
  committed: ['restocked'],
  released: [],
  expired: [],
  restocked: [],
};

export const { canTransition } = transitionGuard(RESERVATION_TRANSITIONS, {
  subject: 'A reservation',
  code: 'invalid_reservation_transition',
});

export type RequestedMove = 'committed' | 'released' | 'restocked';

/** The status each requested move starts from. */
export const MOVE_FROM: Readonly<Record<RequestedMove, ReservationStatus>> = {
  committed: 'reserved',
  released: 'reserved',
  restocked: 'committed',
};

/** Statuses that answer a move as already done: idempotent repeats, or nothing left to undo. */
const ALREADY_DONE: Readonly<Record<RequestedMove, readonly ReservationStatus[]>> = {
  committed: ['committed'],
  released: ['released', 'expired'],
  restocked: ['restocked'],
};

const REFUSALS: Readonly<Record<RequestedMove, { code: string; detail: string }>> = {
  committed: { code: 'reservation_not_active', detail: 'it can no longer be committed' },
  released: {
    code: 'reservation_committed',
    detail: 'its units were sold, so they are restocked, not released',
  },
  restocked: { code: 'reservation_not_committed', detail: 'only a committed reservation is restocked' },
};

/**
 * What a move answers when its conditional update found the reservation elsewhere: the same
 * view when the move is already done (a repeat), a 409 naming why otherwise.
 */
export function assertAlreadyDone(current: ReservationStatus, wanted: RequestedMove): void {
  if (ALREADY_DONE[wanted].includes(current)) return;
  const refusal = REFUSALS[wanted];
  throw new AppError('conflict', `The reservation is ${current}: ${refusal.detail}.`, { code: refusal.code });
}

/** Lines merged per variant and sorted by variant id: the order every lock is taken in. */
export function normalizeLines(lines: readonly ReservationLine[]): ReservationLine[] {
  const merged = new Map<string, number>();
  for (const line of lines) merged.set(line.variantId, (merged.get(line.variantId) ?? 0) + line.quantity);
  return [...merged]
    .map(([variantId, quantity]) => ({ variantId, quantity }))
    .sort((a, b) => (a.variantId < b.variantId ? -1 : a.variantId > b.variantId ? 1 : 0));
}

export function sameLines(a: readonly ReservationLine[], b: readonly ReservationLine[]): boolean {
  return (
    a.length === b.length &&
    a.every((line, i) => line.variantId === b[i]?.variantId && line.quantity === b[i]?.quantity)
  );
}

export function toView(row: ReservationRow, items: readonly ReservationLine[]): ReservationView {
  return {
    reservationId: row.id,
    status: row.status,
    expiresAt: row.expiresAt.toISOString(),
    items: items.map(({ variantId, quantity }) => ({ variantId, quantity })),
  };
}

export function notFound(): AppError {
  return new AppError('not_found', 'No reservation has this id.', { code: 'reservation_not_found' });
}
