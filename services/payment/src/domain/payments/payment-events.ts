import type { Ctx } from '@fleet/context';
import {
  PAYMENT_EVENTS,
  type PaymentFailed,
  type PaymentRefunded,
  type PaymentRefundFailed,
  type PaymentSucceeded,
} from '@fleet/contracts';
import type { Queryable } from '@fleet/db';
import { appendToOutbox, createEnvelope } from '@fleet/messaging';
import type { Payment } from '../../data-access/payment.repository';
import type { Refund } from '../../data-access/refund.repository';

/**
 * Payment's events, written to the outbox in the transaction that changed the payment. They carry
 * the payment's version (consumers drop stale ones). The correlation id is the request's; for a
 * provider's webhook (no request chain) it is the one of the request that created the payment, so
 * the order saga's trace continues through the provider.
 */
function emit<T>(tx: Queryable, ctx: Ctx, payment: Payment, type: string, data: T): Promise<void> {
  const chain: Ctx = { ...ctx, correlationId: ctx.correlationId ?? payment.correlationId ?? undefined };
  return appendToOutbox(
    tx,
    createEnvelope(chain, { type, aggregateId: payment.id, version: payment.version, data }),
  );
}

export function emitPaymentSucceeded(tx: Queryable, ctx: Ctx, p: Payment): Promise<void> {
  return emit<PaymentSucceeded>(tx, ctx, p, PAYMENT_EVENTS.succeeded, {
    paymentId: p.id,
    orderId: p.orderId,
    amount: p.amount,
    currency: p.currency,
    test: p.test,
  });
}

export function emitPaymentFailed(tx: Queryable, ctx: Ctx, p: Payment): Promise<void> {
  return emit<PaymentFailed>(tx, ctx, p, PAYMENT_EVENTS.failed, {
    paymentId: p.id,
    orderId: p.orderId,
    reason: p.failureReason ?? 'payment_failed',
    test: p.test,
  });
}

export function emitPaymentRefunded(tx: Queryable, ctx: Ctx, p: Payment, refund: Refund): Promise<void> {
  return emit<PaymentRefunded>(tx, ctx, p, PAYMENT_EVENTS.refunded, {
    paymentId: p.id,
    orderId: p.orderId,
    refundId: refund.id,
    amount: refund.amount,
    refundedAmount: p.refundedAmount,
    currency: p.currency,
    fullyRefunded: p.status === 'refunded',
    test: p.test,
  });
}

export function emitRefundFailed(tx: Queryable, ctx: Ctx, p: Payment, refund: Refund): Promise<void> {
  return emit<PaymentRefundFailed>(tx, ctx, p, PAYMENT_EVENTS.refundFailed, {
    paymentId: p.id,
    orderId: p.orderId,
    refundId: refund.id,
    amount: refund.amount,
    currency: refund.currency,
    reason: refund.failureReason ?? 'refund_failed',
    test: p.test,
  });
}
