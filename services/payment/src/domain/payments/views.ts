import type { PaymentView, RefundView } from '@fleet/contracts';
import type { Payment } from '../../data-access/payment.repository';
import type { Refund } from '../../data-access/refund.repository';

export function toPaymentView(p: Payment): PaymentView {
  return {
    paymentId: p.id,
    orderId: p.orderId,
    provider: p.provider,
    status: p.status,
    amount: p.amount,
    refundedAmount: p.refundedAmount,
    currency: p.currency,
    clientParams: p.clientParams,
    test: p.test,
  };
}

export type { RefundView };

export function toRefundView(r: Refund): RefundView {
  return {
    refundId: r.id,
    paymentId: r.paymentId,
    amount: r.amount,
    currency: r.currency,
    status: r.status,
    reason: r.reason,
    failureReason: r.failureReason,
    attempts: r.attempts,
    createdAt: r.createdAt.toISOString(),
  };
}
