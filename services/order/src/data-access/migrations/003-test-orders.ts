import type { Migration } from '@fleet/db';

/**
 * `orders.test`: the order was paid (or is being paid) in the store's test mode, as its payment
 * says (payment fixes the flag when it creates the payment). Null until the payment exists.
 * Orders older than this migration were all made in test mode (no store could be live).
 */
export const testOrdersMigration: Migration = {
  name: '003_test_orders',
  async up(knex) {
    await knex.raw('ALTER TABLE orders ADD COLUMN test boolean');
    await knex.raw('UPDATE orders SET test = true WHERE payment_id IS NOT NULL');
  },
};
