import { AppError } from '@fleet/errors';
import type { Payments } from 'razorpay/dist/types/payments';
import type { RazorpayApi } from './razorpay-client';

export type RazorpayPayment = Payments.RazorpayPayment;

/**
 * A Razorpay order (our provider payment id) collects every attempt the shopper made at paying it,
 * failed ones included; at most one is captured (Razorpay refuses to pay a paid order again).
 */
export async function orderPayments(rzp: RazorpayApi, orderId: string): Promise<RazorpayPayment[]> {
  const list = await rzp.call("list the order's payments", (sdk) => sdk.orders.fetchPayments(orderId));
  return list.items;
}

/** The order's captured payment (still `captured` once refunded, in part or in full). */
export async function capturedPayment(rzp: RazorpayApi, orderId: string): Promise<RazorpayPayment> {
  const payment = (await orderPayments(rzp, orderId)).find((p) => p.captured);
  if (!payment) {
    throw new AppError('business_rule', 'Razorpay has no captured payment for this order.', {
      code: 'payment_not_captured',
    });
  }
  return payment;
}
