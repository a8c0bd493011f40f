import type { Migration } from '@fleet/db';
import { inboxMigration, outboxMigration } from '@fleet/messaging';
import { ordersMigration } from './001-orders';
import { sagaStateMigration } from './002-saga-state';
import { testOrdersMigration } from './003-test-orders';
import { openCheckoutsMigration } from './004-open-checkouts';
import { sagaRetryingMigration } from './005-saga-retrying';
import { orderSearchMigration } from './006-order-search';
import { orderShipmentsMigration } from './007-order-shipments';
import { returnsMigration } from './008-returns';

export const migrations: Migration[] = [
  outboxMigration,
  inboxMigration,
  ordersMigration,
  sagaStateMigration,
  testOrdersMigration,
  openCheckoutsMigration,
  sagaRetryingMigration,
  orderSearchMigration,
  orderShipmentsMigration,
  returnsMigration,
];

/** Tables the relay role reads across tenants: the outbox (relay) and due sagas (recovery scan). */
export const relayTables = ['outbox', 'saga_state'];
