import { providerForm } from '@fleet/payment-providers';
import { defineProvider } from '../provider-module';
import { RAZORPAY_API_BASE } from './razorpay-client';
import { createRazorpayProvider } from './razorpay.provider';

/** Razorpay: its settings form from `@fleet/payment-providers`, its strategy from this folder. */
export const razorpay = defineProvider({
  ...providerForm('razorpay'),
  toCredentials: (form) => ({
    publicKeyId: form.keyId,
    webhookSecret: form.webhookSecret,
    secrets: { keySecret: form.keySecret },
  }),
  apiBase: { default: RAZORPAY_API_BASE, what: 'the Razorpay API' },
  create: (options) => createRazorpayProvider(options),
});
