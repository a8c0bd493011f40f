export * from './envelope';
export { parseEnvelope, validateEnvelope, assertEnvelope, type EnvelopeCheck } from './envelope-validator';
export * from './stale-version';
export * from './broker-types';
export { connectServiceBroker, createBroker } from './broker';
export {
  consumerQueueNames,
  exchangeNames,
  retryDelayMs,
  type ConsumerQueueNames,
  type ExchangeNames,
} from './topology';
export { HEADER as MESSAGE_HEADERS } from './failure-routing';
export { outboxMigration, appendToOutbox, OUTBOX_CHANNEL } from './outbox';
export { startOutboxRelay, type OutboxRelay, type OutboxRelayOptions } from './outbox-relay';
export * from './inbox';
export { bullPrefix, startRepeatingJob, type RepeatingJob, type RepeatingJobOptions } from './repeating-job';
