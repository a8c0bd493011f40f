import type { Migration } from '@fleet/db';

/**
 * Dead letters a platform admin discarded, kept with the reason: the platform's own record, like
 * `tenants` (a dead letter may belong to no tenant at all when its body is malformed), so no
 * row-level security; reachable only through the platform admins' console API.
 */
export const deadLetterDiscardsMigration: Migration = {
  name: '006_dead_letter_discards',
  async up(knex) {
    await knex.schema.createTable('dead_letter_discards', (t) => {
      t.text('id').primary();
      t.text('service').notNullable();
      t.text('consumer').notNullable();
      t.text('message_id').notNullable();
      t.text('event_type');
      t.text('tenant_id');
      t.text('error').notNullable();
      t.text('body').notNullable();
      t.text('reason').notNullable();
      t.text('discarded_by').notNullable();
      t.timestamp('discarded_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    });
    await knex.raw(
      'CREATE INDEX dead_letter_discards_recent_idx ON dead_letter_discards (discarded_at DESC, id DESC)',
    );
  },
};
