import type { Migration } from '@fleet/db';
import { inboxMigration, outboxMigration } from '@fleet/messaging';
import { productsMigration } from './001-products';
import { taxonomyMigration } from './002-taxonomy';
import { availabilityMigration } from './003-availability';
import { storeCardMigration } from './004-store-card';
import { ratingsMigration } from './005-ratings';

export const migrations: Migration[] = [
  outboxMigration,
  inboxMigration,
  productsMigration,
  taxonomyMigration,
  availabilityMigration,
  storeCardMigration,
  ratingsMigration,
];

/** Tables the outbox relay reads across tenants. */
export const relayTables = ['outbox'];
