import type { Migration } from '@fleet/db';
import { inboxMigration, outboxMigration } from '@fleet/messaging';
import { inventoryMigration } from './001-inventory';

export const migrations: Migration[] = [outboxMigration, inboxMigration, inventoryMigration];

/**
 * Tables the relay role reads across tenants: the outbox (the relay) and reservations (the expiry
 * sweep's due-id scan only; every change still runs inside `withTenant` as the application role).
 */
export const relayTables = ['outbox', 'reservations'];
