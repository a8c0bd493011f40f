export * from './key-field';
export * from './provider';
export * from './provider-module';
export * from './providers';
export * from './settings-body';
// The offline provider's webhook format: the payment service's simulate endpoint signs one (no SDK).
export { OFFLINE_SIGNATURE_HEADER } from './offline/offline-signature';
export { offlineWebhook, signOfflineWebhook, type OfflineWebhookBody } from './offline/offline-webhook';
