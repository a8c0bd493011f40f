import type { Migration } from '@fleet/db';
import { inboxMigration } from '@fleet/messaging';
import { searchDocumentsMigration } from './001-search-documents';
import { searchMatchesMigration } from './002-search-matches';
import { indexedVersionsMigration } from './003-indexed-versions';
import { searchRatingsMigration } from './004-ratings';

/** Search consumes events and publishes none: an inbox, no outbox. */
export const migrations: Migration[] = [
  inboxMigration,
  searchDocumentsMigration,
  searchMatchesMigration,
  indexedVersionsMigration,
  searchRatingsMigration,
];

/** No outbox, so the relay role (required by the shared migrate CLI) is granted no table. */
export const relayTables: string[] = [];
