import { AppError } from '@fleet/errors';
import type { Refunds } from 'razorpay/dist/types/refunds';
import type { ProviderRefund, ProviderRefundInput } from '../provider';
import type { RazorpayApi } from './razorpay-client';
import { capturedPayment } from './razorpay-order-payments';

const PAGE = 100;
/** Refunds looked through for ours: far more than a payment ever gets. */
const MAX_PAGES = 10;
const MAX_RECEIPT = 40;

/**
 * Refunds (part of) the order's captured payment. Razorpay has no idempotency keys, so a refund
 * carries our refund id (receipt and notes.fleet_refund_id) and the payment's refunds are searched
 * for it before one is made: a retry (after a lost response, a crash) finds the first refund
 * instead of refunding twice. Sequential retries only: the refund use case never sends one refund
 * twice at once.
 */
export async function refundRazorpayPayment(
  rzp: RazorpayApi,
  input: ProviderRefundInput,
): Promise<ProviderRefund> {
  const payment = await capturedPayment(rzp, input.providerPaymentId);
  if (payment.currency !== input.currency.toUpperCase()) {
    throw new AppError('business_rule', 'The refund currency is not the payment currency.', {
      code: 'currency_mismatch',
    });
  }
  const refund =
    (await findOurRefund(rzp, payment.id, input.refundId)) ??
    (await rzp.call('refund the payment', (sdk) =>
      sdk.payments.refund(payment.id, {
        amount: input.amount,
        ...(input.refundId.length <= MAX_RECEIPT ? { receipt: input.refundId } : {}),
        notes: {
          fleet_refund_id: input.refundId,
          ...(input.reason ? { fleet_reason: input.reason.slice(0, 256) } : {}),
        },
      }),
    ));
  return toProviderRefund(refund);
}

async function findOurRefund(
  rzp: RazorpayApi,
  paymentId: string,
  refundId: string,
): Promise<Refunds.RazorpayRefund | undefined> {
  for (let page = 0; page < MAX_PAGES; page++) {
    const list = await rzp.call("list the payment's refunds", (sdk) =>
      sdk.payments.fetchMultipleRefund(paymentId, { count: PAGE, skip: page * PAGE }),
    );
    const ours = list.items.find((r) => r.receipt === refundId || noteOf(r, 'fleet_refund_id') === refundId);
    if (ours || list.items.length < PAGE) return ours;
  }
  return undefined;
}

/** Razorpay sends empty notes as `[]`. */
function noteOf(refund: Refunds.RazorpayRefund, key: string): unknown {
  return refund.notes && !Array.isArray(refund.notes) ? refund.notes[key] : undefined;
}

/** `processed`: money on its way back; `pending`: Razorpay confirms with `refund.processed`. */
function toProviderRefund(refund: Refunds.RazorpayRefund): ProviderRefund {
  if (refund.status === 'failed') {
    throw new AppError('business_rule', 'Razorpay could not make this refund.', { code: 'refund_failed' });
  }
  return { providerRefundId: refund.id, status: refund.status === 'processed' ? 'succeeded' : 'pending' };
}
