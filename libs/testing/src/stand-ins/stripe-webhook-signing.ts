import { createHmac } from 'node:crypto';
import type { StripeStandInAccount } from './stripe-ledger';
import { deliverWebhook } from './deliver-webhook';

/**
 * Webhooks as Stripe delivers them: the event pretty-printed as JSON, signed with the endpoint's
 * secret under Stripe's documented scheme
 * `Stripe-Signature: t=<unix seconds>,v1=<hex hmac-sha256(secret, "<t>.<raw body>")>`.
 * Written from the documentation, not with the SDK, so tests can check one against the other.
 */
export const STRIPE_SIGNATURE_HEADER = 'stripe-signature';

export function signStripeEvent(
  event: object,
  secret: string,
  nowMs = Date.now(),
): { rawBody: string; headers: Record<string, string> } {
  const rawBody = JSON.stringify(event, null, 2);
  const t = Math.floor(nowMs / 1000);
  const v1 = createHmac('sha256', secret).update(`${t}.${rawBody}`).digest('hex');
  return {
    rawBody,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      [STRIPE_SIGNATURE_HEADER]: `t=${t},v1=${v1}`,
    },
  };
}

/** Stripe gives an endpoint a few seconds to answer before it counts the delivery as failed. */
const DELIVERY_TIMEOUT_MS = 10_000;

/** One delivery attempt to the account's endpoint: its HTTP status, or 0 when it could not be reached. */
export async function deliverStripeEvent(event: object, account: StripeStandInAccount): Promise<number> {
  if (!account.webhook) return 0;
  const { rawBody, headers } = signStripeEvent(event, account.webhookSecret);
  return deliverWebhook(
    account.webhook.url,
    {
      ...headers,
      'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
      ...account.webhook.headers?.(),
    },
    rawBody,
    DELIVERY_TIMEOUT_MS,
  );
}
