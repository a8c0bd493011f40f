import { AppError } from '@fleet/errors';

/**
 * What a failed Razorpay SDK call tells us, copied out of what the SDK threw. Only these fields
 * are kept: the SDK's own errors and its axios config hold the key secret (Basic auth), so nothing
 * it throws is ever attached to our errors or logs.
 */
export interface RazorpayFailure {
  /** Razorpay's HTTP status; null when no response arrived (network error, timeout). */
  status: number | null;
  code: string | null;
  description: string | null;
}

/**
 * The SDK rejects with `{statusCode, error: {code, description}}` when Razorpay answered; with no
 * response at all its `normalizeError` itself throws a TypeError (it reads `err.response.status`).
 */
export function readRazorpayFailure(err: unknown): RazorpayFailure {
  if (!isRecord(err) || typeof err.statusCode !== 'number') {
    return { status: null, code: null, description: null };
  }
  const detail = isRecord(err.error) ? err.error : {};
  return {
    status: err.statusCode,
    code: typeof detail.code === 'string' ? detail.code.slice(0, 100) : null,
    description: typeof detail.description === 'string' ? detail.description.slice(0, 300) : null,
  };
}

/**
 * One AppError per failed call, by what Razorpay said, as for Stripe: a request it refused (400:
 * an amount below its minimum, a refund over what is left) is a 422 `provider_rejected_request`
 * that retrying cannot change (a payment step rejects the order and releases its stock instead of
 * retrying until it expires); refused keys are `provider_auth_failed`, its rate limit
 * `provider_rate_limited`; no answer or a 5xx is 503 `provider_error`, worth retrying. The message
 * names the operation.
 */
export function razorpayError(operation: string, failure: RazorpayFailure, keySecret: string): AppError {
  const said = [failure.code, failure.description].filter(Boolean).join(': ');
  const detail =
    failure.status === null
      ? `Razorpay could not be reached to ${operation}.`
      : `Razorpay refused to ${operation} (HTTP ${failure.status}${said ? `, ${said}` : ''}).`;
  // Razorpay does not echo secrets, but the message is built from its words: make sure.
  const message = redact(detail, keySecret);
  const cause = { ...failure, description: failure.description && redact(failure.description, keySecret) };
  switch (failure.status) {
    case 400:
      return new AppError('business_rule', message, { code: 'provider_rejected_request', cause });
    case 401:
    case 403:
      return new AppError('unavailable', message, { code: 'provider_auth_failed', cause });
    case 429:
      return new AppError('unavailable', message, { code: 'provider_rate_limited', retryAfter: 1, cause });
    default:
      return new AppError('unavailable', message, { code: 'provider_error', cause });
  }
}

/** The HTTP status Razorpay answered with, from an error `razorpayError` made; else null. */
export function razorpayStatusOf(err: unknown): number | null {
  if (!(err instanceof AppError) || !isRecord(err.cause)) return null;
  return typeof err.cause.status === 'number' ? err.cause.status : null;
}

function redact(text: string, secret: string): string {
  return secret ? text.split(secret).join('[redacted]') : text;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
