import type { Db } from '@fleet/db';
import type { Logger } from '@fleet/logger';
import { createWebhookSender } from './data-access/webhook-sender';
import { createCredentialsCipher } from './domain/credentials-cipher';
import type { PaymentDeps } from './domain/payment-deps';
import type { PaymentProvider } from './domain/payment-provider';
import { createProviderRegistry } from './domain/provider-registry';
import { createOfflineProvider } from './domain/providers/offline.provider';
import { createRazorpayProvider } from './domain/providers/razorpay.provider';
import { createStripeProvider } from './domain/providers/stripe.provider';

export interface PaymentDepsOptions {
  db: Db;
  logger: Logger;
  /** PAYMENT_CREDENTIALS_KEY: `<keyId>:<secret>[,…]`, the current key first. */
  credentialsKey: string;
  /** INTERNAL_SIGNING_KEY (the offline provider's webhook deliveries carry a signed context). */
  signingKey: string;
  /** Where this service is reached for webhook deliveries; a function when the port is known late. */
  webhookBaseUrl: string | (() => string);
  /** Defaults to every provider this build implements: offline, Stripe and Razorpay. */
  providers?: readonly PaymentProvider[];
  /** STRIPE_API_BASE / RAZORPAY_API_BASE: the providers' API hosts (a local stand-in in tests). */
  stripeApiBase?: string;
  razorpayApiBase?: string;
  onReceiptStored?: () => void;
  /** Retries of refunds the provider could not take (tests shorten them). */
  refundRetry?: PaymentDeps['refundRetry'];
}

/** Wires payment's dependencies from connections and settings (main.ts, and tests anywhere). */
export function createPaymentDeps(options: PaymentDepsOptions): PaymentDeps {
  return {
    db: options.db,
    logger: options.logger,
    cipher: createCredentialsCipher(options.credentialsKey),
    providers: createProviderRegistry(
      options.providers ?? [
        createOfflineProvider(),
        createStripeProvider({ apiBase: options.stripeApiBase }),
        createRazorpayProvider({ apiBase: options.razorpayApiBase }),
      ],
    ),
    webhookSender: createWebhookSender({ baseUrl: options.webhookBaseUrl, signingKey: options.signingKey }),
    onReceiptStored: options.onReceiptStored,
    ...(options.refundRetry ? { refundRetry: options.refundRetry } : {}),
  };
}
