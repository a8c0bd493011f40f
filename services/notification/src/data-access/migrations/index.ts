import type { Migration } from '@fleet/db';
import { inboxMigration } from '@fleet/messaging';
import { notificationsMigration } from './001-notifications';

export const migrations: Migration[] = [inboxMigration, notificationsMigration];

/** Notification publishes no events: the relay reads nothing here. */
export const relayTables: string[] = [];
