import type { Request } from 'express';
import { AppError } from '@fleet/errors';

/** The public operation's schemas are the contract's (@fleet/api-contract, shopping.ts). */
export { checkoutBody, shippingAddress } from '@fleet/api-contract';

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
