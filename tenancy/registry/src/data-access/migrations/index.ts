import type { Migration } from '@fleet/db';
import { inboxMigration, outboxMigration } from '@fleet/messaging';
import { registryMigration } from './001-registry';
import { usageMigration } from './002-usage';

export const migrations: Migration[] = [outboxMigration, inboxMigration, registryMigration, usageMigration];

/** Tables the outbox relay reads across tenants. */
export const relayTables = ['outbox'];
