import { z } from 'zod';
import { defineProvider, keyField } from '../provider-module';
import { RAZORPAY_API_BASE } from './razorpay-client';
import { createRazorpayProvider } from './razorpay.provider';

const credentials = z.strictObject({
  keyId: keyField(
    /^rzp_(test|live)_[A-Za-z0-9]{8,}$/,
    'must be a Razorpay key id (rzp_test_… or rzp_live_…)',
  ),
  keySecret: keyField(/^[A-Za-z0-9]{8,}$/, 'must be the Razorpay key secret'),
  webhookSecret: z.string().min(8, 'must be at least 8 characters').max(500),
});

export const razorpay = defineProvider({
  name: 'razorpay',
  credentials,
  toCredentials: (form) => ({
    publicKeyId: form.keyId,
    webhookSecret: form.webhookSecret,
    secrets: { keySecret: form.keySecret },
  }),
  apiBase: { default: RAZORPAY_API_BASE, what: 'the Razorpay API' },
  create: (options) => createRazorpayProvider(options),
});
