import { PAYMENT_EVENTS, type PaymentSucceeded } from '@fleet/contracts';
import { z } from 'zod';
import { requireRefund, startCancel } from '../saga/compensation';
import type { Reaction } from './reaction';

const schema = z.object({
  paymentId: z.string(),
  orderId: z.string(),
  amount: z.number().int(),
  currency: z.string(),
  // Events written before test mode existed were all test payments (no store could be live).
  test: z.boolean().default(true),
});

/**
 * PENDING -> PLACED (order.placed carries total and currency for usage), then the saga commits
 * the reservation. Money for an order that will not ship (cancelled, rejected, expired meanwhile)
 * is refunded; money short of the total or in another currency is refunded and the order cancelled.
 */
export const paymentSucceeded: Reaction<PaymentSucceeded> = {
  type: PAYMENT_EVENTS.succeeded,
  schema,
  orderIdOf: (data) => data.orderId,
  async apply(unit, data) {
    await unit.recordFacts({ paymentId: data.paymentId, paidAmount: data.amount, test: data.test });
    unit.mergeData({ captured: true });
    const order = unit.order;
    if (order.status !== 'PENDING') {
      if (
        order.status === 'CANCEL_REQUESTED' ||
        order.status === 'CANCELLED' ||
        order.status === 'REJECTED'
      ) {
        await requireRefund(unit);
      }
      return;
    }
    if (data.amount < order.total || data.currency !== order.currency) {
      return startCancel(unit, { reason: 'payment_mismatch', stock: 'release', refund: true });
    }
    await unit.transition('PLACED', 'payment_succeeded');
    unit.goTo('commit_inventory', 'running');
  },
};
