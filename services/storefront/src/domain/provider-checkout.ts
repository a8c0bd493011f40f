import type { PaymentView } from '@fleet/contracts';

/** The Stripe.js and Razorpay Checkout script URLs, and the origins each needs in the page's CSP. */
export const PROVIDER_PAGES = {
  stripe: {
    script: 'https://js.stripe.com/v3',
    csp: {
      script: ['https://js.stripe.com'],
      // Stripe's documented policy: its frames (the Payment Element, 3-D Secure via hooks).
      frame: ['https://js.stripe.com', 'https://hooks.stripe.com'],
      connect: ['https://api.stripe.com'],
    },
  },
  razorpay: {
    script: 'https://checkout.razorpay.com/v1/checkout.js',
    csp: {
      script: ['https://checkout.razorpay.com'],
      frame: ['https://api.razorpay.com', 'https://checkout.razorpay.com'],
      connect: ['https://api.razorpay.com'],
    },
  },
} as const;

export interface StripeCheckout {
  provider: 'stripe';
  script: string;
  publishable_key: string;
  client_secret: string;
  return_url: string;
}

export interface RazorpayCheckout {
  provider: 'razorpay';
  script: string;
  key_id: string;
  order_id: string;
  amount: number;
  currency: string;
  name: string;
  email: string;
  action: string;
}

export type ProviderCheckout = StripeCheckout | RazorpayCheckout;

const PUBLISHABLE_KEY = /^pk_(test|live)_[A-Za-z0-9]{1,200}$/;
const CLIENT_SECRET = /^pi_[A-Za-z0-9]{1,100}_secret_[A-Za-z0-9]{1,100}$/;
const KEY_ID = /^rzp_(test|live)_[A-Za-z0-9]{1,100}$/;
const RAZORPAY_ORDER = /^order_[A-Za-z0-9]{1,100}$/;

const text = (value: unknown, pattern: RegExp): string | null =>
  typeof value === 'string' && pattern.test(value) ? value : null;

/**
 * What the order page needs to take a pending Stripe or Razorpay payment in the browser, from the
 * payment's `clientParams`; null when the payment is not one of those, no longer pending, or its
 * parameters are not what the provider's script expects (the page then says the payment is not
 * available rather than mounting a broken form).
 */
export function providerCheckout(
  payment: PaymentView | null,
  page: { orderUrl: string; storeName: string; email?: string },
): ProviderCheckout | null {
  if (!payment || payment.status !== 'pending') return null;
  const params = payment.clientParams ?? {};
  if (payment.provider === 'stripe') {
    const publishableKey = text(params.publishableKey, PUBLISHABLE_KEY);
    const clientSecret = text(params.clientSecret, CLIENT_SECRET);
    if (!publishableKey || !clientSecret) return null;
    return {
      provider: 'stripe',
      script: PROVIDER_PAGES.stripe.script,
      publishable_key: publishableKey,
      client_secret: clientSecret,
      return_url: page.orderUrl,
    };
  }
  if (payment.provider === 'razorpay') {
    const keyId = text(params.keyId, KEY_ID);
    const orderId = text(params.orderId, RAZORPAY_ORDER);
    const amount = params.amount;
    const currency = text(params.currency, /^[A-Z]{3}$/);
    if (!keyId || !orderId || !currency || !Number.isSafeInteger(amount) || (amount as number) <= 0)
      return null;
    return {
      provider: 'razorpay',
      script: PROVIDER_PAGES.razorpay.script,
      key_id: keyId,
      order_id: orderId,
      amount: amount as number,
      currency,
      name: page.storeName,
      email: page.email ?? '',
      action: `${new URL(page.orderUrl).pathname}/razorpay`,
    };
  }
  return null;
}
