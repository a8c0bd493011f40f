import { AppError, isAppError } from '@fleet/errors';
import Stripe from 'stripe';

/**
 * Turns whatever the SDK threw into one AppError. The SDK's own message is never copied: it can
 * echo request details (an invalid key, masked or not) and it is not ours to show to callers.
 * Only Stripe's machine code and request id are kept, which is what support needs.
 */
export function stripeFailure(err: unknown, action: string): AppError {
  if (isAppError(err)) return err;
  if (!(err instanceof Stripe.errors.StripeError)) {
    return new AppError('unavailable', `Stripe could not ${action}.`, { code: 'provider_error' });
  }
  const detail = describe(err);
  switch (err.type) {
    case 'StripeCardError':
      return new AppError('business_rule', `Stripe declined to ${action}${detail}.`, {
        code: 'provider_card_declined',
      });
    case 'StripeInvalidRequestError':
      return new AppError('business_rule', `Stripe refused to ${action}${detail}.`, {
        code: 'provider_rejected_request',
      });
    case 'StripeIdempotencyError':
      return new AppError('conflict', `Stripe saw another request under the same key${detail}.`, {
        code: 'provider_idempotency_conflict',
      });
    case 'StripeAuthenticationError':
    case 'StripePermissionError':
      return new AppError('unavailable', `The Stripe account's keys were refused${detail}.`, {
        code: 'provider_auth_failed',
      });
    case 'StripeRateLimitError':
      return new AppError('unavailable', `Stripe is rate limiting this account${detail}.`, {
        code: 'provider_rate_limited',
        retryAfter: 1,
      });
    default:
      return new AppError('unavailable', `Stripe could not ${action}${detail}.`, { code: 'provider_error' });
  }
}

export const isStripeAuthenticationError = (err: unknown): boolean =>
  err instanceof Stripe.errors.StripeAuthenticationError;

/** Stripe's code, param and request id: identifiers only (anything else is dropped). */
function describe(err: InstanceType<typeof Stripe.errors.StripeError>): string {
  const code = identifier(err.code);
  const param = identifier(err.param);
  const requestId = identifier(err.requestId);
  const parts = [code, param && `param ${param}`, requestId && `request ${requestId}`].filter(Boolean);
  return parts.length ? ` (${parts.join(', ')})` : '';
}

/** Anything shaped like a key (`sk_`, `rk_`, `whsec_`) is dropped even if Stripe sent it as a code. */
const identifier = (value: string | undefined): string | undefined =>
  value !== undefined && /^[\w.[\]-]{1,100}$/.test(value) && !/^(sk|rk|whsec)_/.test(value)
    ? value
    : undefined;
