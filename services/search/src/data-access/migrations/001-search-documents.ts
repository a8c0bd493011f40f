import { createTenantTable, type Migration } from '@fleet/db';

/**
 * The embedded engine's documents. One row per product the service has heard of: `active` rows
 * are searchable; `draft`, `archived` and `deleted` rows only keep the version, so a late, older
 * event cannot bring a product back. `doc_tsv` is derived (title weight A, description C) with
 * the language-neutral `simple` configuration, because stores write in every language.
 * `title_tsv` is for ranking only: ts_rank over the short title vector costs a tenth of a rank
 * over the whole `doc_tsv`.
 *
 * The GIN indexes do not carry `tenant_id`: a multi-column GIN index (btree_gin) intersects the
 * whole tenant's posting list on every query, which made a 100,000-product store 4x slower;
 * a small tenant narrows through the btree index instead (BitmapAnd). Both cover active rows
 * only. pg_trgm is a trusted extension: the schema owner may create it.
 */
export const searchDocumentsMigration: Migration = {
  name: '001_search_documents',
  async up(knex) {
    await knex.raw('CREATE EXTENSION IF NOT EXISTS pg_trgm');
    await createTenantTable(
      knex,
      'search_documents',
      (t) => {
        t.text('product_id').notNullable();
        t.integer('version').notNullable();
        t.text('status').notNullable();
        t.text('slug').notNullable().defaultTo('');
        t.text('title').notNullable().defaultTo('');
        t.text('description').notNullable().defaultTo('');
        t.specificType('category_ids', 'text[]').notNullable().defaultTo('{}');
        t.bigInteger('price_min').notNullable().defaultTo(0);
        t.bigInteger('price_max').notNullable().defaultTo(0);
        t.text('price_bucket').notNullable().defaultTo('0-1000');
        t.text('currency').notNullable().defaultTo('');
        t.boolean('available').notNullable().defaultTo(false);
        t.text('image');
        t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
        t.timestamp('indexed_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      },
      { primaryKey: ['product_id'] },
    );
    await knex.raw(`
      ALTER TABLE search_documents
        ADD CONSTRAINT search_documents_status_check
          CHECK (status IN ('active', 'draft', 'archived', 'deleted')),
        ADD COLUMN doc_tsv tsvector GENERATED ALWAYS AS (
          setweight(to_tsvector('simple', title), 'A') || setweight(to_tsvector('simple', description), 'C')
        ) STORED,
        ADD COLUMN title_tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', title)) STORED`);
    await knex.raw(`CREATE INDEX search_documents_tsv_idx ON search_documents
      USING gin (doc_tsv) WHERE status = 'active'`);
    await knex.raw(`CREATE INDEX search_documents_title_trgm_idx ON search_documents
      USING gin (title gin_trgm_ops) WHERE status = 'active'`);
    await knex.raw(`CREATE INDEX search_documents_newest_idx ON search_documents
      (tenant_id, created_at DESC, product_id DESC) WHERE status = 'active'`);
  },
  async down(knex) {
    await knex.schema.dropTable('search_documents');
  },
};
