import { createTenantTable, type Migration } from '@fleet/db';

/**
 * Meilisearch has no conditional write, so the Meilisearch engine keeps the last version it sent
 * per product here and skips anything not newer before calling Meilisearch (see
 * meili-search-engine.ts). `deleted` marks a removal, so a late update cannot resurrect it.
 */
export const indexedVersionsMigration: Migration = {
  name: '003_indexed_versions',
  async up(knex) {
    await createTenantTable(
      knex,
      'indexed_versions',
      (t) => {
        t.text('product_id').notNullable();
        t.integer('version').notNullable();
        t.boolean('deleted').notNullable().defaultTo(false);
        t.timestamp('indexed_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      },
      { primaryKey: ['product_id'] },
    );
  },
  async down(knex) {
    await knex.schema.dropTable('indexed_versions');
  },
};
