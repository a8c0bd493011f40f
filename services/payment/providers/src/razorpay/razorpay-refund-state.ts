import type { ProviderRefundRetrieveInput, ProviderRefundState } from '../provider';
import type { RazorpayApi } from './razorpay-client';

/**
 * A refund read back from Razorpay (`GET /v1/refunds/:id`): `processed` is the money on its way
 * back, `failed` ends it with the reason its `refund.failed` webhook carries (razorpay-webhook.ts),
 * `pending` may still go either way.
 */
export async function retrieveRazorpayRefund(
  rzp: RazorpayApi,
  input: ProviderRefundRetrieveInput,
): Promise<ProviderRefundState> {
  const refund = await rzp.call('read the refund', (sdk) => sdk.refunds.fetch(input.providerRefundId));
  if (refund.status === 'processed') return { status: 'succeeded' };
  if (refund.status === 'failed') return { status: 'failed', reason: 'razorpay_refund_failed' };
  return { status: 'pending' };
}
