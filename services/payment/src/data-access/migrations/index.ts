import type { Migration } from '@fleet/db';
import { inboxMigration, outboxMigration } from '@fleet/messaging';
import { paymentsMigration } from './001-payments';

export const migrations: Migration[] = [outboxMigration, inboxMigration, paymentsMigration];

/**
 * Tables the relay role reads across tenants: the outbox (the relay) and the webhook receipts
 * (the processor finds due receipts of every tenant, then handles each one inside its tenant).
 */
export const relayTables = ['outbox', 'webhook_receipts'];
