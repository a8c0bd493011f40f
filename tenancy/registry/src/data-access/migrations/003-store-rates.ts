import type { Migration } from '@fleet/db';

/** Rates checkout applies: flat shipping, tax in basis points, the unpaid-order timeout. */
export const storeRatesMigration: Migration = {
  name: '003_store_rates',
  async up(knex) {
    await knex.schema.alterTable('store_settings', (t) => {
      t.integer('shipping_flat_rate').notNullable().defaultTo(0);
      t.integer('tax_rate_bps').notNullable().defaultTo(0);
      t.integer('unpaid_order_timeout_minutes').notNullable().defaultTo(30);
    });
    await knex.raw(
      'ALTER TABLE store_settings ADD CONSTRAINT store_rates_check CHECK (shipping_flat_rate >= 0 AND tax_rate_bps BETWEEN 0 AND 10000 AND unpaid_order_timeout_minutes BETWEEN 1 AND 10080)',
    );
  },
};
