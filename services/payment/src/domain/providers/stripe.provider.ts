import { AppError } from '@fleet/errors';
import type { PaymentProvider } from '../payment-provider';

export interface StripeProviderOptions {
  /** Where the Stripe API is (tests: a local stand-in); default https://api.stripe.com. */
  apiBase?: string;
}

/** PLACEHOLDER: being implemented. */
export function createStripeProvider(_options: StripeProviderOptions = {}): PaymentProvider {
  const notYet = (): never => {
    throw new AppError('unavailable', 'Stripe is not implemented yet.', { code: 'provider_unavailable' });
  };
  return { name: 'stripe', createPayment: notYet, verifyWebhook: notYet, refund: notYet };
}
