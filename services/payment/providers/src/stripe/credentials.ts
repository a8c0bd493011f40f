import { z } from 'zod';
import { keyField } from '../key-field';

const mode = (key: string) => (key.includes('_live_') ? 'live' : 'test');

/** A misplaced key (a secret key as the publishable one, a live key beside a test key) is a 400. */
export const stripeCredentials = z
  .strictObject({
    secretKey: keyField(
      /^(sk|rk)_(test|live)_[A-Za-z0-9]{8,}$/,
      'must be a Stripe secret key (sk_test_… or sk_live_…)',
    ),
    publishableKey: keyField(/^pk_(test|live)_[A-Za-z0-9]{8,}$/, 'must be a Stripe publishable key (pk_…)'),
    webhookSecret: keyField(
      /^whsec_[A-Za-z0-9+/=_-]{8,}$/,
      'must be a Stripe webhook signing secret (whsec_…)',
    ),
  })
  .refine((c) => mode(c.secretKey) === mode(c.publishableKey), {
    path: ['publishableKey'],
    message: 'must be of the same mode (test or live) as the secret key',
  });
