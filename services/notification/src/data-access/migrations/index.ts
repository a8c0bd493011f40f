import type { Migration } from '@fleet/db';
import { inboxMigration } from '@fleet/messaging';
import { notificationsMigration } from './001-notifications';
import { deliveryOrderMigration } from './002-delivery-order';

export const migrations: Migration[] = [inboxMigration, notificationsMigration, deliveryOrderMigration];

/** Notification publishes no events: the relay reads nothing here. */
export const relayTables: string[] = [];
