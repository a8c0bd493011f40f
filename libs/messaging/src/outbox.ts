import { createTenantTable, prepared, type Migration, type Queryable } from '@fleet/db';
import type { EventEnvelope } from './envelope';
import { assertEnvelope } from './envelope-validator';

/** The NOTIFY channel the relay LISTENs on. */
export const OUTBOX_CHANNEL = 'outbox';

/**
 * The transactional outbox: events are rows written in the same transaction as the state change,
 * so an event exists if and only if its transaction committed. Tenant-owned (RLS) like any table;
 * only the relay role reads across tenants (granted by `migrate({relay})`).
 */
export const outboxMigration: Migration = {
  name: '000_outbox',
  async up(knex) {
    await createTenantTable(
      knex,
      'outbox',
      (t) => {
        t.text('id').notNullable(); // the event id
        t.specificType('seq', 'bigserial').notNullable(); // insertion order: the relay publishes in it
        t.text('type').notNullable();
        t.text('aggregate_id').nullable();
        t.integer('version').nullable();
        t.jsonb('envelope').notNullable();
        t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
        t.timestamp('published_at', { useTz: true }).nullable();
        t.integer('attempts').notNullable().defaultTo(0);
        t.text('last_error').nullable();
      },
      { primaryKey: ['id'] },
    );
    // The one index not led by tenant_id: the relay reads ACROSS tenants in commit-ish (seq) order,
    // and only the unpublished rows, so a small partial index on seq is exactly its access path.
    await knex.raw('CREATE INDEX outbox_unpublished_seq ON outbox (seq) WHERE published_at IS NULL');
    // One wake-up per inserting statement, delivered at commit (and never for a rollback).
    await knex.raw(`
      CREATE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('${OUTBOX_CHANNEL}', '');
        RETURN NULL;
      END $$`);
    await knex.raw(
      'CREATE TRIGGER outbox_notify AFTER INSERT ON outbox FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify()',
    );
  },
  async down(knex) {
    await knex.schema.dropTable('outbox');
    await knex.raw('DROP FUNCTION IF EXISTS outbox_notify()');
  },
};

/** One statement for any number of events; rows get their seq in array order. */
const APPEND = prepared(
  'fleet_outbox_append',
  `INSERT INTO outbox (tenant_id, id, type, aggregate_id, version, envelope)
   SELECT e->>'tenantId', e->>'id', e->>'type', e->>'aggregateId', (e->>'version')::int, e
     FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS events(e, n)
    ORDER BY n`,
);

/**
 * Writes events to the outbox in the caller's transaction: the only way business code publishes.
 * They are published (at least once, in order) by the relay after the transaction commits.
 * Row-level security refuses an envelope of another tenant than the transaction's.
 */
export async function appendToOutbox(
  tx: Queryable,
  events: EventEnvelope | readonly EventEnvelope[],
): Promise<void> {
  const list: readonly EventEnvelope[] = Array.isArray(events) ? events : [events as EventEnvelope];
  if (list.length === 0) return;
  for (const envelope of list) assertEnvelope(envelope);
  // Nothing reads the result: the insert travels with the next statement or COMMIT.
  tx.defer(APPEND, [JSON.stringify(list)]);
}
