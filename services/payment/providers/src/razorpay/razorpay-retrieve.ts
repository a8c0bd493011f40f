import type { ProviderPaymentState, ProviderRetrieveInput } from '../provider';
import { captureAuthorized } from './razorpay-capture';
import type { RazorpayApi } from './razorpay-client';
import { orderPayments } from './razorpay-order-payments';

/**
 * The Razorpay order's state from its payments: one captured (or authorised, which is captured
 * here, as the storefront's confirmation does) is a success, with the confirmation's event id
 * (`confirm_<payment id>`) so the confirmation, this read and the webhook apply it once between
 * them; one still `created` is in flight; failed attempts only (or none) are unpaid.
 */
export async function retrieveRazorpayPayment(
  rzp: RazorpayApi,
  input: ProviderRetrieveInput,
): Promise<ProviderPaymentState> {
  const orderId = input.providerPaymentId;
  const payments = await orderPayments(rzp, orderId);
  let paid = payments.find((p) => p.captured);
  const authorized = payments.find((p) => p.status === 'authorized');
  if (!paid && authorized) paid = await captureAuthorized(rzp, authorized);
  if (paid?.captured) {
    return {
      status: 'succeeded',
      event: {
        eventId: `confirm_${paid.id}`,
        type: 'payment.succeeded',
        providerPaymentId: orderId,
        amount: Number(paid.amount),
      },
    };
  }
  return { status: payments.some((p) => p.status === 'created') ? 'processing' : 'unpaid' };
}
