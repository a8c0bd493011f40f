import type { Request } from 'express';
import { AppError } from '@fleet/errors';
import { z } from 'zod';

const text = (max: number) => z.string().trim().min(1, 'is required').max(max);
const optionalText = (max: number) => z.string().trim().max(max).optional();

/** Same limits as order's CreateOrderRequest schema, so order never refuses what passes here. */
export const shippingAddress = z.strictObject({
  name: text(200),
  line1: text(300),
  line2: optionalText(300),
  city: text(100),
  region: optionalText(100),
  postalCode: text(20),
  country: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as US'),
  phone: z
    .string()
    .trim()
    .max(40)
    .regex(/^\+?[0-9 ()./-]{3,}$/, 'must be a phone number')
    .optional(),
});

export const checkoutBody = z.strictObject({
  cartId: z.string().regex(/^cart_[A-Za-z0-9_-]{22}$/, 'is not a cart id'),
  email: z.email('must be an e-mail address').max(320),
  shippingAddress,
});

const KEY = /^[\x21-\x7e]{1,255}$/;

/** The Idempotency-Key header: required, 1-255 visible ASCII characters (a UUID is typical). */
export function idempotencyKeyOf(req: Request): string {
  const value = req.header('idempotency-key');
  if (value === undefined || value === '') {
    throw new AppError('validation', 'Checkout needs an Idempotency-Key header (a fresh UUID per attempt).', {
      code: 'idempotency_key_required',
      errors: [{ path: 'Idempotency-Key', message: 'is required' }],
    });
  }
  if (!KEY.test(value)) {
    throw new AppError('validation', 'The Idempotency-Key header is invalid.', {
      code: 'validation_failed',
      errors: [{ path: 'Idempotency-Key', message: 'must be 1-255 visible ASCII characters' }],
    });
  }
  return value;
}
