import { z } from 'zod';

export const createPaymentBody = z.strictObject({
  orderId: z.string().regex(/^ord_[0-9a-z]{26}$/, 'is not an order id'),
  amount: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as USD'),
  email: z.email().max(320).optional(),
});

export const refundBody = z.strictObject({
  amount: z.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
  reason: z.string().trim().min(1).max(500).optional(),
});

/** The public operations' schemas are the contract's (@fleet/api-contract, payments.ts). */
export { confirmBody, simulateBody } from '@fleet/api-contract';

export const orderQuery = z.strictObject({
  orderId: z.string().regex(/^ord_[0-9a-z]{26}$/, 'is not an order id'),
});

export const idempotencyKey = z.string().min(1).max(200).optional();

const PAYMENT_ID = /^pay_[0-9a-z]{26}$/;

/** Ids are attacker-supplied: a malformed one is simply not found. */
export function isPaymentId(value: unknown): value is string {
  return typeof value === 'string' && PAYMENT_ID.test(value);
}
