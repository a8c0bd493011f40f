import { z } from 'zod';
import type { ConfirmOutcome, ProviderConfirmInput, ProviderEvent } from '../provider';
import { captureAuthorized } from './razorpay-capture';
import type { RazorpayApi } from './razorpay-client';
import type { RazorpayPayment } from './razorpay-order-payments';
import { checkoutPayload, razorpayHmac, sameSignature } from './razorpay-signature';

/** What Razorpay Checkout hands the storefront's success handler. */
const checkoutResult = z.object({
  razorpay_order_id: z.string().min(1).max(100),
  razorpay_payment_id: z.string().min(1).max(100),
  razorpay_signature: z.string().min(1).max(200),
});

/**
 * The storefront's report that the shopper paid, vouched for twice: Checkout's signature
 * (HMAC-SHA256 of `order_id|payment_id` with the key secret, so only Razorpay could have made it)
 * and a read of the payment from the API. An authorised payment (auto-capture off) is captured
 * here. The outcome is the event a webhook would bring, with an id of its own
 * (`confirm_<payment id>`), applied the same way; whichever of the two comes second changes nothing.
 */
export async function confirmRazorpayPayment(
  rzp: RazorpayApi,
  input: ProviderConfirmInput,
): Promise<ConfirmOutcome> {
  const parsed = checkoutResult.safeParse(input.params);
  if (!parsed.success) return { ok: false, reason: 'malformed_confirmation' };
  const {
    razorpay_order_id: orderId,
    razorpay_payment_id: paymentId,
    razorpay_signature: signature,
  } = parsed.data;
  if (orderId !== input.providerPaymentId) return { ok: false, reason: 'order_mismatch' };
  const expected = razorpayHmac(rzp.keys.keySecret, checkoutPayload(orderId, paymentId));
  if (!sameSignature(signature, expected)) return { ok: false, reason: 'bad_signature' };
  let payment = await rzp.call('fetch the payment', (sdk) => sdk.payments.fetch(paymentId));
  if (payment.order_id !== orderId) return { ok: false, reason: 'order_mismatch' };
  if (payment.status === 'authorized') payment = await captureAuthorized(rzp, payment);
  return { ok: true, event: confirmedEvent(orderId, payment) };
}

/** Captured (or since refunded) → succeeded; failed → failed; still in flight → null. */
function confirmedEvent(orderId: string, payment: RazorpayPayment): ProviderEvent | null {
  const eventId = `confirm_${payment.id}`;
  if (payment.captured) {
    return { eventId, type: 'payment.succeeded', providerPaymentId: orderId, amount: Number(payment.amount) };
  }
  if (payment.status === 'failed') {
    const reason = [payment.error_code, payment.error_reason].filter(Boolean).join('/') || 'payment_failed';
    return { eventId, type: 'payment.attempt_failed', providerPaymentId: orderId, reason };
  }
  return null;
}
