import type { Migration } from '@fleet/db';
import { inboxMigration, outboxMigration } from '@fleet/messaging';
import { shipmentsMigration } from './001-shipments';

export const migrations: Migration[] = [outboxMigration, inboxMigration, shipmentsMigration];

/** Tables the relay role reads across tenants: the outbox only. */
export const relayTables = ['outbox'];
