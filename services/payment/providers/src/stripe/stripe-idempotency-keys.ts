/**
 * Idempotency keys sent to Stripe. They are derived from our business ids, so a retry after a
 * crash or a timeout (ours or the SDK's) is the same request to Stripe and makes nothing twice.
 * A payment is unique per (tenant, order), hence the PaymentIntent key; a refund has its own id.
 */
export const paymentIntentIdempotencyKey = (tenantId: string, orderId: string) =>
  `fleet:${tenantId}:${orderId}:pi`;

export const refundIdempotencyKey = (refundId: string) => `fleet:refund:${refundId}`;
