import type { TenantCtx } from '@fleet/context';
import { AppError } from '@fleet/errors';
import type { CreateProviderPaymentInput, ProviderPayment } from '../provider';
import type { RazorpayApi } from './razorpay-client';

/** Razorpay limits an order's receipt to 40 characters; ours is the order id (`ord_…`, 30). */
const MAX_RECEIPT = 40;
/** Orders sharing one receipt: normally one, a few after crashes between create and record. */
const RECEIPT_PAGE = 100;

/**
 * Starts a payment as a Razorpay order. The SDK has no idempotency keys, so creation is made safe
 * to retry by looking first: the order's receipt is our order id, and an order with that receipt,
 * amount and currency (one whose creation response was lost, say) is reused instead of making a
 * second. Two concurrent first attempts can still both create one; only the first recorded is
 * ever shown to the shopper, the other stays unpaid and expires at Razorpay.
 */
export async function createRazorpayOrder(
  ctx: TenantCtx,
  rzp: RazorpayApi,
  input: CreateProviderPaymentInput,
): Promise<ProviderPayment> {
  if (input.orderId.length > MAX_RECEIPT) {
    throw new AppError('validation', `Razorpay receipts are at most ${MAX_RECEIPT} characters.`, {
      code: 'receipt_too_long',
    });
  }
  const currency = input.currency.toUpperCase();
  const existing = await rzp.call('look up the order by receipt', (sdk) =>
    sdk.orders.all({ receipt: input.orderId, count: RECEIPT_PAGE }),
  );
  const reusable = existing.items.find(
    (o) => o.receipt === input.orderId && Number(o.amount) === input.amount && o.currency === currency,
  );
  const order =
    reusable ??
    (await rzp.call('create the order', (sdk) =>
      sdk.orders.create({
        amount: input.amount,
        currency,
        receipt: input.orderId,
        notes: {
          fleet_payment_id: input.paymentId,
          fleet_order_id: input.orderId,
          fleet_tenant_id: ctx.tenantId,
        },
      }),
    ));
  return {
    providerPaymentId: order.id,
    // What Razorpay Checkout is opened with (`key`, `order_id`, `amount`, `currency`).
    clientParams: { keyId: rzp.keys.keyId, orderId: order.id, amount: Number(order.amount), currency },
  };
}
