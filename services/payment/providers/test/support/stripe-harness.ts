import { randomBytes } from 'node:crypto';
import {
  failStripePaymentIntent,
  newStripeEvent,
  newStripePaymentIntent,
  startStripeStandIn,
  succeedStripePaymentIntent,
  type StripeChargeJson,
  type StripeEventJson,
  type StripeStandIn,
  type StripeStandInAccount,
} from '@fleet/testing';
import Stripe from 'stripe';
import type { ProviderEventType } from '../../src/provider';
import { createStripeProvider } from '../../src/stripe/stripe.provider';
import type { ProviderHarness, SignedDelivery } from '../contract/provider-contract';

export interface StripeHarness extends ProviderHarness {
  standIn: StripeStandIn;
  account: Required<Pick<StripeStandInAccount, 'secretKey' | 'publishableKey' | 'webhookSecret'>>;
}

/** A fresh merchant account's keys, shaped like Stripe's test-mode keys. */
export function stripeTestKeys() {
  const suffix = () => randomBytes(12).toString('hex');
  return {
    secretKey: `sk_test_${suffix()}`,
    publishableKey: `pk_test_${suffix()}`,
    webhookSecret: `whsec_${suffix()}`,
  };
}

export const stripeCredentials = (keys: ReturnType<typeof stripeTestKeys>) => ({
  publicKeyId: keys.publishableKey,
  webhookSecret: keys.webhookSecret,
  secrets: { secretKey: keys.secretKey },
});

/**
 * A webhook signed by the SDK's own test helper (not by the stand-in), so verification is checked
 * against Stripe's implementation of the scheme. `timestamp` is unix seconds.
 */
export function sdkSignedDelivery(event: object, secret: string, timestamp?: number): SignedDelivery {
  const payload = JSON.stringify(event, null, 2);
  const signature = Stripe.webhooks.generateTestHeaderString({
    payload,
    secret,
    ...(timestamp ? { timestamp } : {}),
  });
  return {
    rawBody: payload,
    headers: { 'content-type': 'application/json; charset=utf-8', 'stripe-signature': signature },
  };
}

/**
 * The Stripe event behind one of Fleet's event types, built as the stand-in builds it. A refund's
 * is the very `charge.refunded` the stand-in recorded for that refund.
 */
export function stripeEventFor(
  standIn: StripeStandIn,
  type: ProviderEventType,
  data: { providerPaymentId: string; amount: number; providerRefundId?: string },
): StripeEventJson {
  if (type === 'refund.succeeded') {
    const recorded = standIn.events.find(
      (e) =>
        e.type === 'charge.refunded' &&
        (e.data.object as StripeChargeJson).refunds.data[0]?.id === data.providerRefundId,
    );
    if (!recorded) throw new Error(`No charge.refunded was recorded for refund ${data.providerRefundId}`);
    return recorded;
  }
  const intent = newStripePaymentIntent({ id: data.providerPaymentId, amount: data.amount, currency: 'usd' });
  if (type === 'payment.succeeded') {
    succeedStripePaymentIntent(intent);
    return newStripeEvent('payment_intent.succeeded', intent);
  }
  failStripePaymentIntent(intent);
  return newStripeEvent('payment_intent.payment_failed', intent);
}

/** The stand-in with one account, and the Stripe provider pointed at it. */
export async function startStripeHarness(): Promise<StripeHarness> {
  const standIn = await startStripeStandIn();
  const account = stripeTestKeys();
  standIn.addAccount(account);
  return {
    standIn,
    account,
    provider: createStripeProvider({ apiBase: standIn.url }),
    credentials: stripeCredentials(account),
    currency: 'USD',
    failureType: 'payment.attempt_failed',
    tracksPayments: true,
    pay: async (created) => {
      await standIn.pay(created.providerPaymentId);
    },
    webhook: async (type, data, secret) => sdkSignedDelivery(stripeEventFor(standIn, type, data), secret),
    close: () => standIn.close(),
  };
}
