import type { Migration } from '@fleet/db';
import { outboxMigration } from '@fleet/messaging';
import { accountsMigration } from './001-accounts';
import { platformMigration } from './002-platform';
import { staffCreationKeyMigration } from './003-staff-creation-key';
import { staffInvitationsMigration } from './004-staff-invitations';
import { accountTokensMigration } from './005-account-tokens';

export const migrations: Migration[] = [
  outboxMigration,
  accountsMigration,
  platformMigration,
  staffCreationKeyMigration,
  staffInvitationsMigration,
  accountTokensMigration,
];

/** Tables the outbox relay reads across tenants. */
export const relayTables = ['outbox'];
