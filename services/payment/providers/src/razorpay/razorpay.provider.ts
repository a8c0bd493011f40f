import type { PaymentProvider, ProviderCredentials } from '../provider';
import { captureRazorpayOrder } from './razorpay-capture';
import { openRazorpay, type RazorpayApi } from './razorpay-client';
import { confirmRazorpayPayment } from './razorpay-confirm';
import { createRazorpayOrder } from './razorpay-create-order';
import { checkRazorpayCredentials } from './razorpay-credentials';
import { requireRazorpayKeys } from './razorpay-keys';
import { refundRazorpayPayment } from './razorpay-refund';
import { retrieveRazorpayRefund } from './razorpay-refund-state';
import { retrieveRazorpayPayment } from './razorpay-retrieve';
import { verifyRazorpayWebhook } from './razorpay-webhook';

export interface RazorpayProviderOptions {
  /** Where the Razorpay API is (tests: a local stand-in); default https://api.razorpay.com. */
  apiBase?: string;
}

/**
 * `razorpay`, through the official SDK with each tenant's own keys. A payment is a Razorpay order
 * (`order_…` is the provider payment id; the shopper pays it in Razorpay Checkout), confirmed by
 * Checkout's signed handler (`confirmPayment`) and by the `payment.captured` / `payment.failed`
 * webhooks; refunds are made on the order's captured payment and confirmed by `refund.processed`.
 * The SDK has no idempotency keys: creation and refunds look for their earlier attempt first.
 */
export function createRazorpayProvider(options: RazorpayProviderOptions = {}): PaymentProvider {
  const api = (credentials: ProviderCredentials): RazorpayApi =>
    openRazorpay(requireRazorpayKeys(credentials), options.apiBase);
  return {
    name: 'razorpay',
    // async throughout: a missing key becomes a rejected promise, never a synchronous throw.
    createPayment: async (ctx, input) => createRazorpayOrder(ctx, api(input.credentials), input),
    verifyWebhook: async (rawBody, headers, secret) => verifyRazorpayWebhook(rawBody, headers, secret),
    refund: async (_ctx, input) => refundRazorpayPayment(api(input.credentials), input),
    retrieveRefund: async (_ctx, input) => retrieveRazorpayRefund(api(input.credentials), input),
    capture: async (_ctx, input) => captureRazorpayOrder(api(input.credentials), input),
    confirmPayment: async (_ctx, input) => confirmRazorpayPayment(api(input.credentials), input),
    retrievePayment: async (_ctx, input) => retrieveRazorpayPayment(api(input.credentials), input),
    checkCredentials: async (credentials) => checkRazorpayCredentials(credentials, options.apiBase),
  };
}
