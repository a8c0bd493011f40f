import { AppError, type FieldError } from '@fleet/errors';

export const cartNotFound = (): AppError =>
  new AppError('not_found', 'No such cart.', { code: 'cart_not_found' });

export const cartInvalid = (errors: FieldError[]): AppError =>
  new AppError('business_rule', 'This cart cannot be checked out as it is.', {
    code: 'cart_invalid',
    errors,
  });

export const keyReused = (): AppError =>
  new AppError('conflict', 'This Idempotency-Key was already used with another request body.', {
    code: 'idempotency_key_reused',
  });

export const keyInProgress = (): AppError =>
  new AppError('conflict', 'A checkout with this Idempotency-Key is still running; retry shortly.', {
    code: 'idempotency_in_progress',
    retryAfter: 1,
  });
