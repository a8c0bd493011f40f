import type { Migration } from '@fleet/db';
import { themeTemplatesMigration } from './001-theme-templates';

export const migrations: Migration[] = [themeTemplatesMigration];

/** The storefront publishes no events: no outbox, no relay tables. */
export const relayTables: string[] = [];
