import type { RazorpayAccount } from './razorpay-accounts';
import { razorpayRefundEntity, type RazorpayPaymentEntity } from './razorpay-entities';
import { razorpayEvent, type RazorpayWebhookEvent } from './razorpay-events';
import { badRequest, collection, noSuchId, ok, type RazorpayCall, type RazorpayReply } from './razorpay-http';
import { readNotes } from './razorpay-orders';

/** The Payments API: fetch, capture, refund and list a payment's refunds. */

export function fetchPayment({ account, params }: RazorpayCall): RazorpayReply {
  const payment = account.payments.get(params[0] as string);
  return payment ? ok(payment) : noSuchId();
}

/** `POST /v1/payments/:id/capture {amount, currency}`: the whole authorised amount, once. */
export function capturePayment({ account, params, body }: RazorpayCall): RazorpayReply {
  const payment = account.payments.get(params[0] as string);
  if (!payment) return noSuchId();
  if (payment.captured) return badRequest('This payment has already been captured');
  if (payment.status !== 'authorized') {
    return badRequest('Only payments which have been authorized and not yet captured can be captured');
  }
  if (body.amount !== payment.amount) {
    return badRequest('Capture amount must be equal to the amount authorized', 'amount');
  }
  if (body.currency !== undefined && body.currency !== payment.currency) {
    return badRequest('The currency should be the same as the payment currency', 'currency');
  }
  markCaptured(account, payment);
  return ok(payment, [razorpayEvent('payment.captured', account.id, { payment: { ...payment } })]);
}

/** Captured: the payment, its fee, and its order (now paid). Shared with the shopper's checkout. */
export function markCaptured(account: RazorpayAccount, payment: RazorpayPaymentEntity): void {
  payment.status = 'captured';
  payment.captured = true;
  payment.fee = Math.round(payment.amount * 0.02);
  payment.tax = 0;
  const order = payment.order_id ? account.orders.get(payment.order_id) : undefined;
  if (order) {
    order.status = 'paid';
    order.amount_paid = payment.amount;
    order.amount_due = 0;
  }
}

/** `POST /v1/payments/:id/refund {amount?, receipt?, notes?}`: the rest when no amount is given. */
export function refundPayment({ account, params, body }: RazorpayCall): RazorpayReply {
  const payment = account.payments.get(params[0] as string);
  if (!payment) return noSuchId();
  if (payment.status === 'refunded') return badRequest('The payment has been fully refunded already');
  if (payment.status !== 'captured') return badRequest('The payment has not been captured yet');
  const remaining = payment.amount - payment.amount_refunded;
  const amount = body.amount ?? remaining;
  if (typeof amount !== 'number' || !Number.isInteger(amount) || amount < 1) {
    return badRequest('The amount must be a positive integer.', 'amount');
  }
  if (amount > remaining) {
    return badRequest('The refund amount provided is greater than amount captured', 'amount');
  }
  const { receipt } = body;
  if (receipt !== undefined && receipt !== null && (typeof receipt !== 'string' || receipt.length > 40)) {
    return badRequest('The receipt may not be greater than 40 characters.', 'receipt');
  }
  const notes = readNotes(body.notes);
  if (notes === null) return badRequest('The notes are invalid.', 'notes');
  const refund = razorpayRefundEntity({
    paymentId: payment.id,
    amount,
    currency: payment.currency,
    receipt: receipt ?? null,
    ...(notes ? { notes } : {}),
  });
  account.refunds.set(refund.id, refund);
  payment.amount_refunded += amount;
  payment.refund_status = payment.amount_refunded === payment.amount ? 'full' : 'partial';
  if (payment.refund_status === 'full') payment.status = 'refunded';
  if (account.heldRefunds > 0) {
    account.heldRefunds -= 1;
    refund.status = 'pending';
    return ok(refund, [
      razorpayEvent('refund.created', account.id, { refund: { ...refund }, payment: { ...payment } }),
    ]);
  }
  const event = razorpayEvent('refund.processed', account.id, {
    refund: { ...refund },
    payment: { ...payment },
  });
  return ok(refund, [event]);
}

/**
 * A pending refund fails (`refund.failed`): its amount is no longer refunded on the payment, as
 * Razorpay returns it to the merchant's balance.
 */
export function failPendingRefund(account: RazorpayAccount, refundId: string): RazorpayWebhookEvent {
  const refund = account.refunds.get(refundId);
  if (!refund || refund.status !== 'pending')
    throw new Error(`Razorpay stand-in: no pending refund ${refundId}`);
  const payment = account.payments.get(refund.payment_id) as RazorpayPaymentEntity;
  refund.status = 'failed';
  payment.amount_refunded -= refund.amount;
  payment.refund_status = payment.amount_refunded === 0 ? null : 'partial';
  if (payment.status === 'refunded') payment.status = 'captured';
  return razorpayEvent('refund.failed', account.id, { refund: { ...refund }, payment: { ...payment } });
}

/** A pending refund reaches the customer: `processed`, and `refund.processed` for the webhook. */
export function processPendingRefund(account: RazorpayAccount, refundId: string): RazorpayWebhookEvent {
  const refund = account.refunds.get(refundId);
  if (!refund || refund.status !== 'pending')
    throw new Error(`Razorpay stand-in: no pending refund ${refundId}`);
  const payment = account.payments.get(refund.payment_id) as RazorpayPaymentEntity;
  refund.status = 'processed';
  return razorpayEvent('refund.processed', account.id, { refund: { ...refund }, payment: { ...payment } });
}

/** `GET /v1/refunds/:id`: one of the account's refunds. */
export function fetchRefund({ account, params }: RazorpayCall): RazorpayReply {
  const refund = account.refunds.get(params[0] as string);
  return refund ? ok(refund) : noSuchId();
}

export function listPaymentRefunds({ account, params, query }: RazorpayCall): RazorpayReply {
  const paymentId = params[0] as string;
  if (!account.payments.has(paymentId)) return noSuchId();
  return collection(
    [...account.refunds.values()].filter((r) => r.payment_id === paymentId),
    query,
  );
}
