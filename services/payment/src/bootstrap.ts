import type { Db } from '@fleet/db';
import type { Logger } from '@fleet/logger';
import { createWebhookSender } from './data-access/webhook-sender';
import { createCredentialsCipher } from './domain/settings/credentials-cipher';
import type { PaymentDeps } from './domain/payment-deps';
import type { PaymentProvider } from './domain/providers/payment-provider';
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
  /** Defaults to every provider in the registration list (domain/providers/registry.ts). */
  providers?: readonly PaymentProvider[];
  /** `<NAME>_API_BASE`: the providers' API hosts by name (a local stand-in in tests). */
  apiBases?: Partial<Record<ProviderName, string>>;
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
    providers: createProviderRegistry(options.providers ?? createRegisteredProviders(options.apiBases)),
    webhookSender: createWebhookSender({ baseUrl: options.webhookBaseUrl, signingKey: options.signingKey }),
    onReceiptStored: options.onReceiptStored,
    ...(options.refundRetry ? { refundRetry: options.refundRetry } : {}),
  };
}
