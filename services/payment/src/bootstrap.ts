import type { Db } from '@fleet/db';
import type { Logger } from '@fleet/logger';
import type { PaymentProvider } from '@fleet/payment-providers';
import { createWebhookSender } from './data-access/webhook-sender';
import { createCredentialsCipher } from './domain/settings/credentials-cipher';
import type { PaymentDeps } from './domain/payment-deps';
import {
  createProviderRegistry,
  createRegisteredProviders,
  type ProviderName,
} from './domain/providers/registry';

export interface PaymentDepsOptions {
  db: Db;
  logger: Logger;
  /** PAYMENT_CREDENTIALS_KEY: `<keyId>:<secret>[,…]`, the current key first. */
  credentialsKey: string;
  /** INTERNAL_SIGNING_KEY (the offline provider's webhook deliveries carry a signed context). */
  signingKey: string;
  /** Where this service is reached for webhook deliveries; a function when the port is known late. */
  webhookBaseUrl: string | (() => string);
  /** Defaults to every provider of the one list (`PAYMENT_PROVIDERS`, `@fleet/payment-providers`). */
  providers?: readonly PaymentProvider[];
  /** `<NAME>_API_BASE`: the providers' API hosts by name (a local stand-in in tests). */
  apiBases?: Partial<Record<ProviderName, string>>;
  onReceiptStored?: () => void;
  /** Retries of refunds the provider could not take (tests shorten them). */
  refundRetry?: PaymentDeps['refundRetry'];
  /** REFUND_POLL_*: when refunds pending at their provider are asked about (tests shorten it). */
  refundPoll?: PaymentDeps['refundPoll'];
}

/**
 * Wires payment's dependencies from connections and settings (main.ts, and tests anywhere). Async:
 * the listed providers' strategies (and their SDKs) are imported here, once.
 */
export async function createPaymentDeps(options: PaymentDepsOptions): Promise<PaymentDeps> {
  const providers = options.providers ?? (await createRegisteredProviders(options.apiBases));
  return {
    db: options.db,
    logger: options.logger,
    cipher: createCredentialsCipher(options.credentialsKey),
    providers: createProviderRegistry(providers),
    webhookSender: createWebhookSender({ baseUrl: options.webhookBaseUrl, signingKey: options.signingKey }),
    onReceiptStored: options.onReceiptStored,
    ...(options.refundRetry ? { refundRetry: options.refundRetry } : {}),
    ...(options.refundPoll ? { refundPoll: options.refundPoll } : {}),
  };
}
