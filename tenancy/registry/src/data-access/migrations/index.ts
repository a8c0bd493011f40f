import type { Migration } from '@fleet/db';
import { inboxMigration, outboxMigration } from '@fleet/messaging';
import { registryMigration } from './001-registry';
import { usageMigration } from './002-usage';
import { storeRatesMigration } from './003-store-rates';
import { signupRequestsMigration } from './004-signup-requests';
import { testModeMigration } from './005-test-mode';
import { deadLetterDiscardsMigration } from './006-dead-letter-discards';
import { tenantLifecycleMigration } from './007-tenant-lifecycle';

export const migrations: Migration[] = [
  outboxMigration,
  inboxMigration,
  registryMigration,
  usageMigration,
  storeRatesMigration,
  signupRequestsMigration,
  testModeMigration,
  deadLetterDiscardsMigration,
  tenantLifecycleMigration,
];

/** Tables the outbox relay reads across tenants. */
export const relayTables = ['outbox'];
