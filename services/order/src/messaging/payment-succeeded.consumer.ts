import { PAYMENT_EVENTS, type PaymentSucceeded } from '@fleet/contracts';
import { z } from 'zod';
import { paymentSucceeded as succeeded } from '../saga/payment-success';
import type { Reaction } from './reaction';

const schema = z.object({
  paymentId: z.string(),
  orderId: z.string(),
  amount: z.number().int(),
  currency: z.string(),
  // Events written before test mode existed were all test payments (no store could be live).
  test: z.boolean().default(true),
});

/** The money arrived: see `paymentSucceeded` (the unpaid timeout may have applied it first). */
export const paymentSucceeded: Reaction<PaymentSucceeded> = {
  type: PAYMENT_EVENTS.succeeded,
  schema,
  orderIdOf: (data) => data.orderId,
  react: (unit, data) => succeeded(unit, data),
};
