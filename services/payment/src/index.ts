// Payment as a library: other workspaces' tests (order saga, gateway, e2e) run it in-process.
export { createApp, type PaymentAppDeps } from './app';
export { createPaymentDeps, type PaymentDepsOptions } from './bootstrap';
export { configSchema, type PaymentConfig } from './config';
export { migrations, relayTables } from './data-access/migrations';
export type { ReceiptKey } from './data-access/webhook-receipt.repository';
export type { PaymentDeps } from './domain/payment-deps';
export type {
  PaymentProvider,
  ProviderCredentials,
  ProviderEvent,
  ProviderName,
  WebhookVerification,
} from '@fleet/payment-providers';
export { createProviderRegistry, PROVIDER_NAMES, type ProviderRegistry } from './domain/providers/registry';
export {
  OFFLINE_SIGNATURE_HEADER,
  offlineWebhook,
  signOfflineWebhook,
  type OfflineWebhookBody,
} from '@fleet/payment-providers';
export { createCredentialsCipher, type CredentialsCipher } from './domain/settings/credentials-cipher';
export { PAYMENT_TRANSITIONS, assertTransition, canTransition } from './domain/payments/payment-lifecycle';
export type { RefundView } from './domain/payments/views';
export {
  startWebhookProcessor,
  type WebhookProcessor,
  type WebhookProcessorOptions,
} from './messaging/webhook-processor';
export {
  startRefundRetrier,
  type RefundRetrier,
  type RefundRetrierOptions,
} from './messaging/refund-retrier';
export { start } from './start';
export { tenantDataPolicy } from './tenant-data';
