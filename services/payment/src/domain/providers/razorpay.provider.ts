import { AppError } from '@fleet/errors';
import type { PaymentProvider } from '../payment-provider';

export interface RazorpayProviderOptions {
  /** Where the Razorpay API is (tests: a local stand-in); default https://api.razorpay.com. */
  apiBase?: string;
}

/** PLACEHOLDER: being implemented. */
export function createRazorpayProvider(_options: RazorpayProviderOptions = {}): PaymentProvider {
  const notYet = (): never => {
    throw new AppError('unavailable', 'Razorpay is not implemented yet.', { code: 'provider_unavailable' });
  };
  return { name: 'razorpay', createPayment: notYet, verifyWebhook: notYet, refund: notYet };
}
