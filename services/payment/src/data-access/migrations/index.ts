import type { Migration } from '@fleet/db';
import { inboxMigration, outboxMigration } from '@fleet/messaging';
import { paymentsMigration } from './001-payments';
import { testModeMigration } from './002-test-mode-and-refund-failures';
import { providerNamesInCodeMigration } from './003-provider-names-in-code';
import { refundChecksMigration } from './004-refund-checks';

export const migrations: Migration[] = [
  outboxMigration,
  inboxMigration,
  paymentsMigration,
  testModeMigration,
  providerNamesInCodeMigration,
  refundChecksMigration,
];

/**
 * Tables the relay role reads across tenants: the outbox (the relay), the webhook receipts (the
 * processor finds due receipts of every tenant, then handles each one inside its tenant) and the
 * refunds (the retrier finds refunds due for another attempt at their provider, and refunds
 * pending there that are due to be asked about, likewise).
 */
export const relayTables = ['outbox', 'webhook_receipts', 'refunds'];
