import { createTenantTable, type Migration } from '@fleet/db';

/** Per-tenant counters for the console, kept current by consuming product and order events. */
export const usageMigration: Migration = {
  name: '002_usage',
  async up(knex) {
    await createTenantTable(
      knex,
      'tenant_usage',
      (t) => {
        t.bigInteger('orders_count').notNullable().defaultTo(0);
        t.integer('products_count').notNullable().defaultTo(0);
        t.jsonb('gmv').notNullable().defaultTo('{}');
        t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      },
      { primaryKey: [] },
    );
  },
};
