import type { Migration } from '@fleet/db';
import { inboxMigration } from '@fleet/messaging';
import { searchDocumentsMigration } from './001-search-documents';
import { indexedVersionsMigration } from './002-indexed-versions';

/** Search publishes no events, so it has an inbox and no outbox (and no relay role). */
export const migrations: Migration[] = [inboxMigration, searchDocumentsMigration, indexedVersionsMigration];
