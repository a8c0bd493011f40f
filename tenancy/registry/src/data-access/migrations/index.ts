import type { Migration } from '@fleet/db';
import { inboxMigration, outboxMigration } from '@fleet/messaging';
import { registryMigration } from './001-registry';
import { usageMigration } from './002-usage';
import { storeRatesMigration } from './003-store-rates';
import { testModeMigration } from './004-test-mode';

export const migrations: Migration[] = [
  outboxMigration,
  inboxMigration,
  registryMigration,
  usageMigration,
  storeRatesMigration,
  testModeMigration,
];

/** Tables the outbox relay reads across tenants. */
export const relayTables = ['outbox'];
