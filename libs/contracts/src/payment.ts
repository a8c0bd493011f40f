/**
 * Payment's internal API (called by the order saga) and its events. A payment belongs to one
 * order; creating it again for the same order returns the first one.
 */
export interface CreatePaymentRequest {
  orderId: string;
  /** Integer minor units of `currency`. */
  amount: number;
  currency: string;
  /** For providers that want it (receipt e-mails, Stripe metadata). */
  email?: string;
}

export type PaymentStatus = 'pending' | 'succeeded' | 'failed' | 'refunded' | 'partially_refunded';

export interface PaymentView {
  paymentId: string;
  orderId: string;
  provider: 'offline' | 'stripe' | 'razorpay';
  status: PaymentStatus;
  amount: number;
  refundedAmount: number;
  currency: string;
  /** What the storefront needs to complete the payment (client secret, provider order id, …). */
  clientParams: Record<string, unknown>;
}

/**
 * What the provider says about a payment now (`POST /internal/payments/{id}/sync`):
 * succeeded: the money is taken; processing: the shopper authorised it and the provider is still
 * settling it (Stripe `processing`, `requires_action`, `requires_confirmation`, `requires_capture`;
 * a Razorpay payment `created`); unpaid: no money taken and none on its way; failed: final.
 */
export type ProviderPaymentStatus = 'succeeded' | 'processing' | 'unpaid' | 'failed';

/**
 * A payment after asking its provider: what the provider says was applied first, exactly as its
 * webhook would have been (stored once as a receipt, `payment.succeeded` in the outbox).
 */
export interface PaymentSyncView {
  payment: PaymentView;
  providerStatus: ProviderPaymentStatus;
}

export interface RefundRequest {
  /** Minor units; the whole remaining amount when absent. */
  amount?: number;
  reason?: string;
}

export const PAYMENT_EVENTS = {
  succeeded: 'payment.succeeded',
  failed: 'payment.failed',
  refunded: 'payment.refunded',
  providerChanged: 'payment.provider_changed',
} as const;

/** A store switched payment provider; payments already started finish on their own provider. */
export interface PaymentProviderChanged {
  from: 'offline' | 'stripe' | 'razorpay' | null;
  to: 'offline' | 'stripe' | 'razorpay';
}

/** `GET|PUT /api/admin/settings/payments`: secrets are write-only, key ids come back masked. */
export interface PaymentSettingsView {
  provider: 'offline' | 'stripe' | 'razorpay';
  providers: Array<{
    provider: 'offline' | 'stripe' | 'razorpay';
    active: boolean;
    /** The publishable key / key id, masked (`pk_test_••••wxyz`); null for offline. */
    publicKeyId: string | null;
    /** Where the provider must send this store's webhooks (on the store's own host). */
    webhookPath: string;
    updatedAt: string;
  }>;
}

export interface PaymentSucceeded {
  paymentId: string;
  orderId: string;
  amount: number;
  currency: string;
}

export interface PaymentFailed {
  paymentId: string;
  orderId: string;
  reason: string;
}

export interface PaymentRefunded {
  paymentId: string;
  orderId: string;
  refundId: string;
  amount: number;
  /** Total refunded so far, including this refund. */
  refundedAmount: number;
  currency: string;
  fullyRefunded: boolean;
}
