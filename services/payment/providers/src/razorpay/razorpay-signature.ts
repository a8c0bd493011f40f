import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Razorpay's two HMAC-SHA256 signatures, both hex: a webhook's `x-razorpay-signature` over the raw
 * body with the webhook secret, and Checkout's `razorpay_signature` over `order_id|payment_id`
 * with the key secret. The SDK's own validators compare with `===` (timing leaks), so we compare
 * here, in constant time.
 */
export const RAZORPAY_SIGNATURE_HEADER = 'x-razorpay-signature';
export const RAZORPAY_EVENT_ID_HEADER = 'x-razorpay-event-id';

export function razorpayHmac(secret: string, payload: string | Buffer): string {
  return createHmac('sha256', secret).update(payload).digest('hex');
}

export function checkoutPayload(orderId: string, paymentId: string): string {
  return `${orderId}|${paymentId}`;
}

/**
 * True when `given` is exactly the expected hex digest. Buffers of different lengths are refused
 * before `timingSafeEqual` (which throws on them); the length of a digest is public anyway.
 */
export function sameSignature(given: unknown, expectedHex: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given.trim().toLowerCase(), 'utf8');
  const b = Buffer.from(expectedHex, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}
