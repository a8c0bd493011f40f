import type { IncomingHttpHeaders } from 'node:http';
import type { TenantCtx } from '@fleet/context';
import type { ProviderPaymentStatus } from '@fleet/contracts';
import type { ProviderName } from './providers';

/**
 * The strategy every payment provider implements (Stripe, Razorpay, offline). Which one serves a
 * tenant is tenant data (`payment_settings`); a payment keeps the provider it started with.
 * Each provider is a folder beside this file; `providers.ts` lists them.
 */
export type { ProviderName } from './providers';

/** A tenant's decrypted credentials for one provider. Never logged, never returned by an API. */
export interface ProviderCredentials {
  /** Publishable key / key id (not secret; shown masked to the merchant). */
  publicKeyId: string | null;
  /** Verifies this tenant's webhooks from the provider. */
  webhookSecret: string;
  /** API secrets (Stripe secret key, Razorpay key secret); empty for offline. */
  secrets: Record<string, string>;
}

export interface CreateProviderPaymentInput {
  /** Our payment id: providers use it as their idempotency key / metadata. */
  paymentId: string;
  orderId: string;
  amount: number;
  currency: string;
  email?: string;
  credentials: ProviderCredentials;
}

export interface ProviderPayment {
  providerPaymentId: string;
  /** What the storefront needs to complete the payment (client secret, provider order id, …). */
  clientParams: Record<string, unknown>;
}

/**
 * `payment.failed` is final (the offline provider's decline). `payment.attempt_failed` is one
 * declined attempt at a provider where the shopper may try again on the same payment (a Stripe
 * PaymentIntent returns to requires_payment_method, a Razorpay order takes another payment): the
 * payment stays pending with the reason recorded, and the order waits for a success or for its
 * unpaid-order timeout.
 */
export type ProviderEventType =
  | 'payment.succeeded'
  | 'payment.failed'
  | 'payment.attempt_failed'
  | 'refund.succeeded'
  /** A refund the provider had accepted (pending) and then could not make: ends `failed`. */
  | 'refund.failed';

/** A verified webhook, normalised: what the processor applies, whatever the provider. */
export interface ProviderEvent {
  /** The provider's event id: receipts are stored once per (tenant, provider, eventId). */
  eventId: string;
  type: ProviderEventType;
  providerPaymentId: string;
  /** Minor units, when the provider says. */
  amount?: number;
  /** Our refund id, echoed back by the provider (metadata / idempotency key). */
  refundId?: string;
  reason?: string;
}

/**
 * `event: null`: genuine (signature verified) but of a type Fleet does not act on; it is answered
 * 200 and not stored, so the provider does not retry it.
 */
export type WebhookVerification = { ok: true; event: ProviderEvent | null } | { ok: false; reason: string };

export interface VerifyOptions {
  /** Epoch milliseconds; defaults to now (tests move the clock). */
  now?: number;
}

export interface ProviderRefundInput {
  providerPaymentId: string;
  amount: number;
  currency: string;
  /** Our refund id: the provider's idempotency key, so a retried refund is made once. */
  refundId: string;
  reason?: string;
  credentials: ProviderCredentials;
}

export interface ProviderRefund {
  providerRefundId: string;
  /** `pending`: the provider confirms later with a `refund.succeeded` webhook. */
  status: 'succeeded' | 'pending';
}

export interface ProviderRefundRetrieveInput {
  providerPaymentId: string;
  /** The provider's id for the refund (what `refund` answered). */
  providerRefundId: string;
  /** Our refund id, as the provider echoes it back (metadata / receipt). */
  refundId: string;
  credentials: ProviderCredentials;
}

/**
 * A refund's state read from the provider's API: `pending` while it still may go either way;
 * `failed` carries the same reason its `refund.failed` webhook would.
 */
export type ProviderRefundState =
  { status: 'pending' } | { status: 'succeeded' } | { status: 'failed'; reason: string };

export interface ProviderCaptureInput {
  providerPaymentId: string;
  amount: number;
  credentials: ProviderCredentials;
}

/** What the storefront reports after the shopper paid (Razorpay's checkout handler, a Stripe return). */
export interface ProviderConfirmInput {
  providerPaymentId: string;
  /** Provider-specific fields from the storefront (e.g. razorpay_payment_id, razorpay_signature). */
  params: Record<string, unknown>;
  credentials: ProviderCredentials;
}

/**
 * A confirmation the provider vouched for: the event a webhook would bring (stored and applied the
 * same way), or `null` while the provider still says the payment is pending.
 */
export type ConfirmOutcome = { ok: true; event: ProviderEvent | null } | { ok: false; reason: string };

export interface ProviderRetrieveInput {
  providerPaymentId: string;
  credentials: ProviderCredentials;
}

/**
 * A payment's state read from the provider's API. A success carries the event its webhook would
 * bring (same event id as the storefront's confirmation, so the two are stored once between them).
 */
export type ProviderPaymentState =
  { status: 'succeeded'; event: ProviderEvent } | { status: Exclude<ProviderPaymentStatus, 'succeeded'> };

export type CredentialsCheck = { ok: true } | { ok: false; reason: string };

export interface PaymentProvider {
  readonly name: ProviderName;
  /** Starts a payment at the provider. Must be idempotent by `paymentId`. */
  createPayment(ctx: TenantCtx, input: CreateProviderPaymentInput): Promise<ProviderPayment>;
  /** Checks the signature over the RAW body (constant time, with a timestamp tolerance) and parses it. */
  verifyWebhook(
    rawBody: Buffer,
    headers: IncomingHttpHeaders,
    secret: string,
    options?: VerifyOptions,
  ): Promise<WebhookVerification>;
  /** Refunds at the provider. Must be idempotent by `refundId`. */
  refund(ctx: TenantCtx, input: ProviderRefundInput): Promise<ProviderRefund>;
  /** For providers that authorise first and capture later. */
  capture?(ctx: TenantCtx, input: ProviderCaptureInput): Promise<{ status: 'succeeded' | 'pending' }>;
  /** Verifies the storefront's confirmation with the provider (signature and/or an API read). */
  confirmPayment?(ctx: TenantCtx, input: ProviderConfirmInput): Promise<ConfirmOutcome>;
  /**
   * Reads the payment's state from the provider (the unpaid-order timeout asks before cancelling:
   * a webhook or its event may have been lost). Providers without one have no state we lack.
   */
  retrievePayment?(ctx: TenantCtx, input: ProviderRetrieveInput): Promise<ProviderPaymentState>;
  /**
   * Reads a refund's state from the provider (the refund poll asks about refunds left `pending`
   * whose webhook may be lost). Providers whose refunds are never pending need none.
   */
  retrieveRefund?(ctx: TenantCtx, input: ProviderRefundRetrieveInput): Promise<ProviderRefundState>;
  /** Asks the provider whether the merchant's keys work (settings are refused when they do not). */
  checkCredentials?(credentials: ProviderCredentials): Promise<CredentialsCheck>;
}
