import type { PaymentStatus } from '@fleet/contracts';
import { transitionGuard } from '@fleet/errors';

/**
 * The payment lifecycle as data: the statuses a payment may move to from each status. Anything
 * else (a duplicate, or an event that arrives out of order) is an illegal transition.
 */
export const PAYMENT_TRANSITIONS: Readonly<Record<PaymentStatus, readonly PaymentStatus[]>> = {
  pending: ['succeeded', 'failed'],
  succeeded: ['partially_refunded', 'refunded'],
  partially_refunded: ['partially_refunded', 'refunded'],
  failed: [],
  refunded: [],
};

/** Statuses money can be refunded from. */
export const REFUNDABLE: readonly PaymentStatus[] = ['succeeded', 'partially_refunded'];

export const { canTransition, assertTransition } = transitionGuard(PAYMENT_TRANSITIONS, {
  subject: 'A payment',
  code: 'illegal_payment_transition',
});

/** The status after refunds totalling `refundedAmount` of a payment of `amount`. */
export function statusAfterRefund(amount: number, refundedAmount: number): PaymentStatus {
  return refundedAmount >= amount ? 'refunded' : 'partially_refunded';
}
