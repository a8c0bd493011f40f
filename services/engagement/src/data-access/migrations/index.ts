import type { Migration } from '@fleet/db';
import { inboxMigration, outboxMigration } from '@fleet/messaging';
import { engagementMigration } from './001-engagement';

export const migrations: Migration[] = [outboxMigration, inboxMigration, engagementMigration];

/** Tables the relay role reads across tenants: the outbox only. */
export const relayTables = ['outbox'];
