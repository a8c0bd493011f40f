import type { Db } from '@fleet/db';
import type { Logger } from '@fleet/logger';
import type { ReceiptKey, RetryPolicy } from '../data-access/webhook-receipt.repository';
import type { WebhookSender } from '../data-access/webhook-sender';
import type { RefundPollPolicy } from './refunds/refund-poll-policy';
import type { CredentialsCipher } from './settings/credentials-cipher';
import type { ProviderRegistry } from './providers/registry';

/** What payment's use cases need; `createPaymentDeps` builds it for main.ts and for tests. */
export interface PaymentDeps {
  db: Db;
  logger: Logger;
  cipher: CredentialsCipher;
  providers: ProviderRegistry;
  /** Delivers the offline provider's signed webhooks to this service, as a real provider would. */
  webhookSender: WebhookSender;
  /**
   * Called after a new webhook receipt committed without being applied (not applicable yet, or
   * applying failed), with its key: main.ts hands it to the processor.
   */
  onReceiptStored?: (key?: ReceiptKey) => void;
  /** Retries of refunds the provider could not take (default: submit-refund.ts). */
  refundRetry?: Partial<RetryPolicy>;
  /** When refunds pending at their provider are asked about (default: refund-poll-policy.ts). */
  refundPoll?: Partial<RefundPollPolicy>;
}
