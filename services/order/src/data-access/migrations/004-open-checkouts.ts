import type { Migration } from '@fleet/db';

/**
 * The access path of the open-checkouts cap (order.repository `insertOrder`): a shopper's PENDING
 * orders in one store, by e-mail address. Partial: only unpaid orders are in it.
 */
export const openCheckoutsMigration: Migration = {
  name: '004_open_checkouts',
  async up(knex) {
    await knex.raw(
      `CREATE INDEX orders_pending_by_email ON orders (tenant_id, lower(email)) WHERE status = 'PENDING'`,
    );
  },
  async down(knex) {
    await knex.raw('DROP INDEX orders_pending_by_email');
  },
};
