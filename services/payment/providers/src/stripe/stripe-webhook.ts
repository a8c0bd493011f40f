import type { IncomingHttpHeaders } from 'node:http';
import Stripe from 'stripe';

/**
 * Stripe's webhook signature, checked by the SDK itself (`Stripe-Signature: t=…,v1=…`, HMAC-SHA256
 * over `t.rawBody`) so the scheme stays whatever Stripe says it is. Only the failure reasons are
 * ours: short machine words for the one `warn` line a refused webhook leaves.
 */
export const STRIPE_SIGNATURE_HEADER = 'stripe-signature';
export const STRIPE_SIGNATURE_TOLERANCE_SECONDS = 300;

export type StripeSignatureCheck = { ok: true; payload: unknown } | { ok: false; reason: string };

export function checkStripeSignature(
  rawBody: Buffer,
  headers: IncomingHttpHeaders,
  secret: string,
  now = Date.now(),
): StripeSignatureCheck {
  const header = headers[STRIPE_SIGNATURE_HEADER];
  if (header === undefined || header === '') return { ok: false, reason: 'missing_signature' };
  if (typeof header !== 'string' || header.length > 4096) return { ok: false, reason: 'malformed_signature' };
  try {
    const payload: unknown = Stripe.webhooks.constructEvent(
      rawBody,
      header,
      secret,
      STRIPE_SIGNATURE_TOLERANCE_SECONDS,
      undefined,
      now,
    );
    return { ok: true, payload };
  } catch (err) {
    if (!(err instanceof Stripe.errors.StripeSignatureVerificationError)) {
      // The signature held but the body is not JSON (or is a thin v2 notification).
      return { ok: false, reason: 'malformed_event' };
    }
    return {
      ok: false,
      reason: signedOutsideTolerance(rawBody, header, secret)
        ? 'timestamp_outside_tolerance'
        : 'bad_signature',
    };
  }
}

/**
 * Whether the only thing wrong is the age: the SDK says both with one error type, so the header
 * is checked again with the time check off (tolerance 0), which is only done for a refused one.
 */
function signedOutsideTolerance(rawBody: Buffer, header: string, secret: string): boolean {
  try {
    return Stripe.webhooks.signature?.verifyHeader(rawBody, header, secret, 0) === true;
  } catch {
    return false;
  }
}
