import type { Migration } from '@fleet/db';
import { outboxMigration } from '@fleet/messaging';
import { accountsMigration } from './001-accounts';
import { platformMigration } from './002-platform';

export const migrations: Migration[] = [outboxMigration, accountsMigration, platformMigration];

/** Tables the outbox relay reads across tenants. */
export const relayTables = ['outbox'];
