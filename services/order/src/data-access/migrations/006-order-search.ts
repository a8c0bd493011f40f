import type { Migration } from '@fleet/db';

/**
 * The merchant's order search by the start of an e-mail address (`GET /api/admin/orders?q=`):
 * `lower(email) LIKE 'prefix%'` in one store, newest first. `text_pattern_ops` lets LIKE use it
 * whatever the database's collation.
 */
export const orderSearchMigration: Migration = {
  name: '006_order_search',
  async up(knex) {
    await knex.raw(
      `CREATE INDEX orders_by_email ON orders (tenant_id, lower(email) text_pattern_ops, id DESC)`,
    );
  },
  async down(knex) {
    await knex.raw('DROP INDEX orders_by_email');
  },
};
