import { z } from 'zod';
import { keyField } from '../key-field';

/** The merchant's Razorpay keys, checked for their format before anything is sent to Razorpay. */
export const razorpayCredentials = z.strictObject({
  keyId: keyField(
    /^rzp_(test|live)_[A-Za-z0-9]{8,}$/,
    'must be a Razorpay key id (rzp_test_… or rzp_live_…)',
  ),
  keySecret: keyField(/^[A-Za-z0-9]{8,}$/, 'must be the Razorpay key secret'),
  webhookSecret: z.string().min(8, 'must be at least 8 characters').max(500),
});
