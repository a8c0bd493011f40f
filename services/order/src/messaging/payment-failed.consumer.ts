import { PAYMENT_EVENTS, type PaymentFailed } from '@fleet/contracts';
import { z } from 'zod';
import { cancel, ignore } from '../saga/saga-step';
import type { Reaction } from './reaction';

const schema = z.object({
  paymentId: z.string(),
  orderId: z.string(),
  reason: z.string(),
  test: z.boolean().default(true),
});

/** A declined payment cancels a PENDING order: CANCEL_REQUESTED -> release -> CANCELLED. */
export const paymentFailed: Reaction<PaymentFailed> = {
  type: PAYMENT_EVENTS.failed,
  schema,
  orderIdOf: (data) => data.orderId,
  async react(unit, data) {
    await unit.recordFacts({ paymentId: data.paymentId, test: data.test });
    if (unit.order.status !== 'PENDING') return ignore;
    return cancel({ reason: 'payment_failed', stock: 'release' });
  },
};
