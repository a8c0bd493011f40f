import { PAYMENT_EVENTS, type PaymentRefunded } from '@fleet/contracts';
import { z } from 'zod';
import { ignore, plan } from '../saga/saga-step';
import type { Reaction } from './reaction';

const schema = z.object({
  paymentId: z.string(),
  orderId: z.string(),
  refundId: z.string(),
  amount: z.number().int(),
  refundedAmount: z.number().int(),
  currency: z.string(),
  fullyRefunded: z.boolean(),
  test: z.boolean().default(true),
});

/** Records how much went back; for a cancel or a rejection it is the refund's confirmation. */
export const paymentRefunded: Reaction<PaymentRefunded> = {
  type: PAYMENT_EVENTS.refunded,
  schema,
  orderIdOf: (data) => data.orderId,
  async react(unit, data) {
    await unit.recordFacts({ refundedAmount: data.refundedAmount });
    const c = unit.data.compensation;
    const captured = unit.order.paidAmount ?? unit.order.total;
    if (c?.refund && !c.refundDone && (data.fullyRefunded || data.refundedAmount >= captured)) {
      return plan({ refundRequested: true, refundDone: true });
    }
    return ignore;
  },
};
