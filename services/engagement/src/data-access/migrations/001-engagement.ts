import { createTenantTable, type Migration } from '@fleet/db';

/**
 * Wishlists, reviews, the rating summary per product, and the projections of orders that reviews
 * (verified purchase) and recommendations (bought together) read. Every table is tenant-owned
 * (forced RLS), and every key and index leads with `tenant_id`.
 */
export const engagementMigration: Migration = {
  name: '001_engagement',
  async up(knex) {
    await createTenantTable(
      knex,
      'wishlist_items',
      (t) => {
        t.text('customer_id').notNullable();
        t.text('product_id').notNullable();
        t.timestamp('added_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      },
      { primaryKey: ['customer_id', 'product_id'] },
    );
    await knex.raw(
      'CREATE INDEX wishlist_items_newest_idx ON wishlist_items (tenant_id, customer_id, added_at DESC, product_id DESC)',
    );

    await createTenantTable(
      knex,
      'reviews',
      (t) => {
        t.text('id').notNullable();
        t.text('product_id').notNullable();
        t.text('customer_id').notNullable();
        t.smallint('rating').notNullable();
        t.text('title').notNullable();
        t.text('body').notNullable();
        t.boolean('hidden').notNullable().defaultTo(false);
        t.text('reply').nullable();
        t.timestamp('replied_at', { useTz: true }).nullable();
        t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
        t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      },
      { primaryKey: ['id'] },
    );
    await knex.raw('ALTER TABLE reviews ADD CONSTRAINT reviews_rating_range CHECK (rating BETWEEN 1 AND 5)');
    await knex.raw(
      'CREATE UNIQUE INDEX reviews_one_per_customer ON reviews (tenant_id, product_id, customer_id)',
    );
    await knex.raw(
      'CREATE INDEX reviews_product_newest_idx ON reviews (tenant_id, product_id, created_at DESC, id DESC)',
    );
    await knex.raw('CREATE INDEX reviews_newest_idx ON reviews (tenant_id, created_at DESC, id DESC)');

    // The last summary published per product: its version orders the events catalog applies.
    await createTenantTable(
      knex,
      'rating_summaries',
      (t) => {
        t.text('product_id').notNullable();
        t.decimal('average', 4, 2).nullable();
        t.integer('count').notNullable();
        t.integer('version').notNullable();
      },
      { primaryKey: ['product_id'] },
    );

    // From `order.placed`: which customer bought which product in which order.
    await createTenantTable(
      knex,
      'purchased_items',
      (t) => {
        t.text('order_id').notNullable();
        t.text('product_id').notNullable();
        t.text('customer_id').nullable();
      },
      { primaryKey: ['order_id', 'product_id'] },
    );
    await knex.raw(
      'CREATE INDEX purchased_items_customer_idx ON purchased_items (tenant_id, customer_id, product_id)',
    );

    // From `order.delivered` (kept apart so either event may arrive first).
    await createTenantTable(
      knex,
      'delivered_orders',
      (t) => {
        t.text('order_id').notNullable();
        t.timestamp('delivered_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      },
      { primaryKey: ['order_id'] },
    );

    // Orders that held both products, each pair stored in both directions.
    await createTenantTable(
      knex,
      'co_purchases',
      (t) => {
        t.text('product_id').notNullable();
        t.text('other_id').notNullable();
        t.integer('orders').notNullable();
      },
      { primaryKey: ['product_id', 'other_id'] },
    );
    await knex.raw(
      'CREATE INDEX co_purchases_top_idx ON co_purchases (tenant_id, product_id, orders DESC, other_id)',
    );
  },
  async down(knex) {
    for (const table of [
      'co_purchases',
      'delivered_orders',
      'purchased_items',
      'rating_summaries',
      'reviews',
      'wishlist_items',
    ]) {
      await knex.schema.dropTable(table);
    }
  },
};
