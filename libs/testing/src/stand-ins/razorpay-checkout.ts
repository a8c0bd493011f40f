import { createHmac } from 'node:crypto';
import type { RazorpayAccount, RazorpayAccounts } from './razorpay-accounts';
import { razorpayPaymentEntity, type RazorpayPaymentEntity } from './razorpay-entities';
import { razorpayEvent, type RazorpayWebhookEvent } from './razorpay-events';
import { markCaptured } from './razorpay-payments';

/**
 * What Razorpay Checkout does when the shopper pays an order: one payment attempt, captured at once
 * when the account auto-captures (else left `authorized`), or failed. Checkout hands the storefront
 * `razorpay_payment_id` and `razorpay_signature` = hex HMAC-SHA256(key secret, `order_id|payment_id`).
 */
export interface CheckoutAttempt {
  account: RazorpayAccount;
  payment: RazorpayPaymentEntity;
  signature: string;
  /** payment.captured, payment.authorized (no auto-capture) or payment.failed. */
  event: RazorpayWebhookEvent;
}

export function checkoutSignature(keySecret: string, orderId: string, paymentId: string): string {
  return createHmac('sha256', keySecret).update(`${orderId}|${paymentId}`).digest('hex');
}

export function payOrder(
  accounts: RazorpayAccounts,
  orderId: string,
  outcome: 'succeeded' | 'failed',
): CheckoutAttempt {
  const account = accounts.ownerOfOrder(orderId);
  const order = account?.orders.get(orderId);
  if (!account || !order) throw new Error(`Razorpay stand-in: no order ${orderId}`);
  if (order.status === 'paid') throw new Error(`Razorpay stand-in: order ${orderId} is already paid`);
  order.attempts += 1;
  order.status = 'attempted';
  const payment = razorpayPaymentEntity({
    orderId,
    amount: order.amount,
    currency: order.currency,
    status: outcome === 'failed' ? 'failed' : 'authorized',
  });
  account.payments.set(payment.id, payment);
  if (payment.status === 'authorized' && account.autoCapture) markCaptured(account, payment);
  const name = { failed: 'payment.failed', authorized: 'payment.authorized', captured: 'payment.captured' }[
    payment.status as 'failed' | 'authorized' | 'captured'
  ];
  return {
    account,
    payment,
    signature: checkoutSignature(account.keySecret, orderId, payment.id),
    event: razorpayEvent(name, account.id, { payment: { ...payment } }),
  };
}
