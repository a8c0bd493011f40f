import { createTenantTable, newId, type Migration } from '@fleet/db';
import { createLogger } from '@fleet/logger';
import { TEST_AMQP_URL } from '@fleet/testing';
import { createBroker, inboxMigration, outboxMigration, type Broker, type BrokerOptions } from '../src';

/** A tiny tenant-owned table for effects. */
export const countersMigration: Migration = {
  name: '001_counters',
  async up(knex) {
    await createTenantTable(
      knex,
      'counters',
      (t) => {
        t.text('name').notNullable();
        t.integer('value').notNullable().defaultTo(0);
      },
      { primaryKey: ['name'] },
    );
  },
};

export const migrations: Migration[] = [outboxMigration, inboxMigration, countersMigration];

export const tenantA = { requestId: 'req-a', tenantId: newId('ten') };
export const tenantB = { requestId: 'req-b', tenantId: newId('ten') };

/** Silent unless TEST_LOG_LEVEL is set (e.g. `TEST_LOG_LEVEL=debug npx jest libs/messaging`). */
export const logger = createLogger({
  service: 'messaging-test',
  level: process.env.TEST_LOG_LEVEL ?? 'silent',
});

/** A broker with fast reconnects, for tests. */
export function testBroker(prefix: string, overrides: Partial<BrokerOptions> = {}): Promise<Broker> {
  return createBroker({
    url: TEST_AMQP_URL,
    prefix,
    logger,
    service: 'svc',
    reconnectBaseMs: 20,
    reconnectMaxMs: 200,
    connectTimeoutMs: 5_000,
    ...overrides,
  });
}

/** Pairwise differences of increasing timestamps. */
export function gaps(times: readonly number[]): number[] {
  return times.slice(1).map((t, i) => t - (times[i] ?? t));
}
