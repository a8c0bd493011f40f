import { createTenantTable, type Migration } from '@fleet/db';

/** Categories (a tree), collections (flat), and the links from products to both. */
export const taxonomyMigration: Migration = {
  name: '002_taxonomy',
  async up(knex) {
    await createTenantTable(
      knex,
      'categories',
      (t) => {
        t.text('id').notNullable();
        t.text('parent_id');
        t.text('slug').notNullable();
        t.text('name').notNullable();
        t.integer('position').notNullable().defaultTo(0);
        t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
        t.unique(['tenant_id', 'slug'], { indexName: 'categories_slug_unique' });
        t.index(['tenant_id', 'parent_id'], 'categories_parent_idx');
      },
      { primaryKey: ['id'] },
    );
    // A category with children cannot be deleted (RESTRICT): the API answers 409 first.
    await knex.raw(`ALTER TABLE categories ADD CONSTRAINT categories_parent_fk
      FOREIGN KEY (tenant_id, parent_id) REFERENCES categories (tenant_id, id)`);

    await createTenantTable(
      knex,
      'collections',
      (t) => {
        t.text('id').notNullable();
        t.text('slug').notNullable();
        t.text('title').notNullable();
        t.text('description').notNullable().defaultTo('');
        t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
        t.unique(['tenant_id', 'slug'], { indexName: 'collections_slug_unique' });
      },
      { primaryKey: ['id'] },
    );

    await linkTable(knex, 'product_categories', 'category_id', 'categories');
    await linkTable(knex, 'product_collections', 'collection_id', 'collections');
  },
};

type Knex = Parameters<Migration['up']>[0];

async function linkTable(knex: Knex, table: string, column: string, target: string): Promise<void> {
  await createTenantTable(
    knex,
    table,
    (t) => {
      t.text('product_id').notNullable();
      t.text(column).notNullable();
      // The storefront's filter goes from the category to its products.
      t.index(['tenant_id', column, 'product_id'], `${table}_reverse_idx`);
      t.foreign(['tenant_id', 'product_id'], `${table}_product_fk`)
        .references(['tenant_id', 'id'])
        .inTable('products')
        .onDelete('CASCADE');
      t.foreign(['tenant_id', column], `${table}_target_fk`)
        .references(['tenant_id', 'id'])
        .inTable(target)
        .onDelete('CASCADE');
    },
    { primaryKey: ['product_id', column] },
  );
}
