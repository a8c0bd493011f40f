import { createTenantTable, type Migration } from '@fleet/db';

/**
 * One row per order saga (the saga id is the order id). `deadline_at` is both the lease of the
 * process running the current step and the time the recovery job may take the saga over.
 */
export const sagaStateMigration: Migration = {
  name: '002_saga_state',
  async up(knex) {
    await createTenantTable(
      knex,
      'saga_state',
      (t) => {
        t.text('order_id').notNullable();
        t.text('step').notNullable();
        t.text('status').notNullable();
        t.timestamp('deadline_at', { useTz: true }).notNullable();
        t.integer('attempts').notNullable().defaultTo(0);
        t.bigInteger('claim_seq').notNullable().defaultTo(0);
        t.text('last_error');
        t.jsonb('data').notNullable().defaultTo('{}');
        t.jsonb('history').notNullable().defaultTo('[]');
        t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
        t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
        t.foreign(['tenant_id', 'order_id']).references(['tenant_id', 'id']).inTable('orders');
      },
      { primaryKey: ['order_id'] },
    );
    await knex.raw(`ALTER TABLE saga_state ADD CONSTRAINT saga_state_status_check
      CHECK (status IN ('running', 'waiting', 'compensating', 'done', 'failed'))`);
    // The one index not led by tenant_id: the recovery scan reads due sagas ACROSS tenants (as the
    // relay role), and only the live ones, so a partial index on the deadline is its access path.
    await knex.raw(`CREATE INDEX saga_state_due_idx ON saga_state (deadline_at)
      WHERE status IN ('running', 'waiting', 'compensating')`);
  },
};
