import { AppError } from '@fleet/errors';
import type Stripe from 'stripe';
import type { PaymentProvider, ProviderCredentials, ProviderRefund, ProviderRefundState } from '../provider';
import { createStripeClients } from './stripe-client';
import { isStripeAuthenticationError, stripeFailure } from './stripe-errors';
import { confirmFromIntent, intentState, STRIPE_METADATA, toProviderEvent } from './stripe-events';
import { paymentIntentIdempotencyKey, refundIdempotencyKey } from './stripe-idempotency-keys';
import { checkStripeSignature } from './stripe-webhook';

export interface StripeProviderOptions {
  /** Where the Stripe API is (tests: a local stand-in); default https://api.stripe.com. */
  apiBase?: string;
}

/** Stripe's metadata values are at most 500 characters. */
const METADATA_VALUE_MAX = 500;

/**
 * `stripe`: PaymentIntents with automatic payment methods (the storefront confirms them with
 * Stripe.js using `clientSecret` and `publishableKey`), refunds by PaymentIntent, webhooks
 * verified by the SDK. Every call is keyed by our ids so retries make nothing twice, and every
 * SDK error leaves as an AppError that carries no secret.
 */
export function createStripeProvider(options: StripeProviderOptions = {}): PaymentProvider {
  const clients = createStripeClients(options.apiBase);
  const clientFor = (credentials: ProviderCredentials) => clients.forKey(secretKeyOf(credentials));

  return {
    name: 'stripe',
    async createPayment(ctx, input) {
      const stripe = clientFor(input.credentials);
      const intent = await call('create the payment', () =>
        stripe.paymentIntents.create(
          {
            amount: input.amount,
            currency: input.currency.toLowerCase(),
            automatic_payment_methods: { enabled: true },
            ...(input.email ? { receipt_email: input.email } : {}),
            metadata: {
              [STRIPE_METADATA.paymentId]: input.paymentId,
              [STRIPE_METADATA.orderId]: input.orderId,
              [STRIPE_METADATA.tenantId]: ctx.tenantId,
            },
          },
          { idempotencyKey: paymentIntentIdempotencyKey(ctx.tenantId, input.orderId) },
        ),
      );
      if (!intent.client_secret) {
        throw new AppError('unavailable', 'Stripe returned a PaymentIntent without a client secret.', {
          code: 'provider_error',
        });
      }
      return {
        providerPaymentId: intent.id,
        clientParams: { clientSecret: intent.client_secret, publishableKey: input.credentials.publicKeyId },
      };
    },

    async verifyWebhook(rawBody, headers, secret, verifyOptions = {}) {
      const signature = checkStripeSignature(rawBody, headers, secret, verifyOptions.now);
      return signature.ok ? toProviderEvent(signature.payload) : signature;
    },

    async refund(_ctx, input) {
      const stripe = clientFor(input.credentials);
      const metadata: Record<string, string> = { [STRIPE_METADATA.refundId]: input.refundId };
      if (input.reason) metadata[STRIPE_METADATA.reason] = input.reason.slice(0, METADATA_VALUE_MAX);
      const refund = await call('refund the payment', () =>
        stripe.refunds.create(
          {
            payment_intent: input.providerPaymentId,
            amount: input.amount,
            reason: 'requested_by_customer',
            metadata,
          },
          { idempotencyKey: refundIdempotencyKey(input.refundId) },
        ),
      );
      return { providerRefundId: refund.id, status: refundStatus(refund) };
    },

    async confirmPayment(ctx, input) {
      const stripe = clientFor(input.credentials);
      const intent = await call('read the payment', () =>
        stripe.paymentIntents.retrieve(input.providerPaymentId),
      );
      return confirmFromIntent(intent, ctx.tenantId);
    },

    async retrievePayment(ctx, input) {
      const stripe = clientFor(input.credentials);
      const intent = await call('read the payment', () =>
        stripe.paymentIntents.retrieve(input.providerPaymentId),
      );
      return intentState(intent, ctx.tenantId);
    },

    async retrieveRefund(_ctx, input) {
      const stripe = clientFor(input.credentials);
      const refund = await call('read the refund', () => stripe.refunds.retrieve(input.providerRefundId));
      return refundState(refund);
    },

    async checkCredentials(credentials) {
      try {
        await clientFor(credentials).balance.retrieve();
        return { ok: true };
      } catch (err) {
        if (isStripeAuthenticationError(err)) return { ok: false, reason: 'invalid_api_key' };
        throw stripeFailure(err, 'check the keys');
      }
    },
  };
}

function secretKeyOf(credentials: ProviderCredentials): string {
  const key = credentials.secrets.secretKey;
  if (!key) {
    throw new AppError('unavailable', 'The Stripe account has no secret key configured.', {
      code: 'provider_not_configured',
    });
  }
  return key;
}

/** Runs one SDK call; whatever it throws leaves as an AppError. */
async function call<T>(action: string, request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (err) {
    throw stripeFailure(err, action);
  }
}

/**
 * Stripe's refund statuses: `succeeded` settles now; `pending` and `requires_action` are settled
 * later by the `charge.refunded` webhook; `failed` and `canceled` never will be.
 */
function refundStatus(refund: Stripe.Refund): ProviderRefund['status'] {
  if (refund.status === 'succeeded') return 'succeeded';
  if (refund.status === 'pending' || refund.status === 'requires_action') return 'pending';
  throw new AppError('unavailable', `Stripe did not make the refund (${refund.status ?? 'no status'}).`, {
    code: 'provider_refund_failed',
  });
}

/**
 * A refund read back from Stripe: `failed` and `canceled` end it with the reason its
 * `refund.failed` / `refund.updated` webhook carries (stripe-events.ts); anything else but
 * `succeeded` may still change.
 */
function refundState(refund: Stripe.Refund): ProviderRefundState {
  if (refund.status === 'succeeded') return { status: 'succeeded' };
  if (refund.status === 'failed' || refund.status === 'canceled') {
    const why = refund.failure_reason ? `${refund.status}: ${refund.failure_reason}` : refund.status;
    return { status: 'failed', reason: `stripe_refund_${why}` };
  }
  return { status: 'pending' };
}
