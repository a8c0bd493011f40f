import type { Migration } from '@fleet/db';
import { outboxMigration } from '@fleet/messaging';
import { accountsMigration } from './001-accounts';
import { platformMigration } from './002-platform';
import { staffCreationKeyMigration } from './003-staff-creation-key';
import { staffInvitationsMigration } from './004-staff-invitations';

export const migrations: Migration[] = [
  outboxMigration,
  accountsMigration,
  platformMigration,
  staffCreationKeyMigration,
  staffInvitationsMigration,
];

/** Tables the outbox relay reads across tenants. */
export const relayTables = ['outbox'];
