import type { Ctx } from '@fleet/context';
import type { Queryable } from '@fleet/db';
import type { Logger } from '@fleet/logger';
import type { ProviderEvent, ProviderName } from '@fleet/payment-providers';
import {
  findPayment,
  lockPaymentByProviderRef,
  updatePaymentStatus,
} from '../../data-access/payment.repository';
import { findRefund } from '../../data-access/refund.repository';
import { emitPaymentFailed, emitPaymentSucceeded } from '../payments/payment-events';
import { canTransition } from '../payments/payment-lifecycle';
import { failRefund, settleRefund } from '../refunds/settle-refund';

/** What applying a provider event did: an expected result, never an exception. */
export type EventOutcome =
  | { kind: 'applied' }
  /** Recorded and never retried: a duplicate, an out-of-order event, or one that does not fit. */
  | { kind: 'ignored'; reason: string }
  /** Not applicable yet (its payment is not visible yet): retried later with backoff. */
  | { kind: 'retry'; reason: string };

/** Applies one verified provider event to its payment, in the caller's tenant transaction. */
export async function applyProviderEvent(
  tx: Queryable,
  ctx: Ctx,
  logger: Logger,
  provider: ProviderName,
  event: ProviderEvent,
): Promise<EventOutcome> {
  if (event.type === 'refund.succeeded' || event.type === 'refund.failed') {
    return applyRefundOutcome(tx, ctx, logger, provider, event);
  }
  const payment = await lockPaymentByProviderRef(tx, provider, event.providerPaymentId);
  // It may arrive before the transaction that recorded the provider's payment id commits.
  if (!payment) return { kind: 'retry', reason: 'payment_not_found' };
  if (event.type === 'payment.attempt_failed') {
    // The shopper may try again: remember why, keep waiting (no event, the order is unchanged).
    if (payment.status !== 'pending')
      return { kind: 'ignored', reason: `attempt_failed_when_${payment.status}` };
    await updatePaymentStatus(tx, payment.id, {
      status: 'pending',
      failureReason: event.reason ?? 'payment_attempt_failed',
    });
    return { kind: 'applied' };
  }
  const to = event.type === 'payment.succeeded' ? 'succeeded' : 'failed';
  if (!canTransition(payment.status, to)) {
    return { kind: 'ignored', reason: `illegal_transition:${payment.status}->${to}` };
  }
  if (to === 'succeeded' && event.amount !== undefined && event.amount !== payment.amount) {
    logger.error(
      { paymentId: payment.id, expected: payment.amount, received: event.amount },
      'provider reports a payment of another amount; not applied',
    );
    return { kind: 'ignored', reason: 'amount_mismatch' };
  }
  const updated = await updatePaymentStatus(
    tx,
    payment.id,
    to === 'succeeded' ? { status: to } : { status: to, failureReason: event.reason ?? 'payment_failed' },
  );
  await (to === 'succeeded' ? emitPaymentSucceeded(tx, ctx, updated) : emitPaymentFailed(tx, ctx, updated));
  return { kind: 'applied' };
}

async function applyRefundOutcome(
  tx: Queryable,
  ctx: Ctx,
  logger: Logger,
  provider: ProviderName,
  event: ProviderEvent,
): Promise<EventOutcome> {
  // Refunds made outside Fleet (a provider's dashboard) carry none of our ids: not supported yet.
  if (!event.refundId) return { kind: 'ignored', reason: 'external_refund_not_supported' };
  const refund = await findRefund(tx, event.refundId);
  if (!refund) return { kind: 'retry', reason: 'refund_not_found' };
  const payment = await findPayment(tx, refund.paymentId);
  if (payment?.provider !== provider || payment.providerPaymentId !== event.providerPaymentId) {
    return { kind: 'ignored', reason: 'refund_payment_mismatch' };
  }
  if (event.type === 'refund.succeeded') return settleRefund(tx, ctx, refund, null);
  if (refund.status === 'succeeded') {
    // A refund can fail after the provider reported it succeeded (Stripe: a closed card account).
    // The money did not go back; undoing a settled refund is not automated: an operator's call.
    logger.error(
      { refundId: refund.id, paymentId: refund.paymentId },
      'a settled refund failed at the provider',
    );
    return { kind: 'ignored', reason: 'refund_failed_after_success' };
  }
  return failRefund(tx, ctx, refund, event.reason ?? 'refund_failed', null);
}
