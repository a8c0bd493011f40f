import type { ReturnStatus } from '@fleet/contracts';
import { RETURN_EVENTS } from '@fleet/contracts';
import { transitionGuard } from '@fleet/errors';

/** A return's lifecycle as data: asked, decided, the parcel received, the money back. */
export const RETURN_TRANSITIONS: Readonly<Record<ReturnStatus, readonly ReturnStatus[]>> = {
  REQUESTED: ['ACCEPTED', 'REJECTED'],
  ACCEPTED: ['RECEIVED'],
  RECEIVED: ['REFUNDED'],
  REJECTED: [],
  REFUNDED: [],
};

export const RETURN_STATUS_EVENTS: Readonly<Record<ReturnStatus, string>> = {
  REQUESTED: RETURN_EVENTS.requested,
  ACCEPTED: RETURN_EVENTS.accepted,
  REJECTED: RETURN_EVENTS.rejected,
  RECEIVED: RETURN_EVENTS.received,
  REFUNDED: RETURN_EVENTS.refunded,
};

export const { assertTransition: assertReturnTransition } = transitionGuard(RETURN_TRANSITIONS, {
  subject: 'A return',
  code: 'invalid_return_transition',
});
