import type { PaymentView } from '@fleet/contracts';
import type { Payment } from '../data-access/payment.repository';
import type { Refund, RefundStatus } from '../data-access/refund.repository';

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
  };
}

/** What `POST /internal/payments/{id}/refunds` answers (a candidate for @fleet/contracts). */
export interface RefundView {
  refundId: string;
  paymentId: string;
  amount: number;
  currency: string;
  status: RefundStatus;
  reason: string | null;
  createdAt: string;
}

export function toRefundView(r: Refund): RefundView {
  return {
    refundId: r.id,
    paymentId: r.paymentId,
    amount: r.amount,
    currency: r.currency,
    status: r.status,
    reason: r.reason,
    createdAt: r.createdAt.toISOString(),
  };
}
