import { randomBytes } from 'node:crypto';
import {
  razorpayEvent,
  razorpayId,
  razorpayPaymentEntity,
  razorpayRefundEntity,
  startRazorpayStandIn,
  type RazorpayAccountInput,
  type RazorpayStandIn,
} from '@fleet/testing';
import Razorpay from 'razorpay';
import type { PaymentProvider, ProviderCredentials, ProviderEventType } from '../../src/provider';
import { createRazorpayProvider } from '../../src/razorpay/razorpay.provider';
import type { SignedDelivery } from '../contract/provider-contract';

/** A fresh merchant account: keys unique per call so tests never share Razorpay state. */
export function newRazorpayAccount(): RazorpayAccountInput {
  const tag = randomBytes(6).toString('hex');
  return {
    keyId: `rzp_test_${tag}`,
    keySecret: `keySecret${tag}${randomBytes(8).toString('hex')}`,
    webhookSecret: `rzp-webhook-${tag}`,
  };
}

/** The credentials the settings endpoint would store for the account. */
export function razorpayCredentials(account: RazorpayAccountInput): ProviderCredentials {
  return {
    publicKeyId: account.keyId,
    webhookSecret: account.webhookSecret,
    secrets: { keySecret: account.keySecret },
  };
}

export interface RazorpayFixture {
  standIn: RazorpayStandIn;
  provider: PaymentProvider;
  /** Adds an account to the stand-in and returns its stored credentials. */
  account(options?: Partial<RazorpayAccountInput>): {
    input: RazorpayAccountInput;
    credentials: ProviderCredentials;
  };
  close(): Promise<void>;
}

export async function startRazorpayFixture(): Promise<RazorpayFixture> {
  const standIn = await startRazorpayStandIn();
  return {
    standIn,
    provider: createRazorpayProvider({ apiBase: standIn.url }),
    account(options = {}) {
      const input = { ...newRazorpayAccount(), ...options };
      standIn.addAccount(input);
      return { input, credentials: razorpayCredentials(input) };
    },
    close: () => standIn.close(),
  };
}

/**
 * A Fleet event type as the webhook Razorpay would send for it (`payment.captured`,
 * `payment.failed`, `refund.processed`), signed as Razorpay signs; the signature is cross-checked
 * with the SDK's own `validateWebhookSignature` so our scheme and Razorpay's cannot drift apart.
 */
export function razorpayWebhookFor(
  standIn: RazorpayStandIn,
  keyId: string,
  type: ProviderEventType,
  data: { providerPaymentId: string; amount: number; refundId?: string; providerRefundId?: string },
  secret: string,
): SignedDelivery {
  const accountId = standIn.accountId(keyId);
  const paid = standIn.payments(keyId).find((p) => p.order_id === data.providerPaymentId && p.captured);
  const status = type === 'payment.failed' ? 'failed' : 'captured';
  const payment = razorpayPaymentEntity({
    orderId: data.providerPaymentId,
    amount: paid?.amount ?? data.amount,
    currency: 'INR',
    status,
    ...(paid && type !== 'payment.failed' ? { id: paid.id } : {}),
  });
  const event =
    type === 'refund.succeeded'
      ? razorpayEvent('refund.processed', accountId, {
          refund: razorpayRefundEntity({
            id: data.providerRefundId ?? razorpayId('rfnd'),
            paymentId: payment.id,
            amount: data.amount,
            currency: 'INR',
            receipt: data.refundId ?? null,
            ...(data.refundId ? { notes: { fleet_refund_id: data.refundId } } : {}),
          }),
          payment,
        })
      : razorpayEvent(type === 'payment.failed' ? 'payment.failed' : 'payment.captured', accountId, {
          payment,
        });
  const delivery = standIn.signEvent(event, secret);
  if (
    !Razorpay.validateWebhookSignature(
      delivery.rawBody,
      delivery.headers['x-razorpay-signature'] as string,
      secret,
    )
  ) {
    throw new Error('the stand-in signs webhooks differently from the Razorpay SDK');
  }
  return delivery;
}
