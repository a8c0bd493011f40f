import type { Outcome } from './saga-step';
import type { SagaUnit } from './saga-unit';

export interface PaymentSuccess {
  paymentId: string;
  amount: number;
  currency: string;
  /** Paid in test mode: the order is a test order (never revenue). */
  test: boolean;
}

/**
 * Money arrived for the order, whoever learnt it first: the `payment.succeeded` event, or the
 * unpaid-order timeout asking payment (await-payment.step). PENDING -> PLACED (order.placed
 * carries total and currency for usage), and `await_payment` is done: the orchestrator moves on.
 * Money for an order that will not ship (cancelled, rejected, expired meanwhile) is refunded;
 * money short of the total or in another currency is refunded and the order cancelled. Applying
 * it twice (the event after the timeout's answer) changes nothing: the order is no longer PENDING,
 * and a refund already planned is not planned again.
 */
export async function paymentSucceeded(unit: SagaUnit, data: PaymentSuccess): Promise<Outcome> {
  await unit.recordFacts({ paymentId: data.paymentId, paidAmount: data.amount, test: data.test });
  unit.mergeData({ captured: true });
  const order = unit.order;
  if (order.status !== 'PENDING') {
    const closing = ['CANCEL_REQUESTED', 'CANCELLED', 'REJECTED'].includes(order.status);
    return closing ? { kind: 'refund' } : { kind: 'ignore' };
  }
  if (data.amount < order.total || data.currency !== order.currency) {
    return { kind: 'cancel', plan: { reason: 'payment_mismatch', stock: 'release', refund: true } };
  }
  return {
    kind: 'done',
    step: 'await_payment',
    record: (u) => u.transition('PLACED', 'payment_succeeded'),
  };
}
