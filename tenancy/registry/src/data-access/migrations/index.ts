import type { Migration } from '@fleet/db';
import { outboxMigration } from '@fleet/messaging';
import { registryMigration } from './001-registry';

export const migrations: Migration[] = [outboxMigration, registryMigration];

/** Tables the outbox relay reads across tenants. */
export const relayTables = ['outbox'];
