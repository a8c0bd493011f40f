import { createTenantTable, type Migration } from '@fleet/db';

/**
 * Template overrides, deliveries and the contact of each order (who to write to when an event
 * names only the order). Every table is tenant-owned under forced RLS, `tenant_id` first in every
 * key and index.
 */
export const notificationsMigration: Migration = {
  name: '001_notifications',
  async up(knex) {
    await createTenantTable(
      knex,
      'templates',
      (t) => {
        t.text('type').notNullable();
        t.text('subject').notNullable();
        t.text('html').notNullable();
        t.text('text').nullable();
        t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      },
      { primaryKey: ['type'] },
    );

    await createTenantTable(
      knex,
      'order_contacts',
      (t) => {
        t.text('order_id').notNullable();
        t.text('email').notNullable();
        t.text('currency').notNullable();
        t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      },
      { primaryKey: ['order_id'] },
    );

    await createTenantTable(
      knex,
      'deliveries',
      (t) => {
        t.text('id').notNullable();
        t.text('event_id').notNullable();
        t.text('type').notNullable();
        t.text('recipient').notNullable();
        // What the template reads; a one-time token in it is removed once the delivery ends.
        t.jsonb('data').notNullable();
        t.text('status').notNullable().defaultTo('queued');
        t.text('subject').nullable();
        t.integer('attempts').notNullable().defaultTo(0);
        t.text('last_error').nullable();
        t.text('template_error').nullable();
        t.text('message_id').nullable();
        t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
        t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
        t.timestamp('sent_at', { useTz: true }).nullable();
        t.unique(['tenant_id', 'event_id', 'type']);
      },
      { primaryKey: ['id'] },
    );
    await knex.raw(`ALTER TABLE deliveries ADD CONSTRAINT deliveries_status_check
      CHECK (status IN ('queued', 'sent', 'failed'))`);
    await knex.raw('CREATE INDEX deliveries_newest_idx ON deliveries (tenant_id, created_at DESC, id DESC)');
  },
  async down(knex) {
    for (const table of ['deliveries', 'order_contacts', 'templates']) await knex.schema.dropTable(table);
  },
};
