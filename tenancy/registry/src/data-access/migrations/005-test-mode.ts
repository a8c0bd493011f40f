import type { Migration } from '@fleet/db';

/**
 * Test mode, as payment announces it (`payment.mode_changed`, versioned per tenant): projected
 * into store settings for `GET /api/store/info` (`testMode`). Every store starts in test mode;
 * payment owns the flag. Test orders are counted apart and never as revenue (GMV).
 */
export const testModeMigration: Migration = {
  name: '005_test_mode',
  async up(knex) {
    await knex.schema.alterTable('store_settings', (t) => {
      t.boolean('test_mode').notNullable().defaultTo(true);
      t.integer('test_mode_version').notNullable().defaultTo(0);
    });
    await knex.schema.alterTable('tenant_usage', (t) => {
      t.bigInteger('test_orders_count').notNullable().defaultTo(0);
    });
  },
};
