import { PAYMENT_EVENTS, type PaymentSucceeded } from '@fleet/contracts';
import { z } from 'zod';
import { applyPaymentSuccess } from '../saga/payment-success';
import type { Reaction } from './reaction';

const schema = z.object({
  paymentId: z.string(),
  orderId: z.string(),
  amount: z.number().int(),
  currency: z.string(),
  // Events written before test mode existed were all test payments (no store could be live).
  test: z.boolean().default(true),
});

/** The money arrived: see `applyPaymentSuccess` (the unpaid timeout may have applied it first). */
export const paymentSucceeded: Reaction<PaymentSucceeded> = {
  type: PAYMENT_EVENTS.succeeded,
  schema,
  orderIdOf: (data) => data.orderId,
  apply: (unit, data) => applyPaymentSuccess(unit, data),
};
