import type { Ctx } from '@fleet/context';
import type { Queryable } from '@fleet/db';
import { lockPayment, updatePaymentStatus } from '../../data-access/payment.repository';
import { markRefundFailed, markRefundSucceeded, type Refund } from '../../data-access/refund.repository';
import { emitPaymentRefunded, emitRefundFailed } from '../payments/payment-events';
import { assertTransition, statusAfterRefund } from '../payments/payment-lifecycle';
import type { EventOutcome } from '../webhooks/apply-event';

/**
 * Marks a pending refund succeeded, adds it to the payment's refunded amount, moves the payment to
 * partially_refunded or refunded and writes `payment.refunded`: all in the caller's transaction.
 * Called by the refund use case when the provider answers `succeeded`, and by the webhook
 * processor for `refund.succeeded`; whichever comes second finds it settled and changes nothing.
 */
export async function settleRefund(
  tx: Queryable,
  ctx: Ctx,
  refund: Refund,
  providerRefundId: string | null,
): Promise<EventOutcome> {
  const payment = await lockPayment(tx, refund.paymentId);
  if (!payment) throw new Error(`Refund ${refund.id} has no payment.`);
  const settled = await markRefundSucceeded(tx, refund.id, providerRefundId);
  if (!settled) return { kind: 'ignored', reason: 'refund_not_pending' };
  const refundedAmount = payment.refundedAmount + settled.amount;
  const status = statusAfterRefund(payment.amount, refundedAmount);
  assertTransition(payment.status, status); // the refund was reserved against this payment: never fails
  const updated = await updatePaymentStatus(tx, payment.id, { status, refundedAmount });
  await emitPaymentRefunded(tx, ctx, updated, settled);
  return { kind: 'applied' };
}

/**
 * Ends a pending refund `failed` with why, and writes `payment.refund_failed`, in the caller's
 * transaction. The payment is unchanged (its refunded amount never counted this refund), and the
 * refund's amount no longer counts against what may still be refunded. A refund already settled
 * changes nothing (`refund_not_pending`).
 */
export async function failRefund(
  tx: Queryable,
  ctx: Ctx,
  refund: Refund,
  reason: string,
  providerRefundId: string | null,
  attempts?: number,
): Promise<EventOutcome> {
  const payment = await lockPayment(tx, refund.paymentId);
  if (!payment) throw new Error(`Refund ${refund.id} has no payment.`);
  const failed = await markRefundFailed(tx, refund.id, reason, providerRefundId, attempts);
  if (!failed) return { kind: 'ignored', reason: 'refund_not_pending' };
  await emitRefundFailed(tx, ctx, payment, failed);
  return { kind: 'applied' };
}
