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

/**
 * A payment provider's name (`offline`, `stripe`, `razorpay` in this build). `PAYMENT_PROVIDERS`
 * in `@fleet/payment-providers` is the one list of them: payment validates every name it accepts
 * against it, and other services treat a name as opaque, so a new provider changes nothing outside
 * payment and that list's folder.
 */
export type PaymentProviderName = string;

export type PaymentStatus = 'pending' | 'succeeded' | 'failed' | 'refunded' | 'partially_refunded';

export interface PaymentView {
  paymentId: string;
  orderId: string;
  provider: PaymentProviderName;
  status: PaymentStatus;
  amount: number;
  refundedAmount: number;
  currency: string;
  /** What the storefront needs to complete the payment (client secret, provider order id, …). */
  clientParams: Record<string, unknown>;
  /**
   * Made while the store was in test mode (offline provider, simulate): no real money moved. A
   * test payment's order is a test order; neither ever counts as revenue.
   */
  test: boolean;
  /** Its refunds, oldest first (`GET /internal/payments/{id}` only). */
  refunds?: RefundView[];
}

export type RefundStatus = 'pending' | 'succeeded' | 'failed';

/**
 * A refund as payment answers it. Every refund ends `succeeded` or `failed`; a failed one frees
 * its amount (it may be refunded again) and says why in `failureReason`.
 */
export interface RefundView {
  refundId: string;
  paymentId: string;
  amount: number;
  currency: string;
  status: RefundStatus;
  reason: string | null;
  /** Why the provider did not make it (`failed` only): its code and words, never a secret. */
  failureReason: string | null;
  /** Attempts at the provider that could not reach it (a `pending` refund is retried, bounded). */
  attempts: number;
  createdAt: string;
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
  refundFailed: 'payment.refund_failed',
  /** The store left or re-entered test mode (aggregate: the tenant, versioned). */
  modeChanged: 'payment.mode_changed',
} as const;

/**
 * `payment.mode_changed`: the store went live (`testMode: false`) or back to test mode. Payment
 * owns the flag (it gates simulate and the offline provider in the same transactions); the
 * registry projects it into store settings (`GET /api/store/info` `testMode`).
 */
export interface PaymentModeChanged {
  testMode: boolean;
  /** The store's active provider when the mode changed. */
  provider: PaymentProviderName;
}

/** A refund the provider did not make: it is `failed` and its amount may be refunded again. */
export interface PaymentRefundFailed {
  paymentId: string;
  orderId: string;
  refundId: string;
  amount: number;
  currency: string;
  reason: string;
  test: boolean;
}

/** A store switched payment provider; payments already started finish on their own provider. */
export interface PaymentProviderChanged {
  from: PaymentProviderName | null;
  to: PaymentProviderName;
}

/** `GET|PUT /api/admin/settings/payments`: secrets are write-only, key ids come back masked. */
export interface PaymentSettingsView {
  provider: PaymentProviderName;
  /**
   * Test mode: offline payments and simulate work, every order is a test order. A store goes live
   * (`POST /api/admin/settings/payments/go-live`) only with Stripe or Razorpay live keys the
   * provider accepted; `POST …/test-mode` goes back.
   */
  testMode: boolean;
  /** When the store went live; null in test mode. */
  liveSince: string | null;
  providers: Array<{
    provider: PaymentProviderName;
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
  /** A test payment (see `PaymentView.test`): its order is a test order. */
  test: boolean;
}

export interface PaymentFailed {
  paymentId: string;
  orderId: string;
  reason: string;
  test: boolean;
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
  test: boolean;
}
