import { AppError } from './app-error';

/** A lifecycle as data: for each status, the statuses it may move to (nothing else is allowed). */
export type TransitionTable<S extends string> = Readonly<Record<S, readonly S[]>>;

export interface TransitionGuard<S extends string> {
  canTransition(from: S, to: S): boolean;
  /** Throws 409 `code` for a move the table does not allow. */
  assertTransition(from: S, to: S): void;
}

/**
 * The pure guards of one transition table (order, payment, reservation): `subject` names the
 * thing in the message ("An order cannot go from PLACED to PENDING."), `code` the refusal.
 */
export function transitionGuard<S extends string>(
  table: TransitionTable<S>,
  refusal: { subject: string; code: string },
): TransitionGuard<S> {
  const canTransition = (from: S, to: S): boolean => table[from].includes(to);
  return {
    canTransition,
    assertTransition(from, to) {
      if (!canTransition(from, to)) {
        throw new AppError('conflict', `${refusal.subject} cannot go from ${from} to ${to}.`, {
          code: refusal.code,
        });
      }
    },
  };
}
