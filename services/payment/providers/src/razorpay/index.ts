import { defineProvider } from '../provider-module';
import { razorpayCredentials } from './credentials';
import { RAZORPAY_API_BASE } from './razorpay-api-base';

/** Razorpay (official `razorpay` SDK, loaded only when the payment service builds the strategy). */
export const razorpay = defineProvider({
  name: 'razorpay',
  credentials: razorpayCredentials,
  toCredentials: (form) => ({
    publicKeyId: form.keyId,
    webhookSecret: form.webhookSecret,
    secrets: { keySecret: form.keySecret },
  }),
  apiBase: { default: RAZORPAY_API_BASE, what: 'the Razorpay API' },
  load: () => import('./razorpay.provider.js').then((m) => m.createRazorpayProvider),
});
