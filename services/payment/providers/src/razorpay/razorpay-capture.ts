import { AppError } from '@fleet/errors';
import type { ProviderCaptureInput } from '../provider';
import type { RazorpayApi } from './razorpay-client';
import { orderPayments, type RazorpayPayment } from './razorpay-order-payments';

/**
 * Captures an authorised payment (accounts with auto-capture off). Razorpay captures the whole
 * authorised amount, once; when the capture is refused because auto-capture or a concurrent
 * confirmation got there first, the payment read back says so and that is a success too.
 */
export async function captureAuthorized(
  rzp: RazorpayApi,
  payment: RazorpayPayment,
): Promise<RazorpayPayment> {
  try {
    return await rzp.call('capture the payment', (sdk) =>
      sdk.payments.capture(payment.id, payment.amount, payment.currency),
    );
  } catch (err) {
    const now = await rzp.call('fetch the payment', (sdk) => sdk.payments.fetch(payment.id));
    if (now.captured) return now;
    throw err;
  }
}

/** `PaymentProvider.capture`: the order's authorised payment, for exactly the amount authorised. */
export async function captureRazorpayOrder(
  rzp: RazorpayApi,
  input: ProviderCaptureInput,
): Promise<{ status: 'succeeded' }> {
  const payments = await orderPayments(rzp, input.providerPaymentId);
  if (payments.some((p) => p.captured)) return { status: 'succeeded' };
  const authorized = payments.find((p) => p.status === 'authorized');
  if (!authorized) {
    throw new AppError('business_rule', 'Razorpay has no authorised payment for this order.', {
      code: 'payment_not_authorized',
    });
  }
  if (Number(authorized.amount) !== input.amount) {
    throw new AppError('business_rule', 'Razorpay captures exactly the amount authorised.', {
      code: 'capture_amount_mismatch',
    });
  }
  await captureAuthorized(rzp, authorized);
  return { status: 'succeeded' };
}
