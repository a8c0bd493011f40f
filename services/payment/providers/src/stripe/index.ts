import { defineProvider } from '../provider-module';
import { stripeCredentials } from './credentials';

/** Stripe (official `stripe` SDK, loaded only when the payment service builds the strategy). */
export const stripe = defineProvider({
  name: 'stripe',
  credentials: stripeCredentials,
  toCredentials: (form) => ({
    publicKeyId: form.publishableKey,
    webhookSecret: form.webhookSecret,
    secrets: { secretKey: form.secretKey },
  }),
  apiBase: { default: 'https://api.stripe.com', what: 'the Stripe API' },
  load: () => import('./stripe.provider.js').then((m) => m.createStripeProvider),
});
