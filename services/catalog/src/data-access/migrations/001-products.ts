import { createTenantTable, type Migration } from '@fleet/db';

/**
 * Products and variants. Every key leads with `tenant_id`; foreign keys are composite, so no row
 * can point at another tenant's row. `price_min`, `price_max`, `currency` and `available` are
 * denormalised from the variants (and their availability) so the storefront can filter and sort
 * by them on an index, in one statement.
 */
export const productsMigration: Migration = {
  name: '001_products',
  async up(knex) {
    await createTenantTable(
      knex,
      'products',
      (t) => {
        t.text('id').notNullable();
        t.text('slug').notNullable();
        t.text('title').notNullable();
        t.text('description').notNullable().defaultTo('');
        t.text('status').notNullable().defaultTo('active');
        t.text('seo_title');
        t.text('seo_description');
        t.jsonb('images').notNullable().defaultTo('[]');
        t.specificType('option_names', 'text[]').notNullable().defaultTo('{}');
        t.specificType('currency', 'char(3)').notNullable();
        t.integer('price_min').notNullable();
        t.integer('price_max').notNullable();
        t.boolean('available').notNullable().defaultTo(false);
        t.integer('version').notNullable().defaultTo(1);
        // Millisecond precision: a keyset cursor carries created_at through JSON without loss.
        t.timestamp('created_at', { useTz: true, precision: 3 }).notNullable().defaultTo(knex.fn.now());
        t.timestamp('updated_at', { useTz: true, precision: 3 }).notNullable().defaultTo(knex.fn.now());
        t.unique(['tenant_id', 'slug'], { indexName: 'products_slug_unique' });
      },
      { primaryKey: ['id'] },
    );
    await knex.raw(`ALTER TABLE products ADD CONSTRAINT products_status_check
      CHECK (status IN ('draft', 'active', 'archived'))`);
    // One index per storefront sort (price_desc scans the price index backwards), one for admin.
    await knex.raw(
      'CREATE INDEX products_newest_idx ON products (tenant_id, status, created_at DESC, id DESC)',
    );
    await knex.raw('CREATE INDEX products_price_idx ON products (tenant_id, status, price_min, id)');
    await knex.raw('CREATE INDEX products_admin_idx ON products (tenant_id, created_at DESC, id DESC)');

    await createTenantTable(
      knex,
      'variants',
      (t) => {
        t.text('id').notNullable();
        t.text('product_id').notNullable();
        t.text('sku').notNullable();
        t.text('title').notNullable();
        t.integer('price').notNullable();
        t.specificType('currency', 'char(3)').notNullable();
        t.integer('compare_at_price');
        t.integer('weight_grams');
        t.jsonb('options').notNullable().defaultTo('{}');
        t.integer('position').notNullable().defaultTo(0);
        t.unique(['tenant_id', 'sku'], { indexName: 'variants_sku_unique' });
        t.index(['tenant_id', 'product_id', 'position'], 'variants_product_idx');
        t.foreign(['tenant_id', 'product_id'], 'variants_product_fk')
          .references(['tenant_id', 'id'])
          .inTable('products')
          .onDelete('CASCADE');
      },
      { primaryKey: ['id'] },
    );
    await knex.raw(`ALTER TABLE variants ADD CONSTRAINT variants_money_check
      CHECK (price >= 0 AND (compare_at_price IS NULL OR compare_at_price >= 0))`);

    await createTenantTable(
      knex,
      'variant_prices',
      (t) => {
        t.text('variant_id').notNullable();
        t.specificType('currency', 'char(3)').notNullable();
        t.integer('amount').notNullable();
        t.foreign(['tenant_id', 'variant_id'], 'variant_prices_variant_fk')
          .references(['tenant_id', 'id'])
          .inTable('variants')
          .onDelete('CASCADE');
      },
      { primaryKey: ['variant_id', 'currency'] },
    );
  },
};
