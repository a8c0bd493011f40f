import { z } from 'zod';
import type { ProviderCredentials } from '../domain/payment-provider';

/**
 * `PUT /api/admin/settings/payments`: one credentials shape per provider, checked strictly so a
 * misplaced key (a secret key in the publishable field, a live key next to a test key) is a 400
 * naming the field, before anything is sent to the provider.
 */
const secret = (pattern: RegExp, what: string) => z.string().trim().max(500).regex(pattern, what);

const stripeCredentials = z
  .strictObject({
    secretKey: secret(
      /^(sk|rk)_(test|live)_[A-Za-z0-9]{8,}$/,
      'must be a Stripe secret key (sk_test_… or sk_live_…)',
    ),
    publishableKey: secret(/^pk_(test|live)_[A-Za-z0-9]{8,}$/, 'must be a Stripe publishable key (pk_…)'),
    webhookSecret: secret(
      /^whsec_[A-Za-z0-9+/=_-]{8,}$/,
      'must be a Stripe webhook signing secret (whsec_…)',
    ),
  })
  .refine((c) => mode(c.secretKey) === mode(c.publishableKey), {
    path: ['publishableKey'],
    message: 'must be of the same mode (test or live) as the secret key',
  });

const razorpayCredentials = z.strictObject({
  keyId: secret(/^rzp_(test|live)_[A-Za-z0-9]{8,}$/, 'must be a Razorpay key id (rzp_test_… or rzp_live_…)'),
  keySecret: secret(/^[A-Za-z0-9]{8,}$/, 'must be the Razorpay key secret'),
  webhookSecret: z.string().min(8, 'must be at least 8 characters').max(500),
});

export const paymentSettingsBody = z.discriminatedUnion('provider', [
  z.strictObject({ provider: z.literal('stripe'), credentials: stripeCredentials }),
  z.strictObject({ provider: z.literal('razorpay'), credentials: razorpayCredentials }),
  z.strictObject({ provider: z.literal('offline'), credentials: z.strictObject({}).optional() }),
]);

/** `POST …/go-live` and `…/test-mode` take no fields (an absent body reads as `{}`). */
export const emptyBody = z.strictObject({}).optional();

export type PaymentSettingsInput = z.infer<typeof paymentSettingsBody>;

function mode(key: string): string {
  return key.includes('_live_') ? 'live' : 'test';
}

/** The merchant's form as the provider strategy's credentials (offline has none to give). */
export function toProviderCredentials(input: PaymentSettingsInput): ProviderCredentials | null {
  switch (input.provider) {
    case 'stripe':
      return {
        publicKeyId: input.credentials.publishableKey,
        webhookSecret: input.credentials.webhookSecret,
        secrets: { secretKey: input.credentials.secretKey },
      };
    case 'razorpay':
      return {
        publicKeyId: input.credentials.keyId,
        webhookSecret: input.credentials.webhookSecret,
        secrets: { keySecret: input.credentials.keySecret },
      };
    case 'offline':
      return null;
  }
}
