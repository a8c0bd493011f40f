import { providerForm } from '@fleet/payment-providers';
import { defineProvider } from '../provider-module';
import { createStripeProvider } from './stripe.provider';

/** Stripe: its settings form from `@fleet/payment-providers`, its strategy from this folder. */
export const stripe = defineProvider({
  ...providerForm('stripe'),
  toCredentials: (form) => ({
    publicKeyId: form.publishableKey,
    webhookSecret: form.webhookSecret,
    secrets: { secretKey: form.secretKey },
  }),
  apiBase: { default: 'https://api.stripe.com', what: 'the Stripe API' },
  create: (options) => createStripeProvider(options),
});
